"""The endpoint as the ORUK validator and the DfE's importer request it: extensionless addresses on a
real static server (nginx as configured for the browser tests, Python's http.server as the fallback),
then with the headers the README recommends for nginx.

The validator GETs {base}/, then {base}/services?page=1, then {base}/services/{id}; it follows
redirects and ignores Content-Type. The DfE's importer GETs {base}/services with no page.
"""
from __future__ import annotations

import json
import pathlib
import random
import shutil
import sys
import textwrap
import urllib.request

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "browser"))
import a11y_server  # noqa: E402
from a11y_server import SiteServer  # noqa: E402

# The nginx location block README.md recommends (kept in step with it by test_readme_shows_this_block).
README_NGINX_BLOCK = """location /openreferral/ {
    types { } default_type application/json;
    add_header Access-Control-Allow-Origin "*" always;
}"""


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers, json.loads(response.read().decode("utf-8"))


def walk_like_the_validator(server) -> dict:
    """The requests of the validator, in its order; returns the headers of a service document."""
    status, _, root = fetch(server.url("/openreferral/"))
    assert status == 200 and root["version"] == "HSDS-UK-3.0"
    _, _, first = fetch(server.url("/openreferral/services?page=1"))
    _, _, second = fetch(server.url("/openreferral/services?page=2"))
    _, _, unpaged = fetch(server.url("/openreferral/services"))
    assert first == second == unpaged, "a static host ignores ?page=: every page is page 1, which holds everything"
    ids = [item["id"] for item in first["contents"]]
    headers = None
    for service_id in random.Random(12).sample(ids, 10):
        status, headers, service = fetch(server.url(f"/openreferral/services/{service_id}"))
        assert status == 200 and service["id"] == service_id
    for endpoint in ("organizations", "taxonomies", "taxonomy_terms", "service_at_locations"):
        _, _, page = fetch(server.url(f"/openreferral/{endpoint}?page=1"))
        item = page["contents"][0]["id"]
        _, _, document = fetch(server.url(f"/openreferral/{endpoint}/{item}"))
        assert document["id"] == item
    return headers


@pytest.mark.parametrize("kind", ["nginx", "python"])
def test_every_address_the_validator_requests_is_answered(site, kind):
    if kind == "nginx" and not shutil.which("nginx"):
        pytest.skip("nginx is installed by scripts/install-test-tools.sh")
    with SiteServer(site, kind=kind) as server:
        walk_like_the_validator(server)


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is installed by scripts/install-test-tools.sh")
def test_the_readme_nginx_configuration_sends_json_and_cors(site, monkeypatch):
    original = a11y_server.nginx_config

    def with_readme_block(root, port, run_dir):
        config = original(root, port, run_dir)
        anchor = "    location / { try_files $uri $uri/ =404; }\n"
        assert anchor in config
        return config.replace(anchor, anchor + "    " + README_NGINX_BLOCK.replace("\n", "\n    ") + "\n")

    monkeypatch.setattr(a11y_server, "nginx_config", with_readme_block)
    with SiteServer(site, kind="nginx") as server:
        headers = walk_like_the_validator(server)
        assert headers["Content-Type"].startswith("application/json")
        assert headers["Access-Control-Allow-Origin"] == "*"
        _, root_headers, _ = fetch(server.url("/openreferral/"))
        assert root_headers["Content-Type"].startswith("application/json")


def test_readme_shows_this_block():
    readme = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert textwrap.indent(README_NGINX_BLOCK, "  ") in readme
