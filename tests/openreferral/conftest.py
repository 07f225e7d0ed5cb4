"""Shared fixtures for the Open Referral tests: the built demo site and the localoffer binary."""
from __future__ import annotations

import os
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SITE = pathlib.Path(os.environ.get("LOCALOFFER_TEST_SITE", REPO / ".build" / "test-site"))
BINARY = pathlib.Path(os.environ.get("LOCALOFFER_BINARY", REPO / ".build" / "debug" / "localoffer"))


@pytest.fixture(scope="session")
def site() -> pathlib.Path:
    if not (SITE / "openreferral" / "index.html").is_file():
        pytest.fail(f"no built site with an Open Referral endpoint at {SITE}; run `make test`, which builds it first")
    return SITE


@pytest.fixture(scope="session")
def binary() -> pathlib.Path:
    if not BINARY.is_file():
        pytest.fail(f"no localoffer binary at {BINARY}; run `swift build --product localoffer` first")
    return BINARY
