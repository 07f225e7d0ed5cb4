"""Fuzzes the search from end to end: random sites (fuzzed entries) → `localoffer build` → search index
files → engine.js in Node, asked random questions (fuzz/search/query.mjs), which must never throw.

    python3 fuzz/search/fuzz_search.py --seconds 1800 [--localoffer PATH] [--seed N]

Each round writes a site of 1 to 40 services whose titles, tags, summaries, bodies, glossary and
synonyms mix the demo's vocabulary with the naughty strings (tests/fixtures/hostile/), builds it, and
runs 300 queries over its index: words from the site, typos, prefixes, capitals, naughty and random
text, very long queries, and every filter with good and bad values. A failure is saved with its site
and query under fuzz/crashes/search-<round>/. At the end it prints the rounds, index files, queries,
and the share of engine.js and porter2.js that the queries executed (V8 block coverage).
"""
import argparse
import importlib.util
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("naughty_site", ROOT / "tests/fixtures/hostile/naughty_site.py")
naughty = importlib.util.module_from_spec(spec)
spec.loader.exec_module(naughty)

BASE = ROOT / "Tests/LocalOfferModelTests/Fixtures/site"
QUERIES_PER_SITE = 300


def vocabulary():
    words = set()
    for path in sorted((ROOT / "content/services").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith(("title:", "tags:", "summary:")):
                words.update(w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", line.split(":", 1)[1]) if len(w) > 1)
    return sorted(words)


def plain(text):
    """What a summary may hold: no HTML, Markdown links, emphasis or code (LO111)."""
    return not (("<" in text and ">" in text) or "](" in text or "**" in text or "__" in text or "`" in text
                or text.startswith(("#", "- ", "* ", "> ")))


def make_site(folder, rng, words, strings):
    content = folder / "content"
    shutil.copytree(BASE, content)
    services = rng.randint(1, 40)
    ages = [(0, 5), (0, 25), (5, 11), (11, 18), (16, 25), (3, 3), (0, 1)]
    phrases = lambda n: " ".join(rng.choice(words) for _ in range(n))
    for index in range(services):
        title_words = phrases(rng.randint(1, 6))
        if rng.random() < 0.3:
            title_words += " " + rng.choice(strings)
        title = f"{title_words} {index}"[:115]
        summary = phrases(rng.randint(4, 30))
        if rng.random() < 0.3:
            candidate = summary + " " + rng.choice(strings)
            summary = candidate if plain(candidate) else summary
        summary = (summary + " for families")[:290]
        low, high = rng.choice(ages)
        tags = [rng.choice(words if rng.random() < 0.8 else strings)[:60] for _ in range(rng.randint(0, 6))]
        tags = [t for t in dict.fromkeys(tags) if t.strip()]
        body = "\n\n".join(phrases(rng.randint(3, 60)) for _ in range(rng.randint(1, 5)))
        if rng.random() < 0.3:
            body += "\n\n" + naughty.fence(rng.choice(strings))
        referral = rng.sample(["self", "parent-carer", "gp", "school", "health-professional"], rng.randint(1, 3))
        cost = "" if rng.random() < 0.5 else "cost:\n  - {amount: %d, per: session, description: A session}\n" % rng.randint(1, 50)
        lines = [
            "---",
            f"title: {naughty.yaml_quoted(title)}",
            f"summary: {naughty.yaml_quoted(summary)}",
            f"organisation: {rng.choice(['kingsmere-therapies', 'kingsmere-send-service'])}",
            f"categories: [{', '.join(rng.sample(['health', 'education', 'social-care'], rng.randint(1, 3)))}]",
            "eligibility:",
            f"  age: {{min: {low}, max: {high}}}",
            f"  ehc_plan: {rng.choice(['not-required', 'required'])}",
            f"  referral: [{', '.join(referral)}]",
            "  criteria: Children who need this service, as agreed with the team.",
            "contact:",
            "  phone: 020 7946 0301",
            f"tags: [{', '.join(naughty.yaml_quoted(t) for t in tags)}]",
            "last_reviewed: 2026-09-01",
        ]
        text = "\n".join(lines) + "\n" + cost + "---\n" + body + "\n"
        (content / "services" / f"fuzzed-{index}.md").write_text(text, encoding="utf-8")
    glossary = [{"term": f"{rng.choice(words)} {rng.choice(words)} {i}", "meaning": phrases(8) + " meaning.",
                 "aliases": [rng.choice(words).upper()[:6] + str(i)]} for i in range(rng.randint(0, 5))]
    if glossary:
        (content / "glossary.yml").write_text("\n".join(
            f"- term: {naughty.yaml_quoted(g['term'])}\n  meaning: {naughty.yaml_quoted(g['meaning'])}\n"
            f"  aliases: [{naughty.yaml_quoted(g['aliases'][0])}]" for g in glossary) + "\n", encoding="utf-8")
    groups, used = [], set()
    for _ in range(rng.randint(0, 4)):
        group = [w.lower() for w in rng.sample(words, 3) if w.lower() not in used]
        used.update(group)
        if len(group) >= 2:
            groups.append(group)
    if groups:
        (content / "synonyms.yml").write_text(
            "\n".join("- [" + ", ".join(naughty.yaml_quoted(w) for w in g) + "]" for g in groups) + "\n", encoding="utf-8")
    return content


def covered_fraction(coverage_dir, names):
    """Bytes of each script that ran at least once, from V8's block coverage, merged over every process."""
    covered = {}
    sizes = {}
    for file in pathlib.Path(coverage_dir).glob("*.json"):
        for script in json.loads(file.read_text()).get("result", []):
            name = script["url"].rsplit("/", 1)[-1]
            if name not in names:
                continue
            # The site is gone by now; the published file is a copy of the theme's.
            path = ROOT / "templates/assets/search" / name
            if name not in sizes and path.exists():
                sizes[name] = len(path.read_bytes())
            size = sizes.get(name, 0)
            counts = [1] * size
            # Ranges are nested, outermost first: a later range overrides the ones it sits in.
            for function in script["functions"]:
                for block in function["ranges"]:
                    for offset in range(block["startOffset"], min(block["endOffset"], size)):
                        counts[offset] = block["count"]
            hit = covered.setdefault(name, set())
            hit.update(i for i, c in enumerate(counts) if c > 0)
    return {name: len(covered.get(name, ())) / sizes[name] for name in names if sizes.get(name)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--localoffer", default=str(ROOT / ".build/debug/localoffer"),
                        help="the binary `make test` builds; a release build (.build/release/localoffer) is faster")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    words = vocabulary()
    strings = [s for s in naughty.naughty_strings() if s.strip()]
    work = pathlib.Path(tempfile.mkdtemp(prefix="fuzz-search-"))
    coverage = work / "coverage"
    words_file = work / "words.json"
    words_file.write_text(json.dumps(words + strings))
    env = {**os.environ, "LOCALOFFER_TODAY": "2026-11-23", "NODE_V8_COVERAGE": str(coverage)}
    started = time.time()
    rounds = queries = index_files = invalid = 0
    print(f"search fuzzing: seed {args.seed}, {args.localoffer}, {args.seconds:.0f} s", flush=True)
    while time.time() - started < args.seconds:
        folder = work / f"round-{rounds}"
        content = make_site(folder, rng, words, strings)
        build = subprocess.run([args.localoffer, "build", "--content", str(content), "--templates", str(ROOT / "templates"),
                                "--output", str(folder / "public")], capture_output=True, text=True, env=env)
        if build.returncode != 0:
            invalid += 1
            if build.returncode not in (0, 1) or invalid > max(10, rounds // 5):
                print(build.stdout[-2000:], build.stderr[-4000:])
                raise SystemExit(f"localoffer build failed with {build.returncode} in round {rounds}")
            shutil.rmtree(folder)
            continue
        index_files += sum(1 for _ in (folder / "public/search").rglob("*") if _.is_file())
        seed = rng.randrange(2**32)
        run = subprocess.run(["node", str(ROOT / "fuzz/search/query.mjs"), str(folder / "public"), str(seed),
                              str(QUERIES_PER_SITE), str(words_file)], capture_output=True, text=True, env=env)
        line = (run.stdout.strip().splitlines() or ["{}"])[-1]
        result = json.loads(line) if line.startswith("{") else {}
        if run.returncode != 0 or "failure" in result:
            saved = ROOT / "fuzz/crashes" / f"search-{args.seed}-{rounds}"
            shutil.rmtree(saved, ignore_errors=True)
            shutil.copytree(folder, saved, ignore=shutil.ignore_patterns("public"))
            (saved / "failure.json").write_text(json.dumps({"seed": seed, "result": result, "stderr": run.stderr[-4000:]}, indent=2))
            print(f"FAILURE in round {rounds} (query seed {seed}): {result or run.stderr[-2000:]}\nsaved in {saved}")
            raise SystemExit(1)
        queries += result.get("queries", 0)
        rounds += 1
        shutil.rmtree(folder)
        if rounds % 50 == 0:
            print(f"  {rounds} sites, {queries} queries, {time.time() - started:.0f} s", flush=True)
    fractions = covered_fraction(coverage, {"engine.js", "porter2.js"})
    print(f"Done: {rounds} sites built and searched ({invalid} refused by the validator), {index_files} index files, "
          f"{queries} queries in {time.time() - started:.0f} s; no query threw.")
    print("V8 block coverage: " + ", ".join(f"{name} {100 * share:.1f}%" for name, share in sorted(fractions.items())))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
