// Compile JSON Schemas under Ajv's strict mode and report anything it says.
//
//   node tests/js/compile.mjs [SCHEMA_FILE ...]
//
// With no file, every schemas/*.schema.json of the repository. Prints each
// warning or error as "FILE: message" and exits 1 if there is any; exits 0,
// printing "ok FILE" per schema, only when Ajv reports nothing at all.
//
// Two passes per file, each with a fresh Ajv:
//
// 1. The contract: new Ajv2020({strict: true, allErrors: true}) with a logger
//    that keeps every call. strict: true turns every strict* mode on, and
//    then Ajv throws on the first strict-mode violation in a schema; the
//    options are checked below, so that a change of Ajv's defaults cannot
//    quietly weaken the check.
// 2. A survey: every strict* mode set to "log" instead of true, so that Ajv
//    reports each violation in the file rather than stopping at the first.
//    Ajv runs the same checks in both modes (checkStrictMode throws for true
//    and warns for "log"), so the two passes agree on whether a file is
//    clean; the survey only makes the list complete.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";

const STRICT_MODES = [
  "strictSchema",
  "strictNumbers",
  "strictTypes",
  "strictTuples",
  "strictRequired",
];

const here = path.dirname(fileURLToPath(import.meta.url));
const schemasDir = path.resolve(here, "..", "..", "schemas");

function schemaFiles(args) {
  if (args.length > 0) {
    return args;
  }
  return readdirSync(schemasDir)
    .filter((name) => name.endsWith(".schema.json"))
    .sort()
    .map((name) => path.join(schemasDir, name));
}

function collectingLogger(into) {
  const keep = (level) => (...args) => {
    into.push(`${level}: ${args.map(String).join(" ")}`);
  };
  return { log: keep("log"), warn: keep("warning"), error: keep("error") };
}

function compileWith(options, schema) {
  const reports = [];
  const ajv = new Ajv2020({ ...options, logger: collectingLogger(reports) });
  try {
    ajv.compile(schema);
  } catch (error) {
    reports.push(`error: ${error.message}`);
  }
  return { ajv, reports };
}

// Ajv gives a location inside a $ref'd definition relative to that
// definition ("#/properties/sets" for "#/$defs/Dosage/properties/sets"), so
// say where in the file the keyword is.
function pointerGet(schema, pointer) {
  let node = schema;
  for (const token of pointer.split("/").slice(1)) {
    const key = token.replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !(key in node)) {
      return undefined;
    }
    node = node[key];
  }
  return node;
}

function located(schema, report) {
  const found = /for keyword "([^"]+)" at "[^"#]*#([^"]*)"/.exec(report);
  if (found === null) {
    return report;
  }
  const [, keyword, pointer] = found;
  const prefixes = ["", ...Object.keys(schema.$defs ?? {}).map((name) => `/$defs/${name}`)];
  const places = prefixes
    .map((prefix) => `${prefix}${pointer}`)
    .filter((place) => {
      const node = pointerGet(schema, place);
      return node !== null && typeof node === "object" && keyword in node;
    });
  return places.length === 0 || (places.length === 1 && places[0] === pointer)
    ? report
    : `${report} (in this file: ${places.map((place) => `#${place}`).join(" or ")})`;
}

function check(file) {
  const reports = [];
  let schema;
  try {
    schema = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return [`error: cannot read the schema: ${error.message}`];
  }

  const contract = compileWith({ strict: true, allErrors: true }, schema);
  for (const mode of STRICT_MODES) {
    if (contract.ajv.opts[mode] !== true) {
      reports.push(
        `error: the check is too weak: Ajv option ${mode} is ` +
          `${JSON.stringify(contract.ajv.opts[mode])}, not true`,
      );
    }
  }
  reports.push(...contract.reports.map((report) => `${report} [strict: true]`));

  const surveyOptions = { allErrors: true };
  for (const mode of STRICT_MODES) {
    // strictNumbers acts when validating data, and takes only a boolean.
    surveyOptions[mode] = mode === "strictNumbers" ? true : "log";
  }
  const survey = compileWith(surveyOptions, schema);
  reports.push(...survey.reports.map((report) => `${report} [survey]`));
  return [...new Set(reports)].map((report) => located(schema, report));
}

let failed = false;
for (const file of schemaFiles(process.argv.slice(2))) {
  const relative = path.relative(process.cwd(), file);
  const name = relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
  const reports = check(file);
  if (reports.length === 0) {
    console.log(`ok ${name}`);
  }
  for (const report of reports) {
    failed = true;
    console.log(`${name}: ${report}`);
  }
}
process.exitCode = failed ? 1 : 0;
