"""Importing a services spreadsheet of 500 rows (tests/import/generate_services_csv.py) in which 20
rows each have one broken cell: every broken row is reported with its row and column and its code, and
nothing is written; with the rows fixed, all 500 entries are written and the site checks and builds
cleanly, with --strict (no warnings either)."""
from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from import_support import REPO, empty_site, entries  # noqa: E402


@pytest.fixture(scope="module")
def spreadsheet(tmp_path_factory) -> tuple[pathlib.Path, list[dict]]:
    folder = tmp_path_factory.mktemp("csv")
    subprocess.run([sys.executable, str(REPO / "tests" / "import" / "generate_services_csv.py"), str(folder)], check=True)
    return folder, json.loads((folder / "expected.json").read_text())


def test_the_spreadsheet_has_cells_that_need_rfc_4180(spreadsheet):
    folder, expected = spreadsheet
    text = (folder / "services-broken.csv").read_text()
    assert len(expected) == 20
    assert '""quiet""' in text, "a quoted cell with doubled quotes"
    assert re.search(r'"[^"]*\n[^"]*"', text), "a quoted cell with a line break"
    assert '"Leisure, play and activities' in text, "a quoted cell with a comma"


def test_each_broken_row_is_reported_with_its_row_and_column_and_nothing_is_written(spreadsheet, localoffer, tmp_path):
    folder, expected = spreadsheet
    content = empty_site(tmp_path)
    result = localoffer("import", "csv", str(folder / "services-broken.csv"), "--content", str(content))
    assert result.returncode == 1
    found = re.findall(r"services-broken\.csv:(\d+):(\d+): error: .*\[(LO\d+)\]", result.stderr)
    assert sorted((int(r), int(c), code) for r, c, code in found) == sorted((e["row"], e["column"], e["code"]) for e in expected)
    assert len(re.findall(r": error: ", result.stderr)) == 20
    for e in expected:
        line = next(l for l in result.stderr.splitlines() if f":{e['row']}:{e['column']}: error:" in l)
        assert f"'{e['name']}'" in line or e["code"] == "LO702", line
    assert entries(content) == [] and entries(content, "organisations") == []
    assert "Would write 480 services" in result.stdout


def test_with_partial_the_clean_rows_are_written(spreadsheet, localoffer, tmp_path):
    folder, _ = spreadsheet
    content = empty_site(tmp_path)
    result = localoffer("import", "csv", str(folder / "services-broken.csv"), "--content", str(content), "--partial")
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(entries(content)) == 480


def test_with_the_rows_fixed_the_entries_build_cleanly(spreadsheet, localoffer, tmp_path):
    folder, _ = spreadsheet
    content = empty_site(tmp_path)
    result = localoffer("import", "csv", str(folder / "services-fixed.csv"), "--content", str(content))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Wrote 500 services (0 as drafts) and 8 organisations" in result.stdout
    assert len(entries(content)) == 500
    check = localoffer("check", "--content", str(content), "--strict")
    assert check.returncode == 0, check.stderr[-3000:]
    output = tmp_path / "public"
    build = localoffer("build", "--content", str(content), "--output", str(output), "--strict")
    assert build.returncode == 0, build.stderr[-3000:]
    assert len(list((output / "services").glob("*/index.html"))) == 500
    # A cell with HTML became Markdown; a cell with commas and quotes kept them.
    bodies = "".join(p.read_text() for p in entries(content))
    assert "- Small groups, \"quiet\" rooms" in bodies
    assert "<p>" not in bodies

    again = localoffer("import", "csv", str(folder / "services-fixed.csv"), "--content", str(content))
    assert again.returncode == 1 and again.stderr.count("[LO705]") == 500, "nothing is replaced without --force"
    forced = localoffer("import", "csv", str(folder / "services-fixed.csv"), "--content", str(content), "--force")
    assert forced.returncode == 0, forced.stderr[-2000:]
    assert len(entries(content)) == 500
