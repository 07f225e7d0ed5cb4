"""Importing a realistic, messy ORUK 1.0 feed of 320 services (tests/import/generate_messy_feed.py):
HTML descriptions, empty strings and nulls, missing eligibility and contacts, duplicate names, nested
and duplicated organisations, invalid values, and records with no name.

What must hold: every named service becomes an entry; the nameless ones are reported as
file:record N with LO702 and, without --partial, nothing is written; no entry keeps raw HTML or an
undecoded entity; `check` passes (drafts' missing fields are warnings, LO115, one per field the draft's
comment names); the site builds, publishes only the complete entries, and its Open Referral feed of them
validates against the ORUK schema files.
"""
from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from import_support import REPO, empty_site, entries  # noqa: E402

sys.path.insert(0, str(REPO / "tests" / "openreferral"))
from oruk_schema import errors  # noqa: E402  (the ORUK validator's schema files, with format checks)

RAW_HTML = re.compile(r"(?<!\\)<[A-Za-z/!?]")
ENTITY = re.compile(r"(?<!\\)&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> tuple[pathlib.Path, dict]:
    folder = tmp_path_factory.mktemp("feed")
    expected_file = folder.parent / "expected-messy.json"
    subprocess.run([sys.executable, str(REPO / "tests" / "import" / "generate_messy_feed.py"), str(folder / "feed"),
                    "--expected", str(expected_file)], check=True)
    return folder / "feed", json.loads(expected_file.read_text())


@pytest.fixture(scope="module")
def imported(feed, localoffer, tmp_path_factory):
    """The feed imported with --partial into an empty site."""
    folder, expected = feed
    content = empty_site(tmp_path_factory.mktemp("site"))
    result = localoffer("import", "openreferral", str(folder), "--content", str(content), "--partial")
    return content, expected, result


def test_the_feed_is_big_and_messy(feed):
    folder, expected = feed
    assert expected["records"] >= 300
    text = "".join(p.read_text() for p in folder.glob("*.json"))
    for mess in ("<p>", "<br>", "&amp;", "&nbsp;", '""', "null", "<script>", "n/a", "www.", "eligibilitys"):
        assert mess in text, f"the generated feed should contain {mess}"


def test_nameless_records_stop_the_import_and_nothing_is_written(feed, localoffer, tmp_path):
    folder, expected = feed
    content = empty_site(tmp_path)
    result = localoffer("import", "openreferral", str(folder), "--content", str(content))
    assert result.returncode == 1, result.stdout + result.stderr
    reported = re.findall(r"(feed-page-\d\.json:record \d+): error: .* \[LO702\]", result.stderr)
    assert sorted(reported) == sorted(expected["nameless"])
    assert len(re.findall(r": error: ", result.stderr)) == len(expected["nameless"]), "no other errors"
    assert entries(content) == [] and entries(content, "organisations") == []
    assert "Nothing was written" in result.stdout


def test_every_named_service_becomes_an_entry(imported):
    content, expected, result = imported
    assert result.returncode == 0, result.stderr[-3000:]
    services = entries(content)
    assert len(services) == expected["named"]
    assert f"Wrote {expected['named']} services" in result.stdout
    assert "Most common missing fields: eligibility.ehc_plan" in result.stdout
    titles = [re.search(r"^title: (.*)$", p.read_text(), re.M).group(1) for p in services]
    assert len(set(t.lower() for t in titles)) == len(titles), "duplicate names are told apart"
    assert any("(Hillcrest Academy)" in t or "(Riverside Family Centre)" in t for t in titles)
    organisations = entries(content, "organisations")
    assert 0 < len(organisations) <= 12, "the same organisation under two ids is one organisation"


def test_no_entry_keeps_raw_html_or_entities(imported):
    content, _, _ = imported
    for path in entries(content) + entries(content, "organisations"):
        text = path.read_text()
        body = text.split("\n---\n", 1)[1]
        assert not RAW_HTML.search(body), f"{path.name} keeps raw HTML: {RAW_HTML.search(body).group(0)!r}"
        assert not ENTITY.search(text), f"{path.name} keeps an entity: {ENTITY.search(text).group(0)!r}"
        assert "alert(" not in text, f"{path.name} keeps a script"
        values = [line for line in text.split("\n---\n", 1)[0].splitlines() if not line.startswith("#")]
        assert not RAW_HTML.search("\n".join(values)), f"{path.name} has raw HTML in its front matter"


def test_drafts_name_what_they_lack_and_check_warns_about_exactly_that(imported, localoffer):
    content, _, _ = imported
    result = localoffer("check", "--content", str(content), "--format", "json")
    assert result.returncode == 0, result.stdout[-3000:]
    diagnostics = json.loads(result.stdout)
    assert all(d["severity"] == "warning" for d in diagnostics)
    by_file: dict[str, list[str]] = {}
    for d in diagnostics:
        if d["code"] == "LO115":
            by_file.setdefault(pathlib.Path(d["file"]).name, []).append(d["message"])
    drafts = 0
    for path in entries(content):
        text = path.read_text()
        match = re.search(r"^# Draft: not published until these are filled in: (.*)\.$", text, re.M)
        if "\nstatus: draft\n" not in text:
            assert match is None and path.name not in by_file
            continue
        drafts += 1
        if match is None:  # a draft only because the feed marks it inactive or defunct
            assert "# The source marks this service" in text
            continue
        warned = " ".join(by_file.get(path.name, []))
        for field in match.group(1).split(", "):
            name = {"description": "description"}.get(field, field.split(".")[-1])
            assert name in warned or field.split(".")[0] in warned, f"{path.name}: check does not warn about {field}: {warned}"
    assert drafts > 0


def test_the_site_builds_and_publishes_only_complete_entries(imported, localoffer, tmp_path):
    content, _, _ = imported
    output = tmp_path / "public"
    result = localoffer("build", "--content", str(content), "--output", str(output))
    assert result.returncode == 0, result.stderr[-3000:]
    complete = [p.stem for p in entries(content) if "\nstatus: draft\n" not in p.read_text()]
    published = sorted(p.parent.name for p in (output / "services").glob("*/index.html"))
    assert published == sorted(complete)
    page = json.loads((output / "openreferral" / "services" / "index.html").read_text())
    assert page["total_items"] == len(complete)
    assert errors("service_list.json", page) == []
    for path in (output / "openreferral" / "services").iterdir():
        if path.name != "index.html":
            assert errors("service.json", json.loads(path.read_text())) == [], path.name
