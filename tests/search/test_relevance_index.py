"""The relevance suite on the index itself: the browser's own engine.js run by Node over the built files."""
import os
import pathlib
import shutil
import subprocess

import pytest

HERE = pathlib.Path(__file__).parent
SITE = pathlib.Path(os.environ.get("LOCALOFFER_TEST_SITE", ".build/test-site"))


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js runs the engine outside the browser")
def test_relevance_suite_on_the_index():
    assert (SITE / "search" / "manifest.json").exists(), f"no search index in {SITE}"
    result = subprocess.run(
        ["node", str(HERE / "relevance.mjs"), str(SITE), str(HERE / "relevance_queries.json")],
        capture_output=True, text=True, timeout=120,
    )
    failures = [line for line in result.stdout.splitlines() if '"problems":[]' not in line and line.startswith("{")]
    assert result.returncode == 0, "\n".join(failures) + result.stderr


def test_the_suite_has_at_least_forty_queries():
    import json
    queries = json.loads((HERE / "relevance_queries.json").read_text())
    assert len(queries) >= 40
