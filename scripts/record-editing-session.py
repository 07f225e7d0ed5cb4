#!/usr/bin/env python3
"""Records an editing session with the real `localoffer` binary into docs/editing-session.md.

    swift build --product localoffer && python3 scripts/record-editing-session.py [--localoffer PATH]

The session runs in a new temporary folder outside the repository, with LOCALOFFER_TODAY fixed so
that the recording is the same on every run: init, new, check (the placeholders), the editor's
changes (shown as a diff), check again (a mistake left), the fix, check clean, build, a dry run after
one more change, review, and the live preview (serve: a mistake saved, shown, fixed).
"""
from __future__ import annotations

import argparse
import difflib
import http.client
import os
import re
import subprocess
import signal
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"


class Session:
    def __init__(self, binary: Path, folder: Path):
        self.binary = binary
        self.cwd = folder
        self.parts: list[str] = []

    def say(self, text: str) -> None:
        self.parts.append(text.strip() + "\n")

    def run(self, command: str) -> str:
        """Runs `localoffer ...` (written as the editor types it) and records the terminal."""
        arguments = command.split()
        assert arguments[0] == "localoffer"
        result = subprocess.run([str(self.binary), *arguments[1:]], cwd=self.cwd, capture_output=True, text=True,
                                env={**os.environ, "LOCALOFFER_TODAY": TODAY})
        # Diagnostics go to standard error as they are found; the summary to standard output last.
        output = (result.stderr + result.stdout).rstrip("\n")
        output = re.sub(r"in \d+\.\d\d s", "in 0.00 s", output)  # timings differ from run to run
        self.parts.append(f"```console\n$ {command}\n{output}\n```\n" + (f"\n(exit status {result.returncode})\n" if result.returncode else ""))
        return output

    def edit(self, relative: str, change) -> None:
        """The editor changes a file in their text editor; recorded as a diff."""
        path = self.cwd / relative
        before = path.read_text(encoding="utf-8")
        after = change(before)
        path.write_text(after, encoding="utf-8")
        diff = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                    fromfile=f"a/{relative}", tofile=f"b/{relative}", n=0)
        self.parts.append("```diff\n" + "".join(diff).rstrip("\n") + "\n```\n")


    def serve(self, steps) -> None:
        """Runs `localoffer serve` while `steps(port, wait)` edits files and asks for pages, and records
        the server's terminal; `wait(text)` waits until the server has printed `text`."""
        command = "localoffer serve --port 0"
        process = subprocess.Popen([str(self.binary), *command.split()[1:]], cwd=self.cwd, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True, env={**os.environ, "LOCALOFFER_TODAY": TODAY})
        lines: list[str] = []

        def wait(text: str, seconds: float = 30) -> None:
            deadline = time.time() + seconds
            while time.time() < deadline and not any(text in line for line in lines):
                line = process.stdout.readline()
                if not line:
                    break
                lines.append(line)
            assert any(text in line for line in lines), f"serve never printed {text!r}: {lines}"

        wait("Press Ctrl-C")
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", "".join(lines)).group(1))
        try:
            steps(port, wait)
        finally:
            process.send_signal(signal.SIGINT)
            rest, _ = process.communicate(timeout=20)
            lines.append("^C\n" + rest)
        output = "".join(lines).rstrip("\n")
        output = re.sub(r"127\.0\.0\.1:\d+/", "127.0.0.1:4000/", output)  # a free port, different every run
        output = re.sub(r"\d+\.\d\d s\)", "0.00 s)", output)
        output = re.sub(r"Rebuilt in \d+ ms", "Rebuilt in N ms", output)  # timings differ from run to run
        self.parts.append(f"```console\n$ localoffer serve\n{output}\n```\n")

    def page(self, port: int, path: str) -> str:
        """What the browser gets for `path` from the preview: the status line, recorded."""
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        connection.close()
        return f"{response.status} {response.reason}"


def replace_lines(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--localoffer", type=Path, default=ROOT / ".build" / "debug" / "localoffer")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "editing-session.md")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="localoffer-session-") as temporary:
        session = Session(options.localoffer.resolve(), Path(temporary))
        session.say(f"""
# An editing session

What a content editor sees in the terminal, from a new site to a published change. Recorded with
the real `localoffer` by `scripts/record-editing-session.py` in an empty folder outside the
repository, on {TODAY} (`LOCALOFFER_TODAY`), so anyone can record it again and get the same text.

## A new site

`init` writes a site that checks and builds at once; the theme is built into `localoffer`.
""")
        session.run("localoffer init kingsmere-local-offer")
        session.cwd = session.cwd / "kingsmere-local-offer"
        session.say("""
## A new service

`new` writes every field, explained in a comment, with `TODO` wherever the editor must write
something. The first `check` lists every one of them, each once, at its line: the organisation and
categories too, and nothing else (no "organisation 'TODO' does not exist", no "not a UK phone number").
""")
        session.run("localoffer new service holiday-play-scheme")
        session.run("localoffer check")
        session.say("""
## The editor fills it in

The changes, as a diff. Two mistakes slip in: a quote left open on the title, and a line indented
by three spaces.
""")
        session.edit("content/services/holiday-play-scheme.md", lambda text: replace_lines(text, {
            "title: TODO": 'title: "Holiday play scheme',
            "summary: TODO": "summary: Play, sport and day trips in the school holidays for disabled children aged 5 to 17.",
            "organisation: TODO": "organisation: example-send-team",
            "categories: [TODO]": "categories: [advice-and-support]",
            "  age: {min: 0, max: 25}": "  age: {min: 5, max: 17}",
            "  ehc_plan: not-required": "   ehc_plan: not-required",
            "  criteria: TODO": "  criteria: For children who live in the borough and need extra support to join in.",
            "  name: TODO": "  name: Holiday play team",
            "  phone: TODO": "  phone: 020 7946 0420",
            "  email: TODO": "  email: play@example.org",
            "  website: TODO\n": "",
            "status: draft": "status: active",
            "TODO: describe what the service does, what happens after a referral and how to get it, in plain English.":
                "Children play, swim and go on trips with trained play workers, one to one if they need it.",
            "TODO: who can ask for the service and how: by phone, online, or through a GP, school or social worker.":
                "Book a place by phone from the first day of each half term.",
            "TODO: how to complain or give feedback, and to whom.": "Tell the play team leader, or write to the SEND Team.",
        }))
        session.say("""
`check` reports both, each where it is: the quote at the line and column where it opens (not where
the YAML reader gave up, lines later), and the indentation with the number of spaces the line needs.
""")
        session.run("localoffer check")
        session.edit("content/services/holiday-play-scheme.md", lambda text: replace_lines(text, {
            'title: "Holiday play scheme': "title: Holiday play scheme",
            "   ehc_plan: not-required": "  ehc_plan: not-required",
        }))
        session.run("localoffer check")
        session.say("""
## Publishing

`build` writes the site to `public/`, swapping it in only when every page is made.
""")
        session.run("localoffer build")
        session.say("""
## Previewing while editing

`serve` builds the site and serves it on this computer only (<http://127.0.0.1:4000/>). It watches
`content/` and `templates/`: when a file is saved, it rebuilds and every open page reloads itself.
Here the editor saves a mistake in the service's e-mail address, sees it in the terminal (the
browser shows the same errors in place of every page), fixes it, and stops the preview with Ctrl-C.
(Times are written N here: they differ from run to run.)
""")
        service = "content/services/holiday-play-scheme.md"
        statuses: list[str] = []

        def steps(port: int, wait) -> None:
            path = session.cwd / service
            text = path.read_text(encoding="utf-8")
            email = re.search(r"email: (\S+@\S+)", text).group(1)
            path.write_text(text.replace(f"email: {email}", "email: holiday-play.example.org"), encoding="utf-8")
            wait("error")
            statuses.append(f"after saving the mistake: GET /services/holiday-play-scheme/ → {session.page(port, '/services/holiday-play-scheme/')}")
            path.write_text(text, encoding="utf-8")
            wait("open pages reload")
            statuses.append(f"after fixing it: GET /services/holiday-play-scheme/ → {session.page(port, '/services/holiday-play-scheme/')}")

        session.serve(steps)
        session.say("What the browser was given meanwhile:\n\n" + "\n".join(f"- {line}" for line in statuses) + "\n")
        session.say("""

## What will the next build change?

One more change, to the organisation's page; `--dry-run` says what the build would do to `public/`
and writes nothing.
""")
        session.edit("content/organisations/example-send-team.md", lambda text: text.replace(
            "reviews them every year", "reviews them every year, in person or online,"))
        session.run("localoffer build --dry-run")
        session.say("""
## Reviews falling due

`review` lists what needs checking with providers soon, by organisation and with the address to
write to. Nothing is due in a new site for a year; 400 days ahead, everything is.
""")
        session.run("localoffer review")
        session.run("localoffer review --within 400")
        options.output.write_text("\n".join(session.parts), encoding="utf-8")
    print(f"wrote {options.output.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
