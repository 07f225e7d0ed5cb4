#!/usr/bin/env python3
"""Writes a services spreadsheet (CSV) for the import tests, deterministically (fixed seed).

    python3 tests/import/generate_services_csv.py OUT_DIR [--rows 500] [--broken 20]

It writes OUT_DIR/services-broken.csv (with `--broken` rows that each have one bad cell),
OUT_DIR/services-fixed.csv (the same rows, corrected) and OUT_DIR/expected.json: for each broken row,
its spreadsheet row number (the header is row 1), the column number of the bad cell and the code the
import must report.

The rows are what a council's spreadsheet holds: HTML and Markdown descriptions with commas, quotes and
line breaks inside cells; lists separated by semicolons; categories by id or by title; ages, referral
routes, costs, opening hours, languages and addresses written the ways people write them.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import pathlib
import random

COLUMNS = [
    "name", "summary", "description", "organisation", "organisation_type", "organisation_email", "categories", "level",
    "age_min", "age_max", "ehc_plan", "needs", "referral", "criteria", "contact_name", "phone", "email", "website",
    "cost", "commissioned_by", "location_name", "location_line1", "location_town", "location_postcode",
    "location_accessibility", "opening_hours", "languages", "waiting_weeks", "waiting_as_of", "last_reviewed", "tags",
]
ORGANISATIONS = [
    ("Westbrook Children's Therapies", "nhs"), ("Westbrook Council Short Breaks", "council"), ("Maple Tree Nursery", "school"),
    ("Westbrook Mencap", "voluntary"), ("Harbour Academy Trust", "school"), ("Little Explorers CIC", "voluntary"),
    ("Westbrook Young Carers", "voluntary"), ("Bright Futures Tuition Ltd", "private"),
]
CATEGORIES = ["health", "Education and schools", "early-years", "Social care and short breaks", "preparing-for-adulthood",
              "Leisure, play and activities", "advice-and-support", "travel"]
ACTIVITIES = ["Speech therapy group", "Sensory story time", "Saturday sports club", "Sleep advice clinic", "Travel buddies",
              "Teen social evening", "Parent workshop", "Holiday playscheme", "Maths catch-up", "Wheelchair football"]


def row(rng: random.Random, index: int) -> dict:
    org, kind = ORGANISATIONS[index % len(ORGANISATIONS)]
    name = f"{ACTIVITIES[index % len(ACTIVITIES)]} {index + 1}"
    level = rng.choice(["universal", "targeted", "specialist"])
    ehc = rng.choice(["no", "no", "yes", "not-required", "required"])
    needs_plan = ehc in ("yes", "required")
    low = rng.choice([0, 2, 5, 11, 16])
    high = rng.choice([h for h in (4, 11, 16, 18, 25) if h >= low])
    description = rng.choice([
        f"<p>{name} is run by {org}, for children, young people and their families.</p><ul><li>Friendly staff</li><li>Small groups, \"quiet\" rooms</li></ul>",
        f"{name} meets every week.\n\nBring a drink and a snack, and comfortable clothes.\nParking is free.",
        "## What happens\n\nYou will meet other families, share ideas and get advice, in a relaxed setting.",
        f"<p>Run by {org} &amp; local volunteers.<br>Booking is essential, so call first.</p>",
    ])
    return {
        "name": name,
        "summary": f"{ACTIVITIES[index % len(ACTIVITIES)]} for children and young people aged {low} to {high}, run by {org}.",
        "description": description,
        "organisation": org,
        "organisation_type": kind,
        "organisation_email": f"info@org{index % len(ORGANISATIONS)}.example.org",
        "categories": "; ".join(rng.sample(CATEGORIES, rng.randrange(1, 3))),
        "level": level,
        "age_min": str(low),
        "age_max": str(high),
        "ehc_plan": ehc,
        "needs": rng.choice(["", "communication-and-interaction", "Sensory and physical needs; cognition-and-learning"]),
        "referral": rng.choice(["parent-carer; gp", "self; parent", "school", "health professional; social worker"]),
        "criteria": ("Your child must have an EHC plan or a diagnosis, and live in Westbrook." if (level == "specialist" or needs_plan)
                     else rng.choice(["", "Open to any family in Westbrook, with or without a diagnosis."])),
        "contact_name": rng.choice(["Bookings team", "Duty officer", ""]),
        "phone": rng.choice(["020 7946 0123", "01632 960001", "+44 20 7946 0999", ""]),
        "email": f"service{index + 1}@westbrook.example.org",
        "website": rng.choice(["", f"https://westbrook.example.org/services/{index + 1}"]),
        "cost": rng.choice(["free", "free", "12.50 per session: Each session, including materials", "3 per visit: Entry; 20 per month: Membership"]),
        "commissioned_by": rng.choice(["council", "nhs", "joint", "", "schools"]),
        "location_name": rng.choice(["Westbrook Family Hub", "Harbour Leisure Centre", ""]),
        "location_line1": f"{rng.randrange(1, 99)} Harbour Road",
        "location_town": "Westbrook",
        "location_postcode": rng.choice(["WB1 2AA", "wb3 4cd", "WB10 1XY"]),
        "location_accessibility": rng.choice(["", "step-free; accessible toilet", "Hearing loop, parking"]),
        "opening_hours": rng.choice(["Mon-Fri 09:00-17:00", "Sat 10:00-12:00", "Tue, Thu 9:30-15:00; Sat 10am-1pm", ""]),
        "languages": rng.choice(["", "en", "English; Polish", "en; so; bfi"]),
        "waiting_weeks": "",
        "waiting_as_of": "",
        "last_reviewed": f"2026-{rng.randrange(1, 11):02d}-{rng.randrange(1, 28):02d}",
        "tags": rng.choice(["", "sport; fun", "advice"]),
    }


# Each broken row gets one bad cell: (column, bad value, code).
BREAKAGES = [
    ("email", "someone@", "LO703"), ("phone", "12345", "LO703"), ("age_min", "three", "LO703"),
    ("age_max", "30", "LO703"), ("categories", "sport", "LO703"), ("level", "high", "LO703"),
    ("ehc_plan", "maybe", "LO703"), ("website", "javascript:alert(1)", "LO703"), ("location_postcode", "ABC", "LO703"),
    ("last_reviewed", "2031-01-01", "LO703"), ("last_reviewed", "14/09/2026", "LO703"),
    ("opening_hours", "Mon-Fri 17:00-09:00", "LO703"), ("cost", "twelve pounds", "LO703"),
    ("summary", "This summary is far too long. " * 14, "LO703"), ("referral", "the neighbour", "LO703"),
    ("name", "", "LO702"), ("languages", "Klingon", "LO703"), ("commissioned_by", "aliens", "LO703"),
    ("waiting_weeks", "6", "LO703"), ("organisation_email", "info@", "LO703"),
]


def render(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--broken", type=int, default=len(BREAKAGES))
    args = parser.parse_args()
    rng = random.Random(500)
    fixed = [row(rng, index) for index in range(args.rows)]
    broken = [dict(r) for r in fixed]
    expected = []
    step = args.rows // args.broken
    for number in range(args.broken):
        index = number * step + 7
        column, value, code = BREAKAGES[number % len(BREAKAGES)]
        broken[index][column] = value
        expected.append({"row": index + 2, "column": COLUMNS.index(column) + 1, "name": column, "code": code})
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "services-broken.csv").write_text(render(broken), encoding="utf-8")
    (args.out / "services-fixed.csv").write_text(render(fixed), encoding="utf-8")
    (args.out / "expected.json").write_text(json.dumps(expected, indent=1))


if __name__ == "__main__":
    main()
