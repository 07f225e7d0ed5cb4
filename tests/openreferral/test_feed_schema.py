"""The demo's Open Referral UK 3.0 endpoint against the exact schema files the live ORUK validator uses
(tests/openreferral/oruk-validator-3.0/schema/), with an independent validator: Python's jsonschema.

What the live validator does (see oruk-validator-3.0/README.txt) and how this test mirrors it:
- it GETs {base}/, {base}/services?page=1 and {base}/services/{id}: here the three kinds of file, and
  every /services/{id} file, not 10 picked at random;
- the schema files declare no $schema, so formats are asserted: here the format checker runs on uuid,
  uri, email, date and date-time (rfc3987 and rfc3339-validator provide the last two; a test below
  proves that each check really runs by feeding it a bad value);
- their $refs are absolute https://openreferraluk.org/... URLs, mapped here to the local copies;
- a failing optional endpoint fails the whole feed: so the optional lists and items are checked too.
"""
from __future__ import annotations

import json
import pathlib
import re

import pytest
import yaml

import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from oruk_schema import FORMAT_CHECKER, FORMATS, UUID, errors  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]

def load(path: pathlib.Path):
    return json.loads(path.read_text(encoding="utf-8"))


def published_service_slugs() -> list[str]:
    slugs = []
    for path in sorted((REPO / "content" / "services").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        if (yaml.safe_load(front) or {}).get("status", "active") != "draft":
            slugs.append(path.stem)
    return slugs


@pytest.fixture(scope="module")
def feed(site) -> pathlib.Path:
    return site / "openreferral"


def test_the_format_checks_really_run():
    """Without rfc3987 and rfc3339-validator jsonschema silently skips uri and date-time: prove each runs."""
    for name in FORMATS:
        assert name in FORMAT_CHECKER.checkers, f"jsonschema cannot check format {name}; see scripts/install-test-tools.sh"
    bad = {"id": "not-a-uuid", "name": "x", "status": "active", "url": "www.example.org",
           "email": "someone@", "last_modified": "yesterday"}
    found = " ".join(errors("service.json", bad))
    for fragment in ("'not-a-uuid' is not a 'uuid'", "'www.example.org' is not a 'uri'", "'someone@' is not a 'email'",
                     "'yesterday' is not a 'date-time'"):
        assert fragment in found, f"expected «{fragment}» in {found}"
    assert errors("api_details.json", {"version": "HSDS-UK-3.0", "profile": "/relative", "openapi_url": "x"}), \
        "relative URLs must fail the root document"
    assert not FORMAT_CHECKER.conforms("2026-02-30", "date"), "an impossible date must fail the date format"


def test_root_document(feed):
    root = load(feed / "index.html")
    assert errors("api_details.json", root) == []
    # The validator strips "HSDS-UK-" and reads 3.0: anything else silently means ORUK 1.0 rules.
    assert root["version"] == "HSDS-UK-3.0"
    for key in ("profile", "openapi_url"):
        assert root[key].startswith("https://")


def test_services_page_lists_every_published_service_on_one_page(feed):
    page = load(feed / "services" / "index.html")
    assert errors("service_list.json", page) == []
    slugs = published_service_slugs()
    assert len(slugs) >= 60
    assert page["total_items"] == len(slugs) == page["size"] == len(page["contents"])
    assert (page["total_pages"], page["page_number"], page["first_page"], page["last_page"], page["empty"]) == (1, 1, True, True, False)
    urls = {item["url"] for item in page["contents"]}
    assert urls == {f"https://localoffer.kingsmere.example.org/services/{slug}/" for slug in slugs}, "one entry per published service"
    ids = [item["id"] for item in page["contents"]]
    assert len(set(ids)) == len(ids)


def test_every_service_file_validates_with_no_errors(feed):
    page = load(feed / "services" / "index.html")
    listed = {item["id"] for item in page["contents"]}
    files = sorted(p for p in (feed / "services").iterdir() if p.name != "index.html")
    assert {p.name for p in files} == listed, "a /services/{id} file for every listed service, and no other"
    problems = {}
    for path in files:
        found = errors("service.json", load(path))
        if found:
            problems[path.name] = found[:5]
    assert problems == {}


def _walk(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}/{index}")
    else:
        yield path, value


def test_no_nulls_no_empty_values_and_every_id_a_uuid(feed):
    for path in sorted(p for p in feed.rglob("*") if p.is_file()):
        for where, value in _walk(load(path)):
            assert value is not None, f"{path}: null at {where}"
            assert value != "" and value != [] and value != {}, f"{path}: empty value at {where}"
            key = where.rsplit("/", 1)[-1]
            if key == "id" or key.endswith("_id"):
                assert UUID.match(value), f"{path}: {where} = {value!r} is not a lower-case UUID"


def test_what_the_dfe_importer_needs_beyond_the_schema(feed):
    """github.com/DFE-Digital/fh-services reads every /services/{id} strictly (see README.txt)."""
    for path in sorted(p for p in (feed / "services").iterdir() if p.name != "index.html"):
        service = load(path)
        for key in ("minimum_age", "maximum_age"):
            assert isinstance(service[key], int) and 0 <= service[key] <= 255, f"{path.name}: {key}"
        assert service["organization"]["description"], path.name
        for schedule in service.get("schedules", []):
            for key in ("opens_at", "closes_at"):
                assert re.fullmatch(r"\d\d:\d\d:\d\d", schedule[key]), f"{path.name}: {key} {schedule[key]}"
        for place in service.get("service_at_locations", []):
            location = place["location"]
            assert location["location_type"] in ("physical", "postal", "virtual")
            for address in location.get("addresses", []):
                for key in ("address_1", "city", "state_province", "postal_code", "country", "address_type"):
                    assert address[key], f"{path.name}: address {key}"
        for contact in service.get("contacts", []):
            for phone in contact.get("phones", []):
                assert phone["number"], path.name
        for attribute in service.get("attributes", []):
            assert attribute["link_entity"] == "service"
            assert attribute["taxonomy_term"]["code"], path.name


def test_topics_and_areas_of_need_are_taxonomy_terms(feed):
    services = [load(p) for p in (feed / "services").iterdir() if p.name != "index.html"]
    taxonomies = {a["taxonomy_term"]["taxonomy"] for s in services for a in s["attributes"]}
    assert "SEND areas of need" in taxonomies
    assert "Kingsmere Local Offer topics" in taxonomies
    for service in services:
        kinds = {a["taxonomy_term"]["taxonomy"] for a in service["attributes"]}
        assert {"SEND areas of need", "Kingsmere Local Offer topics", "EHC plan"} <= kinds, service["name"]


@pytest.mark.parametrize("endpoint,list_schema,item_schema", [
    ("organizations", "organization_list.json", "organization.json"),
    ("taxonomies", "taxonomy_list.json", "taxonomy.json"),
    ("taxonomy_terms", "taxonomy_term_list.json", "taxonomy_term.json"),
    ("service_at_locations", "service_at_location_list.json", "service_at_location.json"),
])
def test_optional_endpoints_validate_too(feed, endpoint, list_schema, item_schema):
    """A failing optional endpoint fails the whole feed on the validator's website."""
    page = load(feed / endpoint / "index.html")
    assert errors(list_schema, page) == []
    assert page["total_items"] == len(page["contents"]) > 0
    items = sorted(p for p in (feed / endpoint).iterdir() if p.name != "index.html")
    assert {p.name for p in items} == {item["id"] for item in page["contents"]}
    for path in items:
        assert errors(item_schema, load(path)) == [], path.name
