"""A log of sessions as JSON Lines: one ``session`` document a line.

An app adds a session by appending a line, never rewriting the file: a
log written on a phone and read on a server stays whole.  Reading refuses
what it would otherwise have to guess: a line that is not a session, a
blank line, and a last line cut short (a write that did not finish), each
named by its line number.
"""

from __future__ import annotations

import os
from pathlib import Path

from backroutine._json import dumps, loads
from backroutine._programme_model import Session
from backroutine._public import publish
from backroutine.exceptions import InvalidDocumentError

__all__ = ["append_session", "read_log", "session_line"]


def session_line(session: Session) -> bytes:
    """*session* as one line of a log: compact JSON and a line break."""
    return dumps(session).encode("utf-8") + b"\n"


def read_log(path: str | os.PathLike[str]) -> tuple[Session, ...]:
    """The sessions of the log at *path*, in the order written.

    Session *n* of the result is line *n* of the file.

    Raises:
        InvalidDocumentError: A line is not a valid session, is blank, or is
            the last line and cut short (the file does not end with a line
            break, and the line is not a whole document); each problem
            starts with its line number, such as ``line 3: $.exercises[0].pain:
            must be at most 10 (got 11)``.
        OSError: The file cannot be read.
    """
    data = Path(path).read_bytes()
    lines = data.split(b"\n")
    ends_whole = lines[-1] == b""
    if ends_whole:
        lines.pop()
    sessions: list[Session] = []
    problems: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            problems.append(f"line {number}: is blank (a log holds a session a line)")
            continue
        try:
            sessions.append(loads(line, Session))
        except InvalidDocumentError as error:
            if number == len(lines) and not ends_whole:
                problems.append(
                    f"line {number}: is cut short (the file does not end with a "
                    "line break, and the line is not a whole session): "
                    f"{error.problems[0]}"
                )
            else:
                problems.extend(f"line {number}: {p}" for p in error.problems)
    if problems:
        raise InvalidDocumentError(problems, kind="session")
    return tuple(sessions)


def append_session(path: str | os.PathLike[str], session: Session) -> None:
    """Add *session* to the end of the log at *path*, making it if need be.

    The lines already there are never rewritten: the session is appended
    as one line, in one write.

    Raises:
        InvalidDocumentError: The file does not end with a line break: its
            last line was cut short, and appending would join the new
            session to it.  Nothing is written.
        OSError: The file cannot be written.
    """
    line = session_line(session)
    with Path(path).open("ab") as log:
        if log.tell() > 0:
            with Path(path).open("rb") as existing:
                existing.seek(-1, os.SEEK_END)
                last = existing.read(1)
            if last != b"\n":
                problem = (
                    "$: the log does not end with a line break, so its last line "
                    "was cut short; mend or remove that line before appending"
                )
                raise InvalidDocumentError([problem], kind="session")
        log.write(line)


publish(read_log, append_session)
