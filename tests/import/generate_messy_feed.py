#!/usr/bin/env python3
"""Writes a realistic, messy ORUK 1.0 feed for the import tests, deterministically (fixed seed).

    python3 tests/openreferral/generate_messy_feed.py OUT_DIR [--services 320] [--expected FILE]

It writes OUT_DIR/feed-page-1.json (the paged {content, totalElements...} shape) and
OUT_DIR/feed-page-2.json (a plain list), and, with --expected, what the import must do.

What real directory feeds do, and this one does on purpose:
- descriptions in HTML: unclosed <p>, <br> and <br><br> for paragraphs, nested lists, tables, <font> and
  style attributes, entities (&amp; &nbsp; &rsquo; &#39; &#146;), comments, <script> and <style>, upper-case tags;
- empty strings for missing values ("", "  "), nulls, and missing keys;
- no eligibility, no contacts, no categories, no ages, ages as strings or decimals, a maximum age of 99;
- duplicate names (the same service name from different providers, and from the same provider);
- organisations nested in every service, the same organisation under two ids, organisations with no
  description or contact details;
- values that are not valid: phone "n/a", email "info at example dot org", web addresses without https://,
  postcodes that are not postcodes, languages that are not languages, schedules that close before they open;
- records with no name, which cannot be imported at all.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import random
import uuid

NAMESPACE = uuid.UUID("0f3f4c52-6a36-4b44-9f55-2e8d1c0f7a10")

PROVIDERS = [
    ("Riverside Family Centre", "voluntary"), ("Oakfield NHS Foundation Trust", "nhs"),
    ("Northgate Borough Council Early Help", "council"), ("Little Steps Nursery", "school"),
    ("Hillcrest Academy", "school"), ("Sunrise Autism Support", "voluntary"), ("The Play Barn CIC", "voluntary"),
    ("Northgate Parent Carer Forum", "voluntary"), ("Brookside Medical Practice", "nhs"), ("Active Kids Ltd", "private"),
    ("Northgate Youth Service", "council"), ("Deaf Children Northgate", "voluntary"),
]
SERVICE_WORDS = [
    "Speech and language drop-in", "Parent support group", "Short breaks club", "Sensory play session",
    "Autism coffee morning", "Holiday activity scheme", "Youth club", "Swimming lessons", "Dyslexia advice",
    "Sleep clinic", "Occupational therapy", "Family support worker", "Stay and play", "Teen mental health group",
    "Wheelchair skills", "Sign language class", "Homework club", "Transition to secondary school workshop",
    "Independent travel training", "Carers' café", "Music therapy", "Physiotherapy", "Benefits advice", "Drama club",
]
TERMS = [
    "Autism", "Speech, language and communication", "Learning disabilities", "Mental health and wellbeing",
    "Hearing impairment", "Physical disability", "No EHC plan needed", "EHCP required", "Self-referral",
    "Health and therapies", "Social care and short breaks", "Early years", "Leisure, play and activities",
    "Family support", "Education and schools", "Parenting", "Travel and transport",
]
STREETS = ["High Street", "Church Road", "Station Road", "Victoria Avenue", "Park Lane", "Mill Lane", "The Green"]
LANGUAGES = ["English", "Polish", "Urdu", "Somali", "British Sign Language", "Klingon", "fr", "xx-invalid-tag"]


def html_description(rng: random.Random, name: str) -> str:
    """One of a dozen HTML shapes that real feeds send."""
    intro = f"{name} helps children and young people with special educational needs and disabilities &amp; their families."
    shapes = [
        f"<p>{intro}</p><p>Sessions run in term time.<br>Please call before your first visit.</p>",
        f"<P>{intro}<P>We offer:<UL><LI>one-to-one support<LI>group sessions<LI>advice for parents</UL>",
        f"<div style=\"font-family:Arial\"><font size=3>{intro}</font></div><div><br><br>Open to all ages&nbsp;0&ndash;25.</div>",
        f"<p>{intro}</p><script>alert('x')</script><style>p {{color:red}}</style><p>We&rsquo;re friendly &#39;n&#39; relaxed.</p>",
        f"<!-- imported from old system --><p><strong>{name}</strong> &ndash; {intro}</p><ol><li>Phone us</li><li>We visit you<ul><li>at home</li><li>at school</li></ul></li></ol>",
        f"{intro}<br><br>Find out more on <a href=\"https://www.example.org/services\">our website</a> or <a href=\"javascript:void(0)\">click here</a>.",
        f"<p>{intro}</p><table><tr><th>Day</th><th>Time</th></tr><tr><td>Monday</td><td>10am&ndash;12pm</td></tr></table>",
        f"<p>{intro} <em>Free</em> for families.</p><p>* Places are limited &gt; book early. 1. Arrive early.</p>",
        f"<p>{intro}</p><p>Don&#146;t worry if you&#39;re not sure &ndash; just ask.</p><p></p><p>&nbsp;</p>",
        f"<h2>About us</h2><p>{intro}</p><h3>How to join</h3><p>Email us.<br/>We reply within 5 days.</p>",
        f"{intro}\n\nA plain-text paragraph with a line\nbreak, from a feed that does not use HTML.",
        f"<p>{intro}</p><p><b>Unclosed bold <i>and italic</p><p>Next paragraph</b></i> after.</p>",
    ]
    return rng.choice(shapes)


def maybe_empty(rng: random.Random, value, chance: float = 0.15):
    """Missing in the ways feeds miss things: an empty string, blanks, null, or no key at all (None)."""
    roll = rng.random()
    if roll < chance / 4:
        return ""
    if roll < chance / 2:
        return "   "
    if roll < 3 * chance / 4:
        return "NULL"  # written as JSON null below
    if roll < chance:
        return None
    return value


def organisation(rng: random.Random, index: int) -> dict:
    name, _kind = PROVIDERS[index % len(PROVIDERS)]
    # The same organisation under two ids, as when a supplier merges two systems.
    org_id = str(uuid.uuid5(NAMESPACE, f"org/{name}/{rng.randrange(2) if index % 5 == 0 else 0}"))
    slug = name.lower().replace(" ", "")
    org = {
        "id": org_id,
        "name": name if rng.random() > 0.05 else f"  {name.upper()}  ",
        "description": maybe_empty(rng, f"<p>{name} is a provider in Northgate.</p>", 0.3),
        "email": maybe_empty(rng, f"hello@{slug[:20]}.example.org", 0.4),
        "url": maybe_empty(rng, rng.choice([f"https://{slug[:20]}.example.org", f"www.{slug[:20]}.example.org"]), 0.4),
        "logo": None,
        "uri": "",
    }
    return org


def service(rng: random.Random, index: int) -> dict:
    base = SERVICE_WORDS[index % len(SERVICE_WORDS)]
    provider = index % len(PROVIDERS)
    name = base if index % 3 else f"{base} {['North', 'South', 'East', 'West'][index % 4]}"
    record = {
        "id": str(uuid.uuid5(NAMESPACE, f"service/{index}")),
        "name": name,
        "description": maybe_empty(rng, html_description(rng, name), 0.08),
        "url": maybe_empty(rng, rng.choice(["https://www.example.org/s/" + str(index), f"www.example.org/{index}", "n/a"]), 0.3),
        "email": maybe_empty(rng, rng.choice([f"service{index}@example.org", "info at example dot org", "mailto:team@example.org"]), 0.3),
        "status": rng.choice(["active"] * 12 + ["inactive", "defunct"]),
        "fees": maybe_empty(rng, rng.choice(["Free", "£5 per session", "Some activities have a small charge"]), 0.5),
        "accreditations": None,
        "deliverable_type": rng.choice(["Advice", "Information", "Training", ""]),
        "assured_date": maybe_empty(rng, rng.choice(["2026-05-01T10:00:00Z", "2025-11-30", "2026-09-14", "2031-01-01", "14/09/2026"]), 0.2),
        "attending_type": rng.choice(["venue", "phone", "online", "home visit"]),
        "attending_access": rng.choice(["referral", "appointment", "drop-in", "membership"]),
        "organization": organisation(rng, provider),
    }
    if rng.random() > 0.25:
        low = rng.choice([0, 0, 2, 5, 11, 16, "5", 4.0])
        high = rng.choice([4, 11, 18, 19, 25, 25, 99, "18"])
        record["eligibilitys"] = [{"id": str(uuid.uuid5(NAMESPACE, f"e/{index}")), "eligibility": "child",
                                   "minimum_age": low, "maximum_age": high}]
    if rng.random() > 0.3:
        record["contacts"] = [{
            "id": str(uuid.uuid5(NAMESPACE, f"c/{index}")),
            "name": maybe_empty(rng, rng.choice(["Reception", "Duty team", "Sam (coordinator)"]), 0.3),
            "title": "",
            "phones": [{"id": str(uuid.uuid5(NAMESPACE, f"p/{index}")),
                        "number": rng.choice(["020 7946 0123", "01632 960000", "n/a", "0800 123 4567", "+44 161 496 0000", "12345"])}],
        }]
    terms = rng.sample(TERMS, rng.randrange(0, 4))
    record["service_taxonomys"] = [{"id": str(uuid.uuid5(NAMESPACE, f"t/{index}/{t}")),
                                    "taxonomy": {"id": str(uuid.uuid5(NAMESPACE, f"term/{t}")), "name": t,
                                                 "vocabulary": "Northgate directory", "parent": None}} for t in terms]
    if rng.random() > 0.4:
        street = rng.choice(STREETS)
        record["service_at_locations"] = [{
            "id": str(uuid.uuid5(NAMESPACE, f"sal/{index}")),
            "location": {
                "id": str(uuid.uuid5(NAMESPACE, f"l/{index}")),
                "name": maybe_empty(rng, f"{PROVIDERS[provider][0]} building", 0.3),
                "description": "",
                "latitude": 51.5, "longitude": -0.1,
                "physical_addresses": [{
                    "id": str(uuid.uuid5(NAMESPACE, f"a/{index}")),
                    "address_1": maybe_empty(rng, f"{rng.randrange(1, 200)} {street}", 0.1),
                    "city": rng.choice(["Northgate", "London", ""]),
                    "state_province": "Greater London",
                    "postal_code": rng.choice(["NG1 2AB", "ng12ab", "E1 6AN", "N/A", "SW1A 1AA", "123"]),
                    "country": "GB",
                }],
                "accessibility_for_disabilities": [{"id": str(uuid.uuid5(NAMESPACE, f"acc/{index}")),
                                                    "accessibility": rng.choice(["Wheelchair accessible", "Accessible toilet",
                                                                                 "Hearing loop available", "Parking on site"])}],
            },
            "regular_schedules": [{"id": str(uuid.uuid5(NAMESPACE, f"rs/{index}")),
                                   "weekday": rng.choice(["Monday", "Tuesday", "Wednesday", "Saturday"]),
                                   "opens_at": rng.choice(["09:00", "9:30:00", "10:00:00"]),
                                   "closes_at": rng.choice(["12:00", "17:00:00", "08:00"])}],
        }]
    if rng.random() > 0.5:
        record["cost_options"] = [rng.choice([
            {"id": str(uuid.uuid5(NAMESPACE, f"co/{index}")), "amount": 0, "option": "Free", "amount_description": ""},
            {"id": str(uuid.uuid5(NAMESPACE, f"co/{index}")), "amount": 5.5, "option": "Per child", "amount_description": "per session"},
            {"id": str(uuid.uuid5(NAMESPACE, f"co/{index}")), "amount": "12", "option": "Monthly membership", "amount_description": ""},
        ])]
    if rng.random() > 0.5:
        record["languages"] = [{"id": str(uuid.uuid5(NAMESPACE, f"lang/{index}/{l}")), "language": l}
                               for l in rng.sample(LANGUAGES, rng.randrange(1, 3))]
    record["holiday_schedules"] = []
    record["reviews"] = []
    return record


def nulls(value):
    """The marker "NULL" becomes JSON null; None means the key is left out."""
    if isinstance(value, dict):
        return {k: nulls(v) for k, v in value.items() if v is not None or k in ("logo", "accreditations", "parent")}
    if isinstance(value, list):
        return [nulls(v) for v in value]
    return None if value == "NULL" else value


def generate(count: int) -> tuple[list[dict], dict]:
    rng = random.Random(20261123)
    records = []
    for index in range(count):
        record = nulls(service(rng, index))
        if index % 47 == 13:  # no name: cannot be imported
            record["name"] = rng.choice(["", "   ", None])
            if record["name"] is None:
                del record["name"]
        records.append(record)
    named = [r for r in records if str(r.get("name") or "").strip()]
    expected = {
        "records": len(records),
        "named": len(named),
        "nameless_records": [i + 1 for i, r in enumerate(records) if not str(r.get("name") or "").strip()],
    }
    return records, expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--services", type=int, default=320)
    parser.add_argument("--expected", type=pathlib.Path)
    args = parser.parse_args()
    records, expected = generate(args.services)
    split = 200
    args.out.mkdir(parents=True, exist_ok=True)
    page = {"totalElements": split, "totalPages": 1, "number": 1, "size": split, "first": True, "last": True,
            "content": records[:split]}
    (args.out / "feed-page-1.json").write_text(json.dumps(page, indent=1, ensure_ascii=False))
    (args.out / "feed-page-2.json").write_text(json.dumps(records[split:], ensure_ascii=False))
    # Record numbers are per file: the second file's start again at 1.
    expected["nameless"] = [f"feed-page-1.json:record {n}" if n <= split else f"feed-page-2.json:record {n - split}"
                            for n in expected.pop("nameless_records")]
    if args.expected:
        args.expected.write_text(json.dumps(expected, indent=1))


if __name__ == "__main__":
    main()
