"""The relevance suites on the index itself: the browser's own engine.js run by Node over the built files.

- relevance_queries.json: the first 60 queries, on the demo;
- family_queries_demo.json: queries written as families type them, on the demo;
- family_queries_second_council.json: the same kind of queries on a second, differently written
  council (tests/fixtures/second-council: its own glossary and no synonyms.yml).

Each prints MRR and the share of queries whose right answer is in the top 3 (shown at the end of
the pytest run, and written to test-results/relevance.json).
"""
import json
import os
import pathlib
import shutil
import subprocess

import pytest

HERE = pathlib.Path(__file__).parent
REPO = HERE.parents[1]
SITE = pathlib.Path(os.environ.get("LOCALOFFER_TEST_SITE", ".build/test-site"))
SECOND = pathlib.Path(os.environ.get("LOCALOFFER_TEST_SITE_SECOND", ".build/test-site-second"))
SUITES = [
    ("demo-first-60", SITE, "relevance_queries.json"),
    ("demo-families", SITE, "family_queries_demo.json"),
    ("second-council-families", SECOND, "family_queries_second_council.json"),
]
SUMMARIES: dict[str, dict] = {}


def run_suite(site: pathlib.Path, queries: pathlib.Path) -> tuple[subprocess.CompletedProcess, dict]:
    result = subprocess.run(["node", str(HERE / "relevance.mjs"), str(site), str(queries)],
                            capture_output=True, text=True, timeout=300)
    lines = result.stdout.strip().splitlines()
    summary = json.loads(lines[-1]) if lines and lines[-1].startswith('{"summary"') else {}
    return result, summary


@pytest.mark.parametrize("name,site,queries", SUITES, ids=[suite[0] for suite in SUITES])
def test_relevance_suite(name, site, queries):
    assert shutil.which("node"), "Node.js runs the engine outside the browser (scripts/install-test-tools.sh installs it)"
    assert (site / "search" / "manifest.json").exists(), f"no search index in {site}: `make test` builds it"
    result, summary = run_suite(site, HERE / queries)
    assert summary, f"the runner printed no summary:\n{result.stdout[-2000:]}\n{result.stderr}"
    SUMMARIES[name] = summary
    failures = [line for line in result.stdout.splitlines() if line.startswith('{"q"') and '"problems":[]' not in line]
    assert result.returncode == 0, "\n".join(failures) + result.stderr


def test_the_suites_are_large_enough():
    counts = {name: len(json.loads((HERE / queries).read_text())) for name, _, queries in SUITES}
    assert counts["demo-first-60"] >= 60
    assert counts["demo-families"] + counts["second-council-families"] >= 150, counts
    assert counts["second-council-families"] >= 60, counts


def test_the_second_council_has_no_synonyms_file():
    content = REPO / "tests" / "fixtures" / "second-council" / "content"
    assert (content / "glossary.yml").is_file()
    assert not (content / "synonyms.yml").exists(), "the second council must learn its vocabulary from the glossary alone"


def test_a_broken_engine_fails_the_suite(tmp_path):
    """The suite can fail: an engine that ignores the query's words must not pass it."""
    assert shutil.which("node")
    broken = tmp_path / "site"
    shutil.copytree(SECOND, broken)
    engine = broken / "assets" / "search" / "engine.js"
    text = engine.read_text()
    needle = "const query = rest.trim() ? rest : \"\";"
    assert needle in text, "the engine changed: update this test's way of breaking it"
    engine.write_text(text.replace(needle, "const query = rest.trim() ? rest.split(' ')[0] : \"\";"))
    result, summary = run_suite(broken, HERE / "family_queries_second_council.json")
    assert result.returncode == 1 and summary["failed"] > 5, summary
