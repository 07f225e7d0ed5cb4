"""Fixtures for the import tests: the localoffer binary, an empty site to import into, and a runner."""
from __future__ import annotations

import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("LOCALOFFER_BINARY", REPO / ".build" / "debug" / "localoffer"))
TODAY = "2026-11-23"


@pytest.fixture(scope="session")
def localoffer():
    if not BINARY.is_file():
        pytest.fail(f"no localoffer binary at {BINARY}; run `swift build --product localoffer` (make test does)")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(BINARY), *args], capture_output=True, text=True, timeout=600,
                              env={**os.environ, "LOCALOFFER_TODAY": TODAY})
    return run
