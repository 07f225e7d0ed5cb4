"""The exact schema files of the live ORUK validator (oruk-validator-3.0/schema/), loaded for Python's
jsonschema with their absolute $refs mapped to the local copies and format checks on: shared by the
feed tests and the import tests (which validate the feed of an imported site)."""
from __future__ import annotations

import json
import pathlib
import re

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMAS = pathlib.Path(__file__).parent / "oruk-validator-3.0" / "schema"
REMOTE = "https://openreferraluk.org/specifications/3.0/schema/"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
FORMATS = ("uuid", "uri", "email", "date", "date-time")


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text())
        resources.append((REMOTE + path.name, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


REGISTRY = _registry()
FORMAT_CHECKER = FormatChecker()
# jsonschema's own email check only looks for an "@"; the live validator (Json.NET Schema) wants a whole
# address, so check the shape of one: local part, "@", a dotted domain.
EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
FORMAT_CHECKER.checks("email")(lambda value: not isinstance(value, str) or bool(EMAIL.match(value)))


def validator(schema_name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": REMOTE + schema_name}, registry=REGISTRY, format_checker=FORMAT_CHECKER)


def errors(schema_name: str, document) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator(schema_name).iter_errors(document)]
