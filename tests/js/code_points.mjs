// Which Unicode code points a pattern matches, as ECMAScript sees it.
//
//   node tests/js/code_points.mjs PATTERN
//
// Tests every code point from U+0000 to U+10FFFF, each alone as a string,
// with new RegExp(PATTERN, "u").test(...), as Ajv runs a schema's pattern,
// and writes the ranges it matches as JSON: [[first, last], ...].

const [pattern, ...rest] = process.argv.slice(2);
if (pattern === undefined || rest.length > 0) {
  process.stderr.write("usage: node code_points.mjs PATTERN\n");
  process.exit(2);
}
const regex = new RegExp(pattern, "u");
const ranges = [];
for (let point = 0; point <= 0x10ffff; point++) {
  if (!regex.test(String.fromCodePoint(point))) continue;
  const last = ranges[ranges.length - 1];
  if (last !== undefined && last[1] === point - 1) last[1] = point;
  else ranges.push([point, point]);
}
process.stdout.write(`${JSON.stringify(ranges)}\n`);
