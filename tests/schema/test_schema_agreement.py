"""The JSON Schemas in schema/ agree with the Swift validator on valid vs invalid.

Run from the repository root:  .venv/bin/python -m pytest tests/schema

The fixtures are the Swift validator's own (Tests/LocalOfferModelTests/Fixtures/, see its README.md):
every valid fixture must satisfy the schema, and every invalid fixture must break it, unless its
second comment line says `json-schema: no` (a rule a schema cannot express: other files, today's date,
comparing two values, YAML syntax, the file name or body). For those, the schema must accept the
rest of the entry: otherwise it rejects something the validator allows.

How the YAML is read
--------------------
PyYAML follows YAML 1.1, which turns `2026-09-14` into a date, `09:00` into the number 540 and
`no` into false. Editors (redhat.vscode-yaml, since 1.0) follow YAML 1.2, and the Swift validator
reads each scalar's raw text and interprets it per field. `CoreSchemaLoader` below therefore
resolves scalars as YAML 1.2's core schema does, which is what an editor hands to the schema:
  - true/false (any case pattern YAML 1.2 allows) are booleans; yes/no/on/off stay text;
  - 12, -3, 0o17, 0x1F are integers and 12.50, 1e3, .inf are numbers (no 1.1 sexagesimal, no `_`);
  - dates and times are never converted: they stay text and the schema's patterns check them;
  - null, ~ and an empty value are null.
Keeping *every* scalar as text was rejected: the schemas would then have to type ages, amounts and
booleans as strings, and every editor (which sees `min: 0` as a number) would report false errors.

Known, deliberate differences between the two (none occurs in the fixtures or the demo content):
  - the validator also accepts quoted numbers and booleans (`min: "5"`) and yes/no for booleans;
    the schema asks for plain numbers and true/false;
  - an optional key written with no value (`level:`) is ignored by the validator; the schema
    rejects null;
  - http:// addresses are a warning (LO205) for the validator and invalid for the schema (https only);
  - two decimal places in an amount cannot be checked on a YAML number, so 12.505 passes the schema;
  - whitespace around a quoted value is trimmed by the validator before its checks.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schema"
FIXTURES = ROOT / "Tests" / "LocalOfferModelTests" / "Fixtures"
CONTENT = ROOT / "content"


# ---------------------------------------------------------------------------------------------
# Reading files the way the Swift side does


class CoreSchemaLoader(yaml.SafeLoader):
    """A SafeLoader that resolves plain scalars by YAML 1.2's core schema (see the module docstring)."""


_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}
CoreSchemaLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)  # "007" is 7 in YAML 1.2 (octal only with 0o)


def _construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    return float(text.replace(".inf", "inf").replace(".nan", "nan"))


CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def load_yaml(text: str):
    return yaml.load(text, Loader=CoreSchemaLoader)


def front_matter(text: str) -> str | None:
    """The YAML between the opening and closing `---` lines, as ContentDocument.split finds it;
    None when the file has no (closed) front matter."""
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    if not lines or lines[0].rstrip(" \t") != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip(" \t") in ("---", "..."):
            return "\n".join(lines[1:index])
    return None


EXPECT = re.compile(r"expect: (LO\d{3}) line (\d+)")


def expectation(text: str) -> tuple[str, bool]:
    """(diagnostic code, whether a schema can express the rule) from a fixture's first lines."""
    header = text.split("\n")[:3]
    match = next((m for m in map(EXPECT.search, header) if m), None)
    schema_line = next((line for line in header if "json-schema: " in line), None)
    assert match and schema_line, "the fixture must declare '# expect: LOnnn line N' and '# json-schema: yes|no'"
    return match.group(1), not schema_line.split("json-schema: ", 1)[1].startswith("no")


# ---------------------------------------------------------------------------------------------
# Schemas


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


VALIDATORS = {name: Draft202012Validator(schema(name))
              for name in ["service", "organisation", "page", "site", "glossary", "synonyms"]}


def problems(kind: str, value) -> list[str]:
    errors = sorted(VALIDATORS[kind].iter_errors(value), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]


def names(folder: Path, pattern: str = "*.md") -> list[str]:
    return sorted(path.name for path in folder.glob(pattern))


SCHEMA_FILES = names(SCHEMAS, "*.schema.json")


@pytest.mark.parametrize("file", SCHEMA_FILES)
def test_schema_is_valid_json_schema_2020_12(file):
    document = json.loads((SCHEMAS / file).read_text(encoding="utf-8"))
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)


def _properties(node, path="#"):
    """Every (path, property schema) under a `properties` keyword that an editor offers; the
    conditions of if/then/not name properties only to test them."""
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            yield f"{path}/properties/{key}", value
        for key, value in node.items():
            if key not in ("if", "then", "else", "not"):
                yield from _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{path}/{index}")


@pytest.mark.parametrize("file", SCHEMA_FILES)
def test_every_property_has_a_description_for_editors(file):
    document = json.loads((SCHEMAS / file).read_text(encoding="utf-8"))
    missing = [path for path, value in _properties(document) if "description" not in value]
    assert not missing


@pytest.mark.parametrize("file", SCHEMA_FILES)
def test_no_constraint_sits_beside_a_ref(file):
    """Draft-7 editors (older redhat.vscode-yaml) ignore every keyword beside $ref except annotations."""
    annotations = {"$ref", "description", "title", "default", "examples", "$comment"}

    def walk(node, path="#"):
        if isinstance(node, dict):
            if "$ref" in node and set(node) - annotations:
                yield path
            for key, value in node.items():
                yield from walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{path}/{index}")

    assert not list(walk(json.loads((SCHEMAS / file).read_text(encoding="utf-8"))))


def test_shared_definitions_are_identical_in_every_schema():
    """Each schema is self-contained (editors need no $ref resolution across files), so the shared
    $defs are copies; they must not drift apart."""
    seen: dict[str, tuple[str, dict]] = {}
    for file in SCHEMA_FILES:
        for name, definition in json.loads((SCHEMAS / file).read_text(encoding="utf-8")).get("$defs", {}).items():
            if name in seen:
                assert definition == seen[name][1], f"$defs/{name} differs between {seen[name][0]} and {file}"
            else:
                seen[name] = (file, definition)


# ---------------------------------------------------------------------------------------------
# The loader


def test_loader_keeps_dates_and_times_as_text_and_types_numbers_like_yaml_1_2():
    value = load_yaml('d: 2026-09-14\nt: 09:00\nu: "09:00"\nno: no\nb: true\nn: 007\nf: 12.50\ne:\nx: 0x1F\n')
    assert value == {"d": "2026-09-14", "t": "09:00", "u": "09:00", "no": "no", "b": True, "n": 7,
                     "f": 12.5, "e": None, "x": 31}


def test_front_matter_is_split_as_the_swift_loader_splits_it():
    assert front_matter("---\na: 1\n---\nbody\n---\n") == "a: 1"
    assert front_matter("\ufeff---\r\na: 1\r\n...\r\n") == "a: 1"
    assert front_matter("# Title\n---\na: 1\n---\n") is None
    assert front_matter("---\na: 1\n") is None


# ---------------------------------------------------------------------------------------------
# Fixtures and demo content


def service_front_matter(path: Path):
    text = path.read_text(encoding="utf-8")
    yaml_text = front_matter(text)
    assert yaml_text is not None, f"{path.name} has no front matter"
    return load_yaml(yaml_text)


@pytest.mark.parametrize("name", names(FIXTURES / "valid"))
def test_valid_fixture_satisfies_the_service_schema(name):
    assert problems("service", service_front_matter(FIXTURES / "valid" / name)) == []


INVALID = names(FIXTURES / "invalid")
EXPRESSIBLE = [n for n in INVALID if expectation((FIXTURES / "invalid" / n).read_text(encoding="utf-8"))[1]]
NOT_EXPRESSIBLE = [n for n in INVALID if n not in EXPRESSIBLE]


def test_there_are_fixtures_on_both_sides():
    assert len(names(FIXTURES / "valid")) >= 4
    assert len(EXPRESSIBLE) >= 60
    assert NOT_EXPRESSIBLE


@pytest.mark.parametrize("name", EXPRESSIBLE)
def test_invalid_fixture_breaks_the_service_schema(name):
    found = problems("service", service_front_matter(FIXTURES / "invalid" / name))
    assert found, f"the schema accepts {name}, which the validator rejects"


@pytest.mark.parametrize("name", NOT_EXPRESSIBLE)
def test_fixture_for_a_rule_no_schema_can_express_is_otherwise_valid(name):
    """The schema cannot see this fixture's mistake, so it must accept the rest of it; files the
    validator cannot read as YAML front matter must be unreadable here too."""
    text = (FIXTURES / "invalid" / name).read_text(encoding="utf-8")
    code, _ = expectation(text)
    yaml_text = front_matter(text)
    if code == "LO002":
        assert yaml_text is None
        return
    if code == "LO003":
        with pytest.raises(yaml.YAMLError):
            load_yaml(yaml_text)
        return
    assert problems("service", load_yaml(yaml_text)) == []


DEMO_SERVICES = names(CONTENT / "services")


def test_the_demo_content_has_services():
    assert len(DEMO_SERVICES) >= 20


@pytest.mark.parametrize("name", DEMO_SERVICES)
def test_demo_service_satisfies_the_service_schema(name):
    assert problems("service", service_front_matter(CONTENT / "services" / name)) == []


OTHER_ENTRIES = [(kind, folder / name)
                 for kind, folders in [("organisation", "organisations"), ("page", "pages")]
                 for folder in [CONTENT / folders, FIXTURES / "site" / folders]
                 for name in names(folder)]


@pytest.mark.parametrize("kind,path", OTHER_ENTRIES, ids=[str(p.relative_to(ROOT)) for _, p in OTHER_ENTRIES])
def test_organisation_and_page_satisfy_their_schema(kind, path):
    assert problems(kind, service_front_matter(path)) == []


YAML_FILES = [(kind, folder / f"{file}.yml")
              for kind, file in [("site", "site"), ("glossary", "glossary"), ("synonyms", "synonyms")]
              for folder in [CONTENT, FIXTURES / "site"]
              if (folder / f"{file}.yml").exists()]


@pytest.mark.parametrize("kind,path", YAML_FILES, ids=[str(p.relative_to(ROOT)) for _, p in YAML_FILES])
def test_site_glossary_and_synonyms_satisfy_their_schema(kind, path):
    assert problems(kind, load_yaml(path.read_text(encoding="utf-8"))) == []


def test_site_schema_rejects_what_the_validator_rejects():
    site = load_yaml((FIXTURES / "site" / "site.yml").read_text(encoding="utf-8"))
    assert problems("site", {**site, "categories": []})
    assert problems("site", {**site, "categories": [{"id": "Health", "title": "Health", "description": "Health services."}]})
    assert problems("site", {**site, "language": "British English"})
    assert problems("site", {**site, "feedback_email": "localoffer"})
    assert problems("site", {**site, "colour": "blue"})
    glossary = load_yaml((FIXTURES / "site" / "glossary.yml").read_text(encoding="utf-8"))
    assert problems("glossary", [{"term": "EHC plan", "meaning": "A **plan**."}])
    assert problems("glossary", glossary + [{"term": "SENCO"}])


# ---------------------------------------------------------------------------------------------
# The value patterns against the examples the Swift value-type tests use


DEFS = schema("service")["$defs"]


def matches(definition: str, text: str) -> bool:
    return not list(Draft202012Validator(DEFS[definition]).iter_errors(text))


@pytest.mark.parametrize("definition,accepted,refused", [
    ("phone",
     ["020 7946 0123", "02079460123", "(020) 7946-0123", "+44 20 7946 0123", "+44 (0)20 7946 0123",
      "44 20 7946 0123", "0800 123 4567", "0800 123 456", "07700 900000", "18001 020 7946 0123"],
     ["020 7946 012", "+1 202 555 0100", "040 7946 0123", "020 7946 CALL", "020+7946 0123",
      "0900 123 456", "18001 7946", "+18001 44 20 7946 0123"]),
    ("postcode", ["n228hq", "N22 8HQ", "SW1A 1AA", "W1A0AX", "M1 1AE", "DN55 1PT", "km2  3cd"],
     ["KM2 3C", "12345", "N22 8H1", "1N2 8HQ", "ABC1 2DE", "N22-8HQ"]),
    ("email", ["therapies@kingsmere.example.org", "o'brien+referrals@kingsmere-health.example.org", "a@b.co"],
     ["therapies.kingsmere.example.org", "therapies@kingsmere", "therapy team@kingsmere.example.org",
      "a@@b.org", ".a@b.org", "a.@b.org", "a..b@c.org", "a@-b.org", "a@b.c"]),
    ("webAddress", ["https://www.kingsmere.example.org/therapies/", "HTTPS://Kingsmere.example.org"],
     ["http://kingsmere.example.org", "javascript:alert(1)", "/therapies", "kingsmere.example.org/x",
      "https://intranet/therapies", "ftp://files.kingsmere.example.org/a.pdf", "https://kingsmere.example.org/a b"]),
    ("date", ["2026-09-14", "2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30"],
     ["2026-02-29", "1900-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-9-14", "14/09/2026"]),
    ("time", ["00:00", "09:30", "23:59", "24:00"], ["9:00", "24:01", "25:00", "12:60", "9am", "0900"]),
    ("languageTag", ["en", "en-GB", "bfi", "pt-BR", "zh-Hant-HK"], ["english", "e", "en_GB", "en-", "British Sign Language"]),
    ("slug", ["portage", "speech-and-language-therapy", "camhs-16-25"],
     ["Speech-Therapy", "speech_therapy", "speech--therapy", "-portage", "portage-"]),
])
def test_value_pattern_matches_the_swift_value_type(definition, accepted, refused):
    assert [text for text in accepted if not matches(definition, text)] == []
    assert [text for text in refused if matches(definition, text)] == []
