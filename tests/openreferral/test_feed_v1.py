"""The same services in the ORUK 1.0 shape (openreferral/v1/), which most UK feeds and readers still
use: each service against the JSON schema the ORUK validator applies to 1.0 /services/{id}
(oruk-1.0/service.validator.json, from github.com/tpximpact/OpenReferralApi), with format checks; the
paged list in 1.0's names; and the 1.0 feed imported into an empty site and exported again, unchanged."""
from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest
from jsonschema import Draft7Validator, FormatChecker

REPO = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = json.loads((pathlib.Path(__file__).parent / "oruk-1.0" / "service.validator.json").read_text())
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@pytest.fixture(scope="module")
def v1(site) -> pathlib.Path:
    return site / "openreferral" / "v1"


def test_every_service_validates_against_the_1_0_schema(v1):
    checker = FormatChecker()
    for name in ("email", "uri"):
        assert name in checker.checkers, f"jsonschema cannot check {name}"
    validator = Draft7Validator(SCHEMA, format_checker=checker)
    page = json.loads((v1 / "services" / "index.html").read_text())
    files = sorted(p for p in (v1 / "services").iterdir() if p.name != "index.html")
    assert len(files) == page["totalElements"] == len(page["content"]) >= 60
    for path in files:
        document = json.loads(path.read_text())
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == [], f"{path.name}: {errors[:3]}"
        assert UUID.match(document["id"]) and UUID.match(document["organization"]["id"])
        for eligibility in document["eligibilitys"]:
            assert isinstance(eligibility["minimum_age"], int) and isinstance(eligibility["maximum_age"], int)
        for schedule in document.get("regular_schedules", []):
            assert schedule["weekday"] in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
            assert re.fullmatch(r"\d\d:\d\d:\d\d", schedule["opens_at"])
    assert (page["totalPages"], page["number"], page["first"], page["last"], page["empty"]) == (1, 1, True, True, False)
    assert {item["id"] for item in page["content"]} == {p.name for p in files}
    v3 = json.loads((v1.parent / "services" / "index.html").read_text())
    assert {item["id"] for item in v3["contents"]} == {p.name for p in files}, "the same ids as the 3.0 feed"


def test_the_1_0_feed_imports_into_an_empty_site(v1, binary, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for name in ("site.yml", "glossary.yml", "synonyms.yml"):
        shutil.copy(REPO / "content" / name, content / name)
    env = {**os.environ, "LOCALOFFER_TODAY": "2026-11-23"}
    result = subprocess.run([str(binary), "import", "openreferral", str(v1), "--content", str(content)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    services = sorted((content / "services").glob("*.md"))
    page = json.loads((v1 / "services" / "index.html").read_text())
    assert len(services) == page["totalElements"]
    assert not [p.name for p in services if "\nstatus: draft\n" in p.read_text()], "every service comes back complete"
    check = subprocess.run([str(binary), "check", "--content", str(content)], capture_output=True, text=True, env=env)
    assert check.returncode == 0, check.stderr[-2000:]
    # Everything the 1.0 shape carries comes back: exporting the imported site gives the same 1.0 feed.
    output = tmp_path / "public"
    build = subprocess.run([str(binary), "build", "--content", str(content), "--output", str(output)],
                           capture_output=True, text=True, env=env)
    assert build.returncode == 0, build.stderr[-2000:]
    again = output / "openreferral" / "v1"
    before = {p.relative_to(v1).as_posix(): p.read_bytes() for p in v1.rglob("*") if p.is_file()}
    after = {p.relative_to(again).as_posix(): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert before.keys() == after.keys()
    assert [name for name in before if before[name] != after[name]] == []
