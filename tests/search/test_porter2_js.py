"""The browser's Porter2 stemmer (porter2.js) against the Swift stemmer's test vectors.

Queries are stemmed in the browser and the corpus by the Swift index builder, so the two
must agree on every word or searches silently miss.
"""
import json
import pathlib
import shutil
import subprocess

import pytest

HERE = pathlib.Path(__file__).parent
VECTORS = HERE.parents[1] / "Tests" / "LocalOfferSearchTests" / "Fixtures" / "porter2-vocabulary.tsv"
NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed; it runs porter2.js outside the browser")
def test_porter2_js_matches_every_swift_vector():
    result = subprocess.run(
        [NODE, str(HERE / "porter2_vectors.mjs"), str(VECTORS)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.strip(), f"the runner printed nothing: {result.stderr}"
    report = json.loads(result.stdout.strip().splitlines()[-1])
    first = "\n".join(
        f"  line {m['line']}: {m['word']!r} -> {m['actual']!r}, expected {m['expected']!r}"
        for m in report["mismatches"][:20]
    )
    assert not report["mismatches"], (
        f"{len(report['mismatches'])} of {report['checked']} words stem differently, first:\n{first}"
    )
    assert report["checked"] == len(VECTORS.read_text(encoding="utf-8").splitlines())
    assert result.returncode == 0, result.stderr
