#!/usr/bin/env python3
"""Generates a synthetic Local Offer with N services for benchmarks.

It copies site.yml, glossary.yml, synonyms.yml, the organisations and the pages of the demo content,
then writes N services whose fields vary the way real ones do (ages, needs, referral routes, costs,
languages), each valid under the schema. Deterministic: the same N gives the same files.

    python3 bench/generate_synthetic_site.py 10000 /tmp/synthetic/content
"""
import os
import random
import shutil
import sys

WORDS = ("speech language therapy autism anxiety sleep toileting wheelchair respite short breaks play "
         "swimming college work travel hearing vision physiotherapy occupational sensory school nursery "
         "parent carer support advice mediation tribunal budget transition adulthood independent living "
         "friendship social communication learning reading writing dyslexia mobility equipment nursing").split()
NEEDS = ["communication-and-interaction", "cognition-and-learning", "social-emotional-and-mental-health", "sensory-and-physical"]
ROUTES = ["self", "parent-carer", "gp", "health-professional", "school", "social-worker", "local-authority"]
LANGUAGES = ["en", "tr", "so", "pl", "bn", "bfi", "ur", "ro"]


def service(index, rng, organisations, categories, count):
    topic = " ".join(rng.sample(WORDS, 3))
    low = rng.choice([0, 0, 2, 4, 5, 11, 14, 16, 18])
    high = rng.randint(max(low, 4), 25)
    level = rng.choice(["universal", "targeted", "targeted", "specialist"])
    ehc = rng.choice(["not-required", "not-required", "required"])
    lines = [
        "---",
        f"title: {topic.capitalize()} service {index:05d}",
        f"summary: Help with {topic} for children and young people aged {low} to {high} and their families.",
        f"organisation: {rng.choice(organisations)}",
        f"categories: [{', '.join(rng.sample(categories, rng.randint(1, 2)))}]",
        f"level: {level}",
        "eligibility:",
        f"  age: {{min: {low}, max: {high}}}",
        f"  ehc_plan: {ehc}",
        f"  needs: [{', '.join(rng.sample(NEEDS, rng.randint(1, 4)))}]",
        f"  referral: [{', '.join(rng.sample(ROUTES, rng.randint(1, 3)))}]",
    ]
    if level == "specialist" or ehc == "required":
        lines.append("  criteria: Your child must live in the borough and have needs the team can meet.")
    lines += [
        "contact:",
        "  name: Service team",
        f"  phone: 020 7946 {rng.randint(0, 999):04d}",
        f"  email: team{index}@kingsmere.example.org",
    ]
    if rng.random() < 0.3:
        lines += ["cost:", f"  - {{amount: {rng.randint(1, 40)}.50, per: session, description: One session}}"]
    lines += [
        f"personal_budget: {str(rng.random() < 0.3).lower()}",
        f"languages: [{', '.join(rng.sample(LANGUAGES, rng.randint(1, 3)))}]",
        f"last_reviewed: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
        f"tags: [{', '.join(rng.sample(WORDS, 4))}]",
        "---",
    ]
    return "\n".join(lines) + "\n" + body(index, topic, count, rng)


def body(index, topic, count, rng):
    """A realistic service description: paragraphs, headings, a list, a table and links to other
    services, an information page and an outside site, as editors write them."""
    other = [rng.randrange(count) for _ in range(2)]
    who = rng.choice(["your GP", "your child's school", "your health visitor", "the SENCO"])
    paragraphs = [
        f"This service helps children and young people with {topic}, and their families. "
        f"We work with you at home, at school or college and in the community, and we listen to what matters to you.",
        f"Most families hear about us from {who}. You do not need a diagnosis to talk to us, "
        f"and we can explain what other help there is, such as [our partner service](synthetic-service-{other[0]:05d}.md).",
    ]
    sections = [
        "## What happens",
        "",
        "- We meet you and your child, usually within a few weeks.",
        "- We agree together what would help, and write it down.",
        "- We check how things are going and change the plan if it is not working.",
        "- We help you move on to other services when the time is right.",
        "",
        "## When and where",
        "",
        "| Day | Time | Place |",
        "| --- | --- | --- |",
        f"| Monday | 9:30am to 12pm | {rng.choice(['Riverside Family Hub', 'Northfield Library', 'Kingsmere Civic Centre'])} |",
        f"| Wednesday | 1pm to 3pm | {rng.choice(['Eastgate Community Centre', 'Marsh Lane School', 'Online'])} |",
        "",
        "## How to get this service",
        "",
        f"Ask {who}, or contact us directly. If you are not sure this is right for you, "
        f"look at [{rng.choice(['another service', 'a similar service'])}](synthetic-service-{other[1]:05d}.md) "
        "or read about [making a complaint](../pages/complaints.md).",
        "",
        f"More about {topic.split()[0]} is on the [NHS website](https://www.nhs.uk/).",
        "",
    ]
    return "\n\n".join(paragraphs) + "\n\n" + "\n".join(sections)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    destination = sys.argv[2] if len(sys.argv) > 2 else "/tmp/localoffer-synthetic/content"
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content")
    shutil.rmtree(destination, ignore_errors=True)
    os.makedirs(os.path.join(destination, "services"))
    for name in ("site.yml", "glossary.yml", "synonyms.yml"):
        if os.path.exists(os.path.join(source, name)):
            shutil.copy(os.path.join(source, name), destination)
    shutil.copytree(os.path.join(source, "organisations"), os.path.join(destination, "organisations"))
    shutil.copytree(os.path.join(source, "pages"), os.path.join(destination, "pages"))
    organisations = sorted(name[:-3] for name in os.listdir(os.path.join(destination, "organisations")))
    categories = ["education", "early-years", "health", "social-care", "preparing-for-adulthood",
                  "advice-and-support", "leisure-and-play", "travel"]
    rng = random.Random(2026)
    for index in range(count):
        with open(os.path.join(destination, "services", f"synthetic-service-{index:05d}.md"), "w") as handle:
            handle.write(service(index, rng, organisations, categories, count))
    # The demo's own services stay too, so every organisation keeps its services and links resolve.
    for name in os.listdir(os.path.join(source, "services")):
        shutil.copy(os.path.join(source, "services", name), os.path.join(destination, "services", name))
    print(f"wrote {count} synthetic services to {destination}")


if __name__ == "__main__":
    main()
