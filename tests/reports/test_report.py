"""The commissioners' report three ways, which must agree: `localoffer report --format csv`, the
table on the published page, and the heat map drawn beside it. Also: `report` refuses content with
errors, and the page keeps out of search engines and the sitemap."""
from __future__ import annotations

import csv
import html.parser
import io
import os
import pathlib
import re
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SITE = pathlib.Path(os.environ.get("LOCALOFFER_TEST_SITE", REPO / ".build" / "test-site"))
BINARY = pathlib.Path(os.environ.get("LOCALOFFER_BINARY", REPO / ".build" / "debug" / "localoffer"))
TODAY = "2026-11-23"  # the day `make test` builds the test site for


def run(*args: str) -> subprocess.CompletedProcess:
    if not BINARY.is_file():
        pytest.fail(f"no localoffer binary at {BINARY}")
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, env={**os.environ, "LOCALOFFER_TODAY": TODAY})


class CoverageTable(html.parser.HTMLParser):
    """The numbers of the coverage table (the one captioned coverage-caption) and of the heat map."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[int]] = []
        self.svg_numbers: list[int] = []
        self._in_table = False
        self._in_number = False
        self._in_svg_number = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "caption" and a.get("id") == "coverage-caption":
            self._in_table = True
        if self._in_table and tag == "tr":
            self.rows.append([])
        if self._in_table and tag == "span" and a.get("class") == "app-report-number":
            self._in_number = True
        if tag == "text" and a.get("font-size") == "20":
            self._in_svg_number = True

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_table = False
        if tag == "span":
            self._in_number = False
        if tag == "text":
            self._in_svg_number = False

    def handle_data(self, data):
        if self._in_number:
            self.rows[-1].append(int(data))
        if self._in_svg_number:
            self.svg_numbers.append(int(data))


def test_the_cli_the_page_and_the_heat_map_give_the_same_numbers():
    result = run("report", "--format", "csv", "--content", str(REPO / "content"))
    assert result.returncode == 0, result.stderr
    rows = [r for r in csv.reader(io.StringIO(result.stdout)) if r and r[0] == "coverage"]
    assert len(rows) == 16
    from_cli = [int(r[3]) for r in rows]

    page = (SITE / "reports" / "index.html").read_text()
    parsed = CoverageTable()
    parsed.feed(page)
    from_table = [n for row in parsed.rows for n in row]
    assert from_table == from_cli
    assert parsed.svg_numbers == [n for n, r in zip(from_cli, rows) if r[5] != "no-service"]

    text = run("report", "--content", str(REPO / "content")).stdout
    assert "commissioning report, 23 November 2026" in text
    for heading in ("Coverage:", "Gaps:", "Services by commissioner and level", "Reviews:", "Missing information:"):
        assert heading in text


def test_the_page_is_noindex_and_not_in_the_sitemap():
    page = (SITE / "reports" / "index.html").read_text()
    assert '<meta name="robots" content="noindex">' in page
    assert "/reports/" not in (SITE / "sitemap.xml").read_text()
    assert not re.search(r'href="[^"]*/reports/"', (SITE / "index.html").read_text()), "not in the families' navigation"


def test_report_refuses_content_with_errors(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    service = next((content / "services").glob("*.md"))
    service.write_text(service.read_text().replace("title:", "titel:", 1))
    result = run("report", "--content", str(content))
    assert result.returncode == 1
    assert "[LO101]" in result.stderr and result.stdout == ""
