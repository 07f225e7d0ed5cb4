#!/usr/bin/env python3
"""Search benchmark (issue 5): localoffer's client-side search against Pagefind 1.5 on the same site.

    python3 bench/search_benchmark.py                  # 10,000 synthetic services, ~10 min on 2 cores
    python3 bench/search_benchmark.py --quick          # 1,000 services: a smoke test
    python3 bench/search_benchmark.py --localoffer .build-bench/release/localoffer --services 5000

What it does, all under bench/out/ (git-ignored):

1. generates a synthetic Local Offer (bench/generate_synthetic_site.py) and builds it with
   `localoffer build`, timing the build and measuring search/ on disk;
2. runs Pagefind over the same built site (service, information and glossary pages; <body> as
   Pagefind does by default, no template changes) and adds /pagefind-search/, a page in the same
   shell as our search page that uses Pagefind's JS API from a module file;
3. serves the site with nginx on a free loopback port (gzip on, one log line per request with the
   bytes sent) and, for each tool, in fresh headless Chromium sessions (new profile, cache
   disabled through CDP) types queries character by character into #search-q, measuring
   - the bytes on the wire from page load to the first query's rendered results (nginx log), and
     the same uncompressed (the served files' sizes),
   - the time from the last keystroke to the rendered results (performance.now() at the input
     event, a MutationObserver on [data-search-results]), cold (first query) and warm (a second,
     different query in the same page);
4. prints a markdown table and writes it to bench/out/results.md (raw numbers: results.json).

Needs chromium, chromium-driver and nginx (apt) and .venv with selenium and pagefind[bin]; installs
what is missing with scripts/install-test-tools.sh, scripts/install-build-deps.sh and pip, then
re-runs itself with .venv/bin/python.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
TODAY = "2026-11-23"
QUERIES = ["speech therapy", "autism", "short breaks", "wheelchair", "college"]
# Wall-clock start, kept across the re-run under .venv/bin/python so the runtime includes installing.
STARTED = float(os.environ.setdefault("SEARCH_BENCH_STARTED", str(time.time())))


def log(message):
    print(f"[{time.time() - STARTED:6.1f}s] {message}", flush=True)


def run(command, **kwargs):
    log("$ " + " ".join(str(part) for part in command))
    return subprocess.run([str(part) for part in command], check=True, **kwargs)


# --------------------------------------------------------------------------------------------
# Tools


def have_package(name):
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
    return "install ok installed" in result.stdout


def ensure_tools():
    """Installs what is missing, then makes sure this script runs under .venv/bin/python."""
    venv_ok = VENV_PYTHON.exists() and subprocess.run(
        [str(VENV_PYTHON), "-c", "import selenium"], capture_output=True).returncode == 0
    if not (shutil.which("chromium") and shutil.which("chromedriver") and venv_ok):
        run([ROOT / "scripts" / "install-test-tools.sh"])
    if not shutil.which("nginx") and not have_package("nginx"):
        # install-test-tools.sh does not install nginx; the same helper installs any apt package.
        run([ROOT / "scripts" / "install-build-deps.sh", "nginx"])
    if subprocess.run([str(VENV_PYTHON), "-c", "import pagefind_bin"], capture_output=True).returncode != 0:
        run([VENV / "bin" / "pip", "install", "-q", "--disable-pip-version-check", "pagefind[bin]"])
    if Path(sys.executable).absolute() != VENV_PYTHON.absolute() and os.environ.get("SEARCH_BENCH_REEXEC") != "1":
        os.environ["SEARCH_BENCH_REEXEC"] = "1"
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]])


def pagefind_executable():
    out = subprocess.run([str(VENV_PYTHON), "-c", "import pagefind_bin; print(pagefind_bin.get_executable())"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def nginx_binary():
    return shutil.which("nginx") or "/usr/sbin/nginx"


# --------------------------------------------------------------------------------------------
# Building


def localoffer_binary(args, facts):
    if args.localoffer:
        path = Path(args.localoffer).resolve()
        if not path.exists():
            sys.exit(f"--localoffer {path}: no such file")
        return path
    run([ROOT / "scripts" / "install-build-deps.sh"])
    start = time.monotonic()
    run(["swift", "build", "-c", "release", "--product", "localoffer"], cwd=ROOT)
    facts["compile_seconds"] = time.monotonic() - start
    return ROOT / ".build" / "release" / "localoffer"


def tree_size(path, include=lambda relative: True):
    total, files = 0, 0
    for directory, _, names in os.walk(path):
        for name in names:
            full = os.path.join(directory, name)
            if include(os.path.relpath(full, path)):
                total += os.path.getsize(full)
                files += 1
    return total, files


def build_site(args, binary, facts):
    content, site = OUT / "content", OUT / "site"
    run([sys.executable, BENCH / "generate_synthetic_site.py", args.services, content], stdout=subprocess.DEVNULL)
    facts["services_generated"] = args.services
    facts["services_total"] = len(list((content / "services").glob("*.md")))
    shutil.rmtree(site, ignore_errors=True)
    env = dict(os.environ, LOCALOFFER_TODAY=TODAY)
    start = time.monotonic()
    result = subprocess.run([str(binary), "build", "--content", str(content), "--templates", str(ROOT / "templates"),
                             "--output", str(site), "--verbose"], env=env, capture_output=True, text=True)
    facts["build_seconds"] = time.monotonic() - start
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-4000:])
        sys.exit(f"localoffer build failed (exit {result.returncode})")
    facts["build_summary"] = next((line for line in result.stdout.splitlines() if line.startswith("Built")), "")
    facts["build_steps"] = {name: float(seconds) for name, seconds in
                            re.findall(r"^\s+(\w+)\s+([\d.]+) s$", result.stdout, re.MULTILINE)}
    log(facts["build_summary"])
    search = site / "search"
    manifest = json.loads((search / "manifest.json").read_text())
    facts["documents"] = manifest.get("documents")
    facts["indexed_services"] = manifest.get("services")
    index = {"bytes": tree_size(search)[0], "files": tree_size(search)[1]}
    for part in ("terms", "facets", "records"):
        index[part + "_bytes"], index[part + "_files"] = tree_size(search / part)
    index["manifest_bytes"] = (search / "manifest.json").stat().st_size
    shards = sorted(((path.stat().st_size, path.name) for path in (search / "terms").glob("*.json")), reverse=True)
    index["largest_shards"] = shards[:5]
    records = [path.stat().st_size for path in (search / "records").glob("*.json")]
    index["record_file_median_bytes"] = statistics.median(records) if records else 0
    facts["index"] = index


def run_pagefind(args, facts):
    site = OUT / "site"
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    command = [pagefind_executable(), "--site", str(site), "--glob", args.pagefind_glob]
    start = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    facts["pagefind_seconds"] = time.monotonic() - start
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        sys.exit("pagefind failed")
    facts["pagefind_command"] = "pagefind --site bench/out/site --glob '" + args.pagefind_glob + "'"
    version = subprocess.run([command[0], "--version"], capture_output=True, text=True).stdout.strip()
    facts["pagefind_version"] = version.replace("pagefind ", "")
    found = re.search(r"Indexed (\d+) pages", result.stdout)
    facts["pagefind_pages"] = int(found.group(1)) if found else None
    words = re.search(r"Indexed (\d+) words", result.stdout)
    facts["pagefind_words"] = int(words.group(1)) if words else None
    bundle = site / "pagefind"
    ui = re.compile(r"^pagefind-(ui|modular-ui|component-ui|highlight)\.|^wasm\.unknown\.")
    facts["pagefind_index"] = {
        "bytes": tree_size(bundle)[0], "files": tree_size(bundle)[1],
        # What the JS API can fetch: no UI bundles, no wasm for other languages.
        "api_bytes": tree_size(bundle, lambda r: not ui.search(r))[0],
        "api_files": tree_size(bundle, lambda r: not ui.search(r))[1],
        "index_bytes": tree_size(bundle / "index")[0], "index_files": tree_size(bundle / "index")[1],
        "fragment_bytes": tree_size(bundle / "fragment")[0], "fragment_files": tree_size(bundle / "fragment")[1],
    }
    log(f"pagefind: {facts['pagefind_pages']} pages, {facts['pagefind_seconds']:.1f} s")


def write_pagefind_page(args):
    """/pagefind-search/: our search page's shell (header, footer, CSS, site.js) around a Pagefind search."""
    site = OUT / "site"
    template = (BENCH / "pagefind-search.html").read_text().replace("@RESULTS@", str(args.pagefind_results))
    template = template.replace("@DEBOUNCE@", str(args.pagefind_debounce_ms))
    template = re.sub(r"<!--.*?-->\n?", "", template, flags=re.DOTALL)
    page = template
    ours = site / "search" / "index.html"
    inner = re.search(r"<main\b[^>]*>(.*?)</main>", template, re.DOTALL).group(1)
    if ours.exists():
        shell = ours.read_text()
        main = re.search(r"(<main\b[^>]*>)(.*?)(</main>)", shell, re.DOTALL)
        if main:
            # Keep what the layout adds inside <main> after the page's own content (the My list status).
            kept = "".join(re.findall(r"<p\b[^>]*data-my-list-status[^>]*>\s*</p>", main.group(2)))
            page = shell[:main.start(2)] + inner + kept + "\n" + shell[main.end(2):]
            page = re.sub(r"<title>.*?</title>", "<title>Search services (Pagefind)</title>", page, count=1, flags=re.S)
            page = re.sub(r'<link rel="canonical"[^>]*>\n?', "", page)
            # Our page's preload hints are for our files: Pagefind's page has none, as Pagefind is
            # usually deployed (a second copy, /pagefind-search-preload/, preloads Pagefind's code).
            page = re.sub(r'<link rel="(?:modulepreload|preload)"[^>]*>\n?', "", page)
            # Nor our search/boot.js, which would fetch our manifest and shards on Pagefind's page.
            page = re.sub(r'<script src="[^"]*/search/boot\.js"[^>]*></script>\n?', "", page)
    target = site / "pagefind-search"
    target.mkdir(parents=True, exist_ok=True)
    (target / "index.html").write_text(page)
    shutil.copy(BENCH / "pagefind-search.js", target / "pagefind-search.js")
    preloaded = site / "pagefind-search-preload"
    preloaded.mkdir(parents=True, exist_ok=True)
    (preloaded / "index.html").write_text(page.replace("</head>", '<link rel="modulepreload" href="/pagefind-search/pagefind-search.js">\n'
                                                       '<link rel="modulepreload" href="/pagefind/pagefind.js">\n</head>', 1))


# --------------------------------------------------------------------------------------------
# Serving


class Nginx:
    def __init__(self, root, gzip_level, csp):
        self.run_dir = OUT / "nginx"
        shutil.rmtree(self.run_dir, ignore_errors=True)
        (self.run_dir / "tmp").mkdir(parents=True)
        self.log_path = self.run_dir / "access.log"
        self.log_path.touch()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        extra = f'    add_header Content-Security-Policy "{csp}" always;' if csp else ""
        config = (BENCH / "nginx.conf.template").read_text()
        for key, value in {"RUN": self.run_dir, "ACCESS_LOG": self.log_path, "GZIP_LEVEL": gzip_level,
                           "PORT": self.port, "ROOT": Path(root).resolve(), "EXTRA_HEADERS": extra}.items():
            config = config.replace(f"@{key}@", str(value))
        (self.run_dir / "nginx.conf").write_text(config)
        self.process = subprocess.Popen([nginx_binary(), "-c", str(self.run_dir / "nginx.conf"), "-p", str(self.run_dir),
                                         "-e", str(self.run_dir / "error.log")])
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if self.process.poll() is not None:
                    sys.exit("nginx did not start: " + (self.run_dir / "error.log").read_text())
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"
        log(f"nginx (pid {self.process.pid}) serving {root} on {self.url}, gzip level {gzip_level}")

    def mark(self):
        return self.log_path.stat().st_size

    def since(self, mark):
        with open(self.log_path, "rb") as handle:
            handle.seek(mark)
            lines = handle.read().decode().splitlines()
        requests = []
        for line in lines:
            parts = line.split(" ")
            if len(parts) < 5:
                continue
            requests.append({"time": float(parts[0]), "uri": parts[1], "status": int(parts[2]),
                             "wire": int(parts[3]), "body": int(parts[4]),
                             "encoding": parts[5] if len(parts) > 5 and parts[5] != "-" else ""})
        return requests

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()


# --------------------------------------------------------------------------------------------
# Browsing

# Installed before any page script: input times, search starts (both pages call
# history.replaceState right before they search) and every change of the results container.
PROBE = r"""
(() => {
  const bench = window.__bench = { inputs: [], starts: [], renders: [] };
  const signature = (node) => Array.from(node.querySelectorAll("a[href]"), (a) => a.getAttribute("href")).join("|");
  document.addEventListener("input", (event) => {
    if (event.target && event.target.id === "search-q") bench.inputs.push([performance.now(), event.target.value]);
  }, true);
  const replaceState = history.replaceState;
  history.replaceState = function (...args) { bench.starts.push(performance.now()); return replaceState.apply(this, args); };
  const watch = () => {
    const results = document.querySelector("[data-search-results]");
    if (!results) return;
    new MutationObserver(() => {
      bench.renders.push([performance.now(), signature(results), results.querySelectorAll("a[href]").length]);
    }).observe(results, { childList: true, subtree: true, characterData: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch); else watch();
})();
"""

STATE = "const b = window.__bench; return b ? {now: performance.now(), origin: performance.timeOrigin, " \
        "inputs: b.inputs, starts: b.starts, renders: b.renders, " \
        "status: (document.querySelector('[data-search-status]') || {}).textContent || ''} : null;"


def new_browser(profile):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--user-data-dir={profile}", "--window-size=1280,1000", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-default-apps", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver"), log_output=subprocess.DEVNULL))
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})
    return driver


def type_query(driver, field, query, keystroke_ms, mode):
    if mode == "pasted":
        driver.execute_script("arguments[0].value = arguments[1];"
                              "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, query)
        return
    start = time.monotonic()
    for position, character in enumerate(query):
        delay = start + position * keystroke_ms / 1000 - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        field.send_keys(character)


def wait_for_results(driver, settle_ms, timeout=20.0):
    """Waits until a search started after the last input has rendered and nothing changed for settle_ms."""
    deadline = time.monotonic() + timeout
    while True:
        state = driver.execute_script(STATE)
        if state and state["inputs"]:
            last_input = state["inputs"][-1][0]
            starts = [t for t in state["starts"] if t >= last_input]
            if starts:
                renders = [r for r in state["renders"] if r[0] >= starts[0]]
                quiet_since = max([starts[-1]] + [r[0] for r in renders])
                if renders and state["now"] - quiet_since >= settle_ms:
                    return measure(state)
        if time.monotonic() > deadline:
            return {"error": "timed out", "status": state and state.get("status")}
        time.sleep(0.05)


def measure(state):
    last_input = state["inputs"][-1]
    start = min(t for t in state["starts"] if t >= last_input[0])
    renders = [r for r in state["renders"] if r[0] >= start]
    final = renders[-1][1]
    first = len(renders) - 1
    while first > 0 and renders[first - 1][1] == final:
        first -= 1
    rendered = renders[first][0]
    return {"query": last_input[1], "keystroke_to_results_ms": rendered - last_input[0],
            "search_to_results_ms": rendered - start, "links": renders[first][2], "status": state["status"],
            "rendered_epoch": (state["origin"] + rendered) / 1000}


def summarise_requests(requests, site):
    out = []
    for request in requests:
        path = request["uri"].split("?")[0].split("#")[0]
        file = site / path.lstrip("/")
        if path.endswith("/"):
            file = file / "index.html"
        size = file.stat().st_size if file.is_file() else 0
        out.append({**request, "path": path, "uncompressed": size if request["status"] == 200 else request["body"],
                    "category": category(path)})
    return out


def category(path):
    if path.endswith("/") or path.endswith(".html"):
        return "page HTML"
    if (path.startswith("/assets/search/") or path.startswith("/pagefind-search/")
            or path in ("/pagefind/pagefind.js", "/pagefind/pagefind-worker.js") or path.endswith(".pagefind")):
        return "search code (JS, wasm)"
    if path.startswith("/assets/"):
        return "site CSS, JS, icon"
    if path == "/search/manifest.json" or path == "/pagefind/pagefind-entry.json" or path.endswith(".pf_meta"):
        return "index metadata"
    if path.startswith("/search/terms/") or path.startswith("/pagefind/index/"):
        return "term postings"
    if path.startswith("/search/facets/") or path.startswith("/pagefind/filter/"):
        return "filters"
    if path.startswith("/search/records/") or path.startswith("/pagefind/fragment/"):
        return "result records"
    return "other"


def session(tool, url, nginx, first_query, warm_queries, mode, args):
    """One fresh browser: load the search page, run the first query, then the warm ones."""
    from selenium.webdriver.common.by import By
    profile = tempfile.mkdtemp(prefix="search-bench-profile-")
    driver = new_browser(profile)
    site = OUT / "site"
    try:
        mark = nginx.mark()
        driver.get(url)
        field = driver.find_element(By.ID, "search-q")
        deadline = time.monotonic() + 10
        while not driver.execute_script("return document.documentElement.classList.contains('app-search-enhanced')"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{tool}: the search page's script did not start")
            time.sleep(0.05)
        type_query(driver, field, first_query, args.keystroke_ms, mode)
        cold = wait_for_results(driver, args.settle_ms)
        requests = summarise_requests(nginx.since(mark), site)
        cold["requests"] = requests
        cold["after_render"] = sum(1 for r in requests if r["time"] > cold.get("rendered_epoch", 1e18) + 0.005)
        warm = []
        for query in warm_queries:
            driver.execute_script("arguments[0].value = '';"
                                  "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field)
            time.sleep(0.3)
            mark = nginx.mark()
            type_query(driver, field, query, args.keystroke_ms, "typed")
            result = wait_for_results(driver, args.settle_ms)
            result["requests"] = summarise_requests(nginx.since(mark), site)
            warm.append(result)
        errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        return {"tool": tool, "mode": mode, "first": cold, "warm": warm, "console_errors": errors}
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


# Chromium's "slow mobile network": every request waits the round trip, the body comes at the rate.
def slow_network(args):
    return {"offline": False, "latency": args.slow_latency_ms,
            "downloadThroughput": args.slow_kbps * 1000 / 8, "uploadThroughput": 750 * 1000 / 8}


def cold_on_slow_network(tool, url, nginx, query, args):
    """A fresh browser on an emulated slow network opens the search page with the query in its
    address (a search submitted from the home page): navigation → first result drawn."""
    import urllib.parse
    profile = tempfile.mkdtemp(prefix="search-bench-profile-")
    driver = new_browser(profile)
    try:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", slow_network(args))
        mark = nginx.mark()
        driver.get(url + "?q=" + urllib.parse.quote_plus(query))
        deadline = time.monotonic() + 30
        first = None
        while True:
            state = driver.execute_script(STATE)
            drawn = [r for r in (state or {}).get("renders", []) if r[2] > 0]
            if drawn and first is None:
                first = drawn[0]
            if first is not None and state["now"] - max(r[0] for r in state["renders"]) >= args.settle_ms:
                break
            if time.monotonic() > deadline:
                return {"tool": tool, "query": query, "error": "timed out", "status": state and state.get("status")}
            time.sleep(0.05)
        timing = driver.execute_script("const n = performance.getEntriesByType('navigation')[0];"
                                       "return {dom: n.domContentLoadedEventEnd, load: n.loadEventEnd, page: n.responseEnd,"
                                       " resources: performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname,"
                                       " Math.round(e.startTime), Math.round(e.responseStart), Math.round(e.responseEnd)])};")
        requests = summarise_requests(nginx.since(mark), OUT / "site")
        return {"tool": tool, "query": query, "first_result_ms": first[0], "first_links": first[2],
                "final_links": state["renders"][-1][2], "status": state["status"],
                "dom_content_loaded_ms": timing["dom"], "page_ms": timing["page"], "waterfall": timing["resources"],
                "requests": requests,
                "console_errors": [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]}
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


SLOW_TOOLS = ("localoffer", "pagefind", "pagefind-preload")


def browse_slow(args, nginx, facts):
    pages = {"localoffer": f"{nginx.url}/search/", "pagefind": f"{nginx.url}/pagefind-search/",
             "pagefind-preload": f"{nginx.url}/pagefind-search-preload/"}
    results = []
    for query in args.queries:
        for tool, url in pages.items():
            result = cold_on_slow_network(tool, url, nginx, query, args)
            results.append(result)
            if "error" in result:
                log(f"{tool:10} slow   {query!r:17} ERROR {result['error']}")
            else:
                wire = sum(r["wire"] for r in result["requests"])
                log(f"{tool:10} slow   {query!r:17} first result at {result['first_result_ms']:.0f} ms "
                    f"({result['first_links']} links; DOMContentLoaded {result['dom_content_loaded_ms']:.0f} ms), "
                    f"{len(result['requests'])} requests, {wire / 1024:.1f} KiB")
                if result["console_errors"]:
                    log(f"  console errors: {result['console_errors'][:3]}")
    facts["slow_sessions"] = results


def slow_report(args, facts):
    results = [r for r in facts.get("slow_sessions", []) if "error" not in r]
    if not results:
        return []
    medians = {tool: median([r["first_result_ms"] for r in results if r["tool"] == tool]) for tool in SLOW_TOOLS}
    ours, theirs, preloaded = medians["localoffer"], medians["pagefind"], medians["pagefind-preload"]
    lines = ["", f"Cold query on an emulated slow mobile network ({args.slow_latency_ms} ms round trip, "
             f"{args.slow_kbps / 1000:g} Mbit/s down; Chromium's Network.emulateNetworkConditions): a fresh browser opens "
             "the search page with the query in its address; time from navigation to the first result drawn. "
             "Pagefind's page as usually deployed, and the same page with `modulepreload` hints for Pagefind's code "
             "(ours preloads its code and manifest).", "",
             "| Query | localoffer | Pagefind | ratio | Pagefind, code preloaded | ratio |", "| --- | --- | --- | --- | --- | --- |"]
    for query in args.queries:
        cells, values = [], []
        for tool in SLOW_TOOLS:
            chosen = [r for r in results if r["tool"] == tool and r["query"] == query]
            if chosen:
                r = chosen[0]
                values.append(r["first_result_ms"])
                cells.append(f"{r['first_result_ms']:.0f} ms ({len(r['requests'])} requests, "
                             f"{kib(sum(x['wire'] for x in r['requests']))})")
            else:
                values.append(None)
                cells.append("n/a")
        ratio = lambda other: f"{values[0] / other:.0%}" if values[0] and other else "n/a"
        lines.append(f"| {query} | {cells[0]} | {cells[1]} | {ratio(values[1])} | {cells[2]} | {ratio(values[2])} |")
    if ours is not None and theirs:
        lines.append(f"| **median** | **{ours:.0f} ms** | **{theirs:.0f} ms** | **{ours / theirs:.0%}** | "
                     f"**{preloaded or 0:.0f} ms** | **{(ours / preloaded) if preloaded else 0:.0%}** |")
        met = ours <= theirs / 2 and ours < 1500
        first = next((r for r in results if r["tool"] == "localoffer" and r.get("waterfall")), None)
        if first:
            lines += ["", f"Where the time goes, localoffer, {first['query']!r} (ms from navigation; the page arrived at "
                      f"{first['page_ms']:.0f}, first result drawn at {first['first_result_ms']:.0f}):", "",
                      "| File | asked | first byte | done |", "| --- | --- | --- | --- |"]
            lines += [f"| `{name}` | {start} | {byte} | {end} |" for name, start, byte, end in sorted(first["waterfall"], key=lambda e: e[1])]
        lines += ["", f"- Goal, at most half of Pagefind's time and under 1.5 s: {'met' if met else '**missed**'} "
                  f"(median {ours:.0f} ms against {theirs:.0f} ms, {ours / theirs:.0%}"
                  + (f"; against Pagefind with its code preloaded, {preloaded:.0f} ms, {ours / preloaded:.0%}" if preloaded else "")
                  + ")."]
    return lines


def browse(args, nginx, facts):
    pages = {"localoffer": f"{nginx.url}/search/", "pagefind": f"{nginx.url}/pagefind-search/"}
    queries = args.queries
    sessions = []
    for tool, url in pages.items():
        for position, query in enumerate(queries):
            warm = [queries[(position + offset) % len(queries)] for offset in range(1, args.warm + 1)]
            result = session(tool, url, nginx, query, warm, "typed", args)
            sessions.append(result)
            log(f"{tool:10} typed  {query!r:17} {describe(result['first'])}; warm " +
                ", ".join(f"{w.get('query')!r} {w.get('keystroke_to_results_ms', float('nan')):.0f} ms" for w in result["warm"]))
            if result["console_errors"]:
                log(f"  console errors: {result['console_errors'][:3]}")
        if args.pasted:
            for query in queries:
                result = session(tool, url, nginx, query, [], "pasted", args)
                sessions.append(result)
                log(f"{tool:10} pasted {query!r:17} {describe(result['first'])}")
    facts["sessions"] = sessions


def describe(result):
    if "error" in result:
        return f"ERROR {result['error']} (status {result.get('status')!r})"
    wire = sum(r["wire"] for r in result["requests"])
    return (f"{result['keystroke_to_results_ms']:.0f} ms, {len(result['requests'])} requests, {wire / 1024:.1f} KiB "
            f"— {result['status']!r}")


# --------------------------------------------------------------------------------------------
# Report


def kib(n):
    return f"{n / 1024:,.1f} KiB" if n < 1024 * 1024 else f"{n / 1048576:,.2f} MiB"


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ms(value):
    return "n/a" if value is None else f"{value:.0f} ms"


def tool_numbers(sessions, tool):
    typed = [s for s in sessions if s["tool"] == tool and s["mode"] == "typed" and "error" not in s["first"]]
    pasted = [s for s in sessions if s["tool"] == tool and s["mode"] == "pasted" and "error" not in s["first"]]
    warm = [w for s in typed for w in s["warm"] if "error" not in w]
    total = lambda result, key: sum(r[key] for r in result["requests"])
    return {
        "typed_wire": median([total(s["first"], "wire") for s in typed]),
        "typed_uncompressed": median([total(s["first"], "uncompressed") for s in typed]),
        "typed_requests": median([len(s["first"]["requests"]) for s in typed]),
        "pasted_wire": median([total(s["first"], "wire") for s in pasted]),
        "pasted_uncompressed": median([total(s["first"], "uncompressed") for s in pasted]),
        "pasted_requests": median([len(s["first"]["requests"]) for s in pasted]),
        "search_wire": median([sum(r["wire"] for r in s["first"]["requests"]
                                   if r["category"] not in ("page HTML", "site CSS, JS, icon")) for s in typed]),
        "cold_typed": median([s["first"]["keystroke_to_results_ms"] for s in typed]),
        "cold_pasted": median([s["first"]["keystroke_to_results_ms"] for s in pasted]),
        "cold_pasted_search": median([s["first"]["search_to_results_ms"] for s in pasted]),
        "warm": median([w["keystroke_to_results_ms"] for w in warm]),
        "warm_search": median([w["search_to_results_ms"] for w in warm]),
        "warm_wire": median([total(w, "wire") for w in warm]),
        "warm_requests": median([len(w["requests"]) for w in warm]),
        "warm_records": median([sum(1 for r in w["requests"] if r["category"] == "result records") for w in warm]),
        "warm_search_p90": (sorted(w["search_to_results_ms"] for w in warm)[int(0.9 * (len(warm) - 1))] if warm else None),
        "warm_count": len(warm),
        "typed_count": len(typed),
        "pasted_count": len(pasted),
        "shown": median([s["first"]["links"] for s in typed]),
    }


def breakdown_table(sessions, query):
    rows = {}
    for tool in ("localoffer", "pagefind"):
        chosen = [s for s in sessions if s["tool"] == tool and s["mode"] == "typed" and s["first"].get("query") == query]
        if not chosen:
            continue
        for request in chosen[0]["first"]["requests"]:
            entry = rows.setdefault(request["category"], {}).setdefault(tool, [0, 0, 0])
            entry[0] += 1
            entry[1] += request["wire"]
            entry[2] += request["uncompressed"]
    order = ["page HTML", "site CSS, JS, icon", "search code (JS, wasm)", "index metadata", "term postings",
             "filters", "result records", "other"]
    lines = ["| What | localoffer: requests, wire (uncompressed) | Pagefind: requests, wire (uncompressed) |",
             "| --- | --- | --- |"]
    totals = {"localoffer": [0, 0, 0], "pagefind": [0, 0, 0]}
    for name in order:
        if name not in rows:
            continue
        cells = []
        for tool in ("localoffer", "pagefind"):
            count, wire, raw = rows[name].get(tool, [0, 0, 0])
            totals[tool] = [a + b for a, b in zip(totals[tool], (count, wire, raw))]
            cells.append(f"{count}, {kib(wire)} ({kib(raw)})" if count else "—")
        lines.append(f"| {name} | {cells[0]} | {cells[1]} |")
    cells = [f"**{t[0]}, {kib(t[1])} ({kib(t[2])})**" for t in (totals["localoffer"], totals["pagefind"])]
    lines.append(f"| **total** | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def largest_requests(sessions, tool, query, count=8):
    chosen = [s for s in sessions if s["tool"] == tool and s["mode"] == "typed" and s["first"].get("query") == query]
    if not chosen:
        return []
    merged = {}
    for request in chosen[0]["first"]["requests"]:
        entry = merged.setdefault(request["path"], [0, 0, 0])
        entry[0] += 1
        entry[1] += request["wire"]
        entry[2] += request["uncompressed"]
    return sorted(merged.items(), key=lambda item: -item[1][1])[:count]


def query_wires(sessions, queries, mode):
    """(query, mode, localoffer wire bytes, Pagefind wire bytes) for the first query of each session."""
    out = []
    for query in queries:
        wires = []
        for tool in ("localoffer", "pagefind"):
            chosen = [s for s in sessions if s["tool"] == tool and s["mode"] == mode
                      and s["first"].get("query") == query and "error" not in s["first"]]
            wires.append(sum(r["wire"] for r in chosen[0]["first"]["requests"]) if chosen else None)
        if None not in wires and wires[1]:
            out.append((query, mode, wires[0], wires[1]))
    return out


def query_ratios(sessions, queries, mode):
    return [(query, a / b) for query, _, a, b in query_wires(sessions, queries, mode)]


def report(args, facts, command):
    sessions = facts["sessions"]
    ours, theirs = tool_numbers(sessions, "localoffer"), tool_numbers(sessions, "pagefind")
    index, pf = facts["index"], facts["pagefind_index"]
    assemble = facts["build_steps"].get("assemble")
    ratio = ours["typed_wire"] / theirs["typed_wire"] if theirs["typed_wire"] else None
    search_ratio = ours["search_wire"] / theirs["search_wire"] if theirs["search_wire"] else None
    pasted_ratio = ours["pasted_wire"] / theirs["pasted_wire"] if ours["pasted_wire"] and theirs["pasted_wire"] else None

    def pair(a, b, fmt):
        return f"{fmt(a) if a is not None else 'n/a'} | {fmt(b) if b is not None else 'n/a'}"

    lines = [
        f"## Search benchmark: localoffer vs Pagefind {facts['pagefind_version']}",
        "",
        f"`{command}` — {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, run took "
        f"{facts['runtime_seconds'] / 60:.1f} min"
        + (f" including {facts['compile_seconds']:.0f} s of `swift build -c release`" if facts.get("compile_seconds") and not args.reuse_site else "")
        + f" (load average {facts['load_before']:.1f} before the browser runs, "
        f"{facts['load_after']:.1f} after). Queries {', '.join(repr(q) for q in args.queries)}; typed at "
        f"{args.keystroke_ms} ms a key into `#search-q`; fresh headless Chromium per first query "
        f"(new profile, cache disabled); nginx gzip level {args.gzip_level}; bytes from nginx's `$bytes_sent` "
        f"(headers + body as sent), uncompressed = the files' sizes (Pagefind's own files are stored compressed). "
        f"Pagefind page: same shell as ours, searches after a {args.pagefind_debounce_ms} ms typing pause "
        f"(Pagefind UI's default is 300 ms), renders the top {args.pagefind_results} titles.",
        "",
        "| | localoffer | Pagefind |",
        "| --- | --- | --- |",
        f"| Corpus | {facts['indexed_services']:,} services, {facts['documents']:,} documents indexed | "
        f"{facts['pagefind_pages']:,} pages indexed ({facts['pagefind_words']:,} words) |",
        f"| Build time | {facts['build_seconds']:.1f} s whole site incl. index"
        + (f" (index + assembly step {assemble:.1f} s)" if assemble is not None else "")
        + f" | +{facts['pagefind_seconds']:.1f} s indexing the built pages |",
        f"| Index on disk | {kib(index['bytes'])} in {index['files']:,} files | "
        f"{kib(pf['api_bytes'])} in {pf['api_files']:,} files (JS API + index; {kib(pf['bytes'])} with the UI bundles) |",
        f"| First query, typed: bytes on the wire (uncompressed) | "
        + pair(ours, theirs, lambda n: f"{kib(n['typed_wire'])} ({kib(n['typed_uncompressed'])}), {n['typed_requests']:.0f} requests")
        + " |",
        f"| … of which search (not the page's HTML/CSS/site JS) | {kib(ours['search_wire'])} | {kib(theirs['search_wire'])} |",
    ]
    if args.pasted:
        lines.append(f"| First query, pasted in one go: bytes on the wire | "
                     + pair(ours, theirs, lambda n: f"{kib(n['pasted_wire'])} ({kib(n['pasted_uncompressed'])}), {n['pasted_requests']:.0f} requests")
                     + " |")
    lines += [
        f"| Results rendered (median) | {ours['shown']:.0f} links (services, then information pages and glossary, with summaries) | "
        f"{theirs['shown']:.0f} links (top {args.pagefind_results} titles) |",
        f"| Cold: last keystroke → results, typed (median of {ours['typed_count']}) | {ms(ours['cold_typed'])} | {ms(theirs['cold_typed'])} |",
    ]
    if args.pasted:
        lines.append(f"| Cold: query pasted into a fresh page → results (search start → results) | "
                     f"{ms(ours['cold_pasted'])} ({ms(ours['cold_pasted_search'])}) | {ms(theirs['cold_pasted'])} ({ms(theirs['cold_pasted_search'])}) |")
    lines += [
        f"| Warm: last keystroke → results (median of {ours['warm_count']}) | {ms(ours['warm'])} | {ms(theirs['warm'])} |",
        f"| Warm: search start → results (without any typing pause) | {ms(ours['warm_search'])} | {ms(theirs['warm_search'])} |",
        f"| Warm: search start → results, 90th percentile | {ms(ours['warm_search_p90'])} | {ms(theirs['warm_search_p90'])} |",
        f"| Warm query: bytes on the wire (median requests, of which result records) | "
        + pair(ours, theirs, lambda n: f"{kib(n['warm_wire'])} ({n['warm_requests']:.0f}, {n['warm_records']:.0f})") + " |",
        "",
        "Goals:",
        "",
    ]
    per_query = query_ratios(sessions, args.queries, "typed")
    if per_query:
        over = [(query, r) for query, r in per_query if r > 0.5]
        together = sum(a for _, _, a, _ in query_wires(sessions, args.queries, "typed")) / max(
            1, sum(b for _, _, _, b in query_wires(sessions, args.queries, "typed")))
        pasted = query_ratios(sessions, args.queries, "pasted")
        lines.append(
            f"- First-query payload at most half of Pagefind's: {'met' if not over else '**missed**'} — typed, "
            f"{len(per_query) - len(over)} of {len(per_query)} queries within half "
            f"({min(r for _, r in per_query):.0%}–{max(r for _, r in per_query):.0%} of Pagefind's"
            + (f"; over: " + ", ".join(f"{q!r} {r:.0%}" for q, r in over) if over else "") + "); "
            f"all queries together {together:.0%}, medians {ratio:.0%}"
            + (f", search bytes only {search_ratio:.0%}" if search_ratio else "")
            + (f"; pasted {min(r for _, r in pasted):.0%}–{max(r for _, r in pasted):.0%}" if pasted else "") + ".")
    if ours["warm"] is not None:
        met = "met" if ours["warm"] < 50 else "**missed**"
        lines.append(f"- Warm results under 50 ms: {met} from the last keystroke (median {ms(ours['warm'])}, "
                     f"90th percentile of the search itself {ms(ours['warm_search_p90'])}); "
                     + ("met" if (ours["warm_search"] or 1e9) < 50 else "**missed**")
                     + f" from the start of the search (median {ms(ours['warm_search'])}).")
    per_query = ["", "Per first query (typed; wire bytes, last keystroke → results):", "",
                 "| Query | localoffer | Pagefind | ratio |", "| --- | --- | --- | --- |"]
    for query in args.queries:
        cells, wires = [], []
        for tool in ("localoffer", "pagefind"):
            chosen = [s for s in sessions if s["tool"] == tool and s["mode"] == "typed" and s["first"].get("query") == query]
            if chosen and "error" not in chosen[0]["first"]:
                first = chosen[0]["first"]
                wires.append(sum(r['wire'] for r in first['requests']))
                cells.append(f"{kib(sum(r['wire'] for r in first['requests']))}, {len(first['requests'])} requests, "
                             f"{first['keystroke_to_results_ms']:.0f} ms — {first['status']}")
            else:
                cells.append("n/a")
        ratio_cell = f"{wires[0] / wires[1]:.0%}" if len(wires) == 2 and wires[1] else "n/a"
        per_query.append(f"| {query} | {cells[0]} | {cells[1]} | {ratio_cell} |")
    focus = args.queries[0]
    detail = ["", f"Where the bytes go, first query {focus!r} typed:", "", breakdown_table(sessions, focus), ""]
    for tool in ("localoffer", "pagefind"):
        top = largest_requests(sessions, tool, focus)
        if top:
            detail.append(f"Largest {tool} files: " + ", ".join(
                f"`{path}` {kib(wire)}" + (f" ×{count}" if count > 1 else "") for path, (count, wire, _) in top) + ".")
    shares = []
    for s in sessions:
        if s["tool"] == "localoffer" and s["mode"] == "typed" and "error" not in s["first"]:
            requests = s["first"]["requests"]
            records = [r for r in requests if r["category"] == "result records"]
            shares.append((sum(r["wire"] for r in records) / max(1, sum(r["wire"] for r in requests)), len(records)))
    if shares:
        detail += ["", f"Result records are {min(a for a, _ in shares):.0%}–{max(a for a, _ in shares):.0%} of localoffer's "
                   f"first-query bytes ({min(b for _, b in shares)}–{max(b for _, b in shares)} record files fetched, "
                   f"{index['records_files']} exist)."]
    detail += ["", f"localoffer index: manifest {kib(index['manifest_bytes'])}; {index['terms_files']} term shards "
               f"{kib(index['terms_bytes'])} (largest " + ", ".join(f"{name} {kib(size)}" for size, name in index["largest_shards"][:3])
               + f"); {index['facets_files']} facet files {kib(index['facets_bytes'])}; {index['records_files']} record files "
               f"{kib(index['records_bytes'])} (median {kib(index['record_file_median_bytes'])}). "
               f"Pagefind: {pf['index_files']} index chunks {kib(pf['index_bytes'])}, {pf['fragment_files']:,} fragments "
               f"{kib(pf['fragment_bytes'])}."]
    return "\n".join(lines + per_query + detail) + "\n"


# --------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=None, help="synthetic services (default 10000)")
    parser.add_argument("--quick", action="store_true", help="smoke test: 1,000 services, 3 queries, 1 warm query each")
    parser.add_argument("--localoffer", help="a built localoffer binary (default: swift build -c release, .build/release/localoffer)")
    parser.add_argument("--reuse-site", action="store_true",
                        help="keep bench/out/site and its build numbers from the last run with the same --services")
    parser.add_argument("--queries", help="comma-separated queries (default: " + ", ".join(QUERIES) + ")")
    parser.add_argument("--warm", type=int, default=None, help="warm queries after each first query (default 3)")
    parser.add_argument("--no-pasted", dest="pasted", action="store_false",
                        help="skip the sessions that paste each query into a fresh page")
    parser.add_argument("--keystroke-ms", type=int, default=150, help="pause between typed characters (default 150)")
    parser.add_argument("--settle-ms", type=int, default=500, help="quiet time that ends a query (default 500)")
    parser.add_argument("--gzip-level", type=int, default=1, help="nginx gzip_comp_level (default 1, nginx's default)")
    parser.add_argument("--pagefind-results", type=int, default=5, help="results the Pagefind page renders (default 5)")
    parser.add_argument("--pagefind-debounce-ms", type=int, default=300,
                        help="typing pause before the Pagefind page searches (default 300, as Pagefind's UI and "
                             "debouncedSearch; 0 searches on every keystroke)")
    parser.add_argument("--pagefind-glob", default="{services/*,information/*,glossary}/index.html",
                        help="pages Pagefind indexes (default: services, information pages, glossary)")
    parser.add_argument("--csp", default="", help="send this Content-Security-Policy header with every response")
    parser.add_argument("--no-slow", dest="slow", action="store_false",
                        help="skip the cold queries on an emulated slow mobile network")
    parser.add_argument("--slow-only", action="store_true", help="only the cold queries on the slow network")
    parser.add_argument("--slow-latency-ms", type=int, default=150, help="emulated round trip (default 150 ms)")
    parser.add_argument("--slow-kbps", type=int, default=1600, help="emulated download rate (default 1600 kbit/s)")
    args = parser.parse_args()
    command = "python3 bench/search_benchmark.py" + ("" if len(sys.argv) == 1 else " " + " ".join(sys.argv[1:]))
    args.services = args.services or (1000 if args.quick else 10000)
    args.queries = [q.strip() for q in args.queries.split(",")] if args.queries else (QUERIES[:3] if args.quick else QUERIES)
    args.warm = args.warm if args.warm is not None else (1 if args.quick else 3)
    args.warm = min(args.warm, max(len(args.queries) - 1, 0))

    ensure_tools()
    OUT.mkdir(parents=True, exist_ok=True)
    facts_path = OUT / "build.json"
    facts = {}
    previous = json.loads(facts_path.read_text()) if facts_path.exists() else {}
    if args.reuse_site and previous.get("services_generated") == args.services and (OUT / "site" / "pagefind").exists():
        facts = previous
        log(f"reusing bench/out/site ({args.services} services) and its build numbers")
    else:
        binary = localoffer_binary(args, facts)
        build_site(args, binary, facts)
        run_pagefind(args, facts)
        facts_path.write_text(json.dumps(facts, indent=1))
    write_pagefind_page(args)

    nginx = Nginx(OUT / "site", args.gzip_level, args.csp)
    facts["load_before"] = os.getloadavg()[0]
    try:
        if not args.slow_only:
            browse(args, nginx, facts)
        if args.slow:
            browse_slow(args, nginx, facts)
    finally:
        nginx.stop()
    facts["load_after"] = os.getloadavg()[0]
    facts["runtime_seconds"] = time.time() - STARTED
    text = report(args, facts, command) if not args.slow_only else ""
    text += "\n".join(slow_report(args, facts)) + "\n"
    (OUT / "results.md").write_text(text)
    (OUT / "results.json").write_text(json.dumps({"args": vars(args), **facts}, indent=1))
    print()
    print(text)
    log("wrote bench/out/results.md and bench/out/results.json")


if __name__ == "__main__":
    main()
