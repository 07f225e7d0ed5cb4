"""Prints the relevance suites' MRR and top-3 share at the end of the run, and keeps them in test-results/."""
import json
import pathlib

REPO = pathlib.Path(__file__).resolve().parents[2]


def pytest_terminal_summary(terminalreporter):
    from test_relevance_index import SUMMARIES  # noqa: PLC0415 (filled while the tests ran)

    if not SUMMARIES:
        return
    terminalreporter.section("search relevance")
    for name, summary in SUMMARIES.items():
        terminalreporter.write_line(f"{name}: {summary['summary']}")
    out = REPO / "test-results"
    out.mkdir(exist_ok=True)
    (out / "relevance.json").write_text(json.dumps(SUMMARIES, indent=2) + "\n")
