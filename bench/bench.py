#!/usr/bin/env python3
"""`make bench`: localoffer against Hugo and Pagefind on the same generated Local Offer.

For each size (1,000, 10,000 and 100,000 services by default) it generates a deterministic
synthetic Local Offer in the project's schema (bench/generate_synthetic_site.py: realistic bodies
with headings, lists, tables and links), then times, each `--runs` times (median, min and max):

- `localoffer build` into an empty folder (a clean build, with no spare beside it), and its peak memory;
- `localoffer check` alone;
- `localoffer build` again after one service was edited (a rebuild of the previous site), after one
  untimed rebuild: from then on the site before is there as the spare, as on a site rebuilt again
  and again;
- `hugo --minify` on the very same Markdown files with minimal equivalent layouts (bench/hugo/);
- `pagefind` over Hugo's output.

Then it times `localoffer serve` from a save to the reload (`--serve-sizes`, default the demo, 1,000
and 10,000 services): a browser's event stream is open, one service's summary is saved, then its
title (which moves it in every list), then its topic, then a new service is saved and deleted, and the times to the
`reload` event and to the changed page fetched are measured, `--serve-runs` times each.

Peak memory is /usr/bin/time's maximum resident set size. It prints one table and writes it, with
the machine and the versions, to bench/RESULTS.md. It installs what is missing: Hugo and GNU time
from Debian, Pagefind from PyPI into .venv.

    python3 bench/bench.py                      # 1,000, 10,000 and 100,000 services, 3 runs each
    python3 bench/bench.py --sizes 1000 --runs 1   # a quick look
    python3 bench/bench.py --serve-only            # only save to reload (demo, 1,000, 10,000): about 10 minutes
"""
import argparse
import datetime
import http.client
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "build"
VENV = ROOT / ".venv"
TODAY = "2026-11-23"


def log(message):
    print(f"[bench] {message}", flush=True)


def run(command, **kwargs):
    return subprocess.run([str(part) for part in command], check=True, **kwargs)


def have_package(name):
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
    return "install ok installed" in result.stdout


def ensure_tools():
    missing = [package for package, tool in (("hugo", "hugo"), ("time", "/usr/bin/time")) if not shutil.which(tool)]
    if missing:
        run([ROOT / "scripts" / "install-build-deps.sh", *missing])
    if not (VENV / "bin" / "python").exists():
        run([sys.executable, "-m", "venv", VENV])
    probe = subprocess.run([VENV / "bin" / "python", "-c", "import pagefind_bin"], capture_output=True)
    if probe.returncode != 0:
        run([VENV / "bin" / "pip", "install", "-q", "--disable-pip-version-check", "pagefind[bin]"])
    out = subprocess.run([VENV / "bin" / "python", "-c", "import pagefind_bin; print(pagefind_bin.get_executable())"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def timed(command, cwd=None, prepare=None):
    """Wall time in seconds and peak memory in KiB of one run of `command`."""
    if prepare:
        prepare()
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *[str(part) for part in command]], cwd=cwd,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-2000:] + result.stderr[-4000:])
        raise SystemExit(f"failed: {' '.join(str(part) for part in command)}")
    peak = int(result.stderr.strip().splitlines()[-1])
    return seconds, peak


def series(runs, command, cwd=None, prepare=None):
    measurements = [timed(command, cwd, prepare) for _ in range(runs)]
    times = sorted(seconds for seconds, _ in measurements)
    return {"median": statistics.median(times), "min": times[0], "max": times[-1],
            "peak": max(peak for _, peak in measurements)}


def remove(path):
    shutil.rmtree(path, ignore_errors=True)


def prepare_hugo(content, site):
    """A Hugo site over the same Markdown: the layouts from bench/hugo and the content folders."""
    remove(site)
    shutil.copytree(ROOT / "bench" / "hugo", site)
    (site / "content").mkdir()
    for folder in ("services", "organisations", "pages"):
        # Hard links: the very same files, copied in no time.
        run(["cp", "-al", content / folder, site / "content" / folder])


def edit_one_service(content, run_number):
    path = content / "services" / "synthetic-service-00042.md"
    text = path.read_text()
    text = re.sub(r"^summary: .*$", f"summary: Edited for rebuild {run_number}, a service for families of children with SEND.",
                  text, count=1, flags=re.MULTILINE)
    path.write_text(text)


def measure(size, runs, localoffer, pagefind):
    folder = OUT / str(size)
    content = folder / "content"
    log(f"{size:,} services: generating")
    run([sys.executable, ROOT / "bench" / "generate_synthetic_site.py", size, content], stdout=subprocess.DEVNULL)
    services = sum(1 for _ in (content / "services").glob("*.md"))
    public = folder / "public"
    build = [localoffer, "build", "--content", content, "--templates", ROOT / "templates", "--output", public, "--today", TODAY]
    row = {"size": size, "services": services}

    spare = folder / ".public.spare"
    log(f"{size:,} services: localoffer build (clean)")
    # Clean: no previous site, and no spare (the site before, which a build brings up to date in place).
    row["build"] = series(runs, build, prepare=lambda: (remove(public), remove(spare)))
    log(f"{size:,} services: localoffer check")
    row["check"] = series(runs, [localoffer, "check", "--content", content, "--today", TODAY])
    log(f"{size:,} services: localoffer rebuild after one edit")
    counter = iter(range(1, 1000))
    # One untimed rebuild first: from the second build on there is a spare, as on any site rebuilt
    # again and again; the first rebuild after a clean build links every unchanged file instead.
    edit_one_service(content, next(counter))
    timed(build, None, None)
    row["rebuild"] = series(runs, build, prepare=lambda: edit_one_service(content, next(counter)))

    hugo_site = folder / "hugo"
    prepare_hugo(content, hugo_site)
    log(f"{size:,} services: hugo --minify")
    row["hugo"] = series(runs, ["hugo", "--minify", "--quiet", "--source", hugo_site],
                         prepare=lambda: remove(hugo_site / "public"))
    log(f"{size:,} services: pagefind over Hugo's output")
    row["pagefind"] = series(runs, [pagefind, "--site", hugo_site / "public", "--silent"],
                             prepare=lambda: remove(hugo_site / "public" / "pagefind"))
    pages = sum(1 for _ in public.rglob("index.html"))
    hugo_pages = sum(1 for _ in (hugo_site / "public").rglob("index.html"))
    row["pages"], row["hugo_pages"] = pages, hugo_pages
    if size >= 100_000:
        remove(hugo_site)
    return row


class ReloadEvents(threading.Thread):
    """A browser's EventSource on `serve`'s /__localoffer/events: the time each `reload` arrives."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.reloads = []
        self.ready = threading.Event()
        self.arrived = threading.Condition()

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        connection.request("GET", "/__localoffer/events")
        response = connection.getresponse()
        while True:
            line = response.fp.readline()
            if not line:
                return
            text = line.decode().strip()
            if text == "event: ready":
                self.ready.set()
            elif text == "event: reload":
                with self.arrived:
                    self.reloads.append(time.perf_counter())
                    self.arrived.notify_all()

    def wait_after(self, start, seconds=60):
        deadline = time.perf_counter() + seconds
        with self.arrived:
            while not any(moment >= start for moment in self.reloads):
                if not self.arrived.wait(timeout=deadline - time.perf_counter()):
                    raise SystemExit("serve sent no reload event")
            return next(moment for moment in self.reloads if moment >= start)


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, body


def cpu_ticks(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def wait_until_idle(pid, quiet=1.0, limit=300):
    """Until the process used no CPU for `quiet` seconds: the search index and the planning of every
    file, which `serve` does in the background after each save, are done."""
    deadline = time.time() + limit
    last = cpu_ticks(pid)
    still_since = time.time()
    while time.time() < deadline:
        time.sleep(0.1)
        now = cpu_ticks(pid)
        if now != last:
            last, still_since = now, time.time()
        elif time.time() - still_since >= quiet:
            return


# What an editor changes in one service's file: its summary (read by its own page and the search
# index), its title (read by every list the service is in, in title order: each save moves it from
# one end of the A to Z to the other), and its topic (which lists it is in). Then a new service's
# file is saved, and deleted.
SERVE_EDITS = ("summary", "title", "topic")
ADDED_SERVICE = "preview-benchmark-new-service"


def edited(text, edit, run_number):
    """The file's text with one edit made, and a string the page served afterwards must hold."""
    if edit == "topic":
        # From one topic to another and back: the service leaves one topic's lists and joins another's.
        topic = ("education", "Education") if run_number % 2 == 0 else ("health", "Health")
        return re.sub(r"^categories: .*$", f"categories: [{topic[0]}]", text, count=1, flags=re.MULTILINE), topic[1]
    if edit == "summary":
        value = f"Edited for the preview benchmark, save {run_number}, a service for families."
    else:
        value = f"{'Aardvark' if run_number % 2 == 0 else 'Zebra'} club for the preview benchmark, save {run_number}"
    return re.sub(rf"^{edit}: .*$", f"{edit}: {value}", text, count=1, flags=re.MULTILINE), value


def new_service(text, run_number):
    """Another service like `text`, reviewed lately (a review falling due would be a warning in it),
    with a title of its own: what an editor adds, and the title its page must show."""
    title = f"{'Aardvark' if run_number % 2 == 0 else 'Zebra'} new service for the preview benchmark {run_number}"
    text = re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.MULTILINE)
    reviewed = datetime.date.fromisoformat(TODAY) - datetime.timedelta(days=30)
    return re.sub(r"^last_reviewed: .*$", f"last_reviewed: {reviewed.isoformat()}", text, count=1, flags=re.MULTILINE), title


def measure_serve(label, content, runs, localoffer, service):
    """For each kind of edit, save one service's file, then time until the open page's `reload` event
    arrives, and until the changed page has been fetched, as a browser does on reload. Each save waits
    for the background work of the previous one, as an editor's saves are seconds apart."""
    (content / "services" / f"{ADDED_SERVICE}.md").unlink(missing_ok=True)  # left by an interrupted run
    process = subprocess.Popen(
        [str(localoffer), "serve", "--content", str(content), "--templates", str(ROOT / "templates"), "--port", "0",
         "--today", TODAY], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port, lines = None, []
        while port is None:
            line = process.stdout.readline()
            if not line:
                raise SystemExit("serve stopped:\n" + "".join(lines))
            lines.append(line)
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            port = int(match.group(1)) if match else None
        threading.Thread(target=lambda: [None for _ in iter(process.stdout.readline, "")], daemon=True).start()
        path = content / "services" / f"{service}.md"
        url = f"/services/{service}/"
        events = ReloadEvents(port)
        events.start()
        if not events.ready.wait(10):
            raise SystemExit("the event stream did not open")
        rows = []
        for edit in SERVE_EDITS:
            reloads, pages = [], []
            for run_number in range(runs + 1):
                wait_until_idle(process.pid)
                status, _ = fetch(port, url)
                assert status == 200, status
                text, expected = edited(path.read_text(), edit, run_number)
                start = time.perf_counter()
                path.write_text(text)
                arrived = events.wait_after(start)
                status, body = fetch(port, url)
                fetched = time.perf_counter()
                if status != 200 or expected not in body:
                    raise SystemExit(f"the page served after the reload is not the saved one (status {status})")
                if run_number > 0:  # the first save warms the caches up
                    reloads.append(arrived - start)
                    pages.append(fetched - start)
            rows.append(serve_row(label, content, edit, reloads, pages, runs))
        # A new service saved, then deleted: its page is served, then is not found.
        added = content / "services" / f"{ADDED_SERVICE}.md"
        added_url = f"/services/{ADDED_SERVICE}/"
        timings = {"new service": ([], []), "service deleted": ([], [])}
        for run_number in range(runs + 1):
            for edit in timings:
                wait_until_idle(process.pid)
                status, _ = fetch(port, url)
                assert status == 200, status
                text, title = new_service(path.read_text(), run_number)
                start = time.perf_counter()
                if edit == "new service":
                    added.write_text(text)
                else:
                    added.unlink()
                arrived = events.wait_after(start)
                status, body = fetch(port, added_url)
                fetched = time.perf_counter()
                expected = (200, True) if edit == "new service" else (404, True)
                if (status, edit != "new service" or title in body) != expected:
                    raise SystemExit(f"after the reload, {added_url} is not as saved ({edit}: status {status})")
                if run_number > 0:
                    timings[edit][0].append(arrived - start)
                    timings[edit][1].append(fetched - start)
        for edit, (reloads, pages) in timings.items():
            rows.append(serve_row(label, content, edit, reloads, pages, runs))
        return rows
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def serve_row(label, content, edit, reloads, pages, runs):
    log(f"{label}, {edit}: reload {statistics.median(reloads) * 1000:.0f} ms, "
        f"page {statistics.median(pages) * 1000:.0f} ms (medians of {runs})")
    return {"label": label, "edit": edit, "services": sum(1 for _ in (content / "services").glob("*.md")),
            "reload": reloads, "page": pages}


def milliseconds(values):
    values = sorted(values)
    return f"{statistics.median(values) * 1000:.0f} ms ({values[0] * 1000:.0f}–{values[-1] * 1000:.0f})"


def serve_rows(sizes, runs, localoffer):
    rows = []
    for size in sizes:
        if size == "demo":
            folder = OUT / "serve-demo"
            remove(folder)
            shutil.copytree(ROOT / "content", folder / "content")
            rows += measure_serve("demo", folder / "content", runs, localoffer, "portage")
        else:
            content = OUT / f"serve-{size}" / "content"
            log(f"{int(size):,} services: generating")
            run([sys.executable, ROOT / "bench" / "generate_synthetic_site.py", size, content], stdout=subprocess.DEVNULL)
            rows += measure_serve(f"{int(size):,} services", content, runs, localoffer, "synthetic-service-00042")
    return rows


def serve_table(rows, runs):
    lines = [
        "| Site | Services | Edit | save → `reload` event | save → changed page fetched |",
        "| --- | ---: | --- | --- | --- |",
    ]
    for row in rows:
        lines.append(f"| {row['label']} | {row['services']:,} | {row['edit']} | {milliseconds(row['reload'])} | "
                     f"{milliseconds(row['page'])} |")
    return "\n".join(lines) + (f"\n\nMedian (min–max) of {runs} saves of each kind, after one to warm up: one service's "
                               "summary, its title (each new title sorts it to the other end of the A to Z) and its topic, then a new "
                               "service's file (reviewed a month ago, titled to sort at one end or the other) and its deletion; "
                               "\"changed page\" is the new service's page, then its address answering 404.")


SERVE_HEADING = "## Preview: save to reload (`localoffer serve`)"


def seconds(value):
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def cell(measurement, memory=False):
    text = f"{seconds(measurement['median'])} ({seconds(measurement['min'])}–{seconds(measurement['max'])})"
    if memory:
        text += f", {measurement['peak'] / 1024:,.0f} MiB"
    return text


def machine():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores ({cpu}), {memory} memory, {platform.system()} {platform.release()}"


def version(command):
    try:
        return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def report(rows, runs, pagefind, started, load_before):
    lines = [
        "| Services | localoffer build (clean), peak memory | `check` alone | rebuild after one edit | `hugo --minify` | Pagefind over Hugo's pages | build ÷ Hugo | build ÷ (Hugo + Pagefind) | rebuild ÷ build |",
        "| ---: | --- | --- | --- | --- | --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        build, hugo, pagefind_time = row["build"]["median"], row["hugo"]["median"], row["pagefind"]["median"]
        lines.append(
            f"| {row['services']:,} | {cell(row['build'], memory=True)} | {cell(row['check'])} | {cell(row['rebuild'])} | "
            f"{cell(row['hugo'], memory=True)} | {cell(row['pagefind'])} | {build / hugo:.2f} | {build / (hugo + pagefind_time):.2f} | "
            f"{row['rebuild']['median'] / build:.2f} |"
        )
    table = "\n".join(lines)
    goals = []
    for row in rows:
        build, hugo, pagefind_time = row["build"]["median"], row["hugo"]["median"], row["pagefind"]["median"]
        if row["size"] == 10_000:
            goals.append(f"- 10,000 services, full build ≤ 1.0 × Hugo: {build / hugo:.2f} × ({'met' if build <= hugo else 'missed'})")
            goals.append(f"- 10,000 services, full build ≤ 0.5 × (Hugo + Pagefind): {build / (hugo + pagefind_time):.2f} × "
                         f"({'met' if build <= 0.5 * (hugo + pagefind_time) else 'missed'})")
            goals.append(f"- `check` of 10,000 services under 1 s: {seconds(row['check']['median'])} "
                         f"({'met' if row['check']['median'] < 1 else 'missed'})")
            ratio = row["rebuild"]["median"] / build
            goals.append(f"- rebuild after one edit ≤ 0.2 × the full build: {ratio:.2f} × ({'met' if ratio <= 0.2 else 'missed'})")
        if row["size"] == 100_000:
            peak = row["build"]["peak"] / 1024 / 1024
            goals.append(f"- 100,000 services under 60 s and 2 GiB: {seconds(build)}, {peak:.2f} GiB "
                         f"({'met' if build < 60 and peak < 2 else 'missed'})")
    details = [
        f"Run of {started:%d %B %Y %H:%M} UTC, {runs} runs each (median, then min–max), commit {version(['git', '-C', str(ROOT), 'rev-parse', '--short', 'HEAD'])}.",
        f"Machine: {machine()}; load average {load_before} before the run, {', '.join(f'{x:.2f}' for x in os.getloadavg())} after.",
        f"Versions: {version(['swift', '--version'])}; {version(['hugo', 'version'])}; Pagefind {version([pagefind, '--version'])}.",
        "Pages written: " + "; ".join(f"{row['services']:,} services → localoffer {row['pages']:,} pages, Hugo {row['hugo_pages']:,}" for row in rows) + ".",
    ]
    return table, goals, details


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--localoffer", help="a built localoffer binary (default: swift build -c release)")
    parser.add_argument("--results", default=str(ROOT / "bench" / "RESULTS.md"))
    parser.add_argument("--serve-only", action="store_true",
                        help="only time `serve` from a save to the reload (sizes from --serve-sizes); keeps the build table")
    parser.add_argument("--serve-sizes", default="demo,1000,10000",
                        help="sites for the save-to-reload rows: 'demo' (content/) and numbers of generated services")
    parser.add_argument("--serve-runs", type=int, default=9)
    arguments = parser.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    localoffer = arguments.localoffer
    if not localoffer:
        log("swift build -c release")
        run(["swift", "build", "-c", "release", "--product", "localoffer"], cwd=ROOT)
        localoffer = ROOT / ".build" / "release" / "localoffer"
    results = Path(arguments.results)
    if arguments.serve_only:
        text = results.read_text() if results.exists() else "# Build benchmark: localoffer, Hugo and Pagefind\n\n"
    else:
        pagefind = ensure_tools()
        rows = [measure(int(size), arguments.runs, localoffer, pagefind) for size in arguments.sizes.split(",")]
        table, goals, details = report(rows, arguments.runs, pagefind, started, load_before)
        text = "# Build benchmark: localoffer, Hugo and Pagefind\n\nMade by `make bench` (`python3 bench/bench.py`).\n\n" + table + "\n\n"
        if goals:
            text += "Goals:\n\n" + "\n".join(goals) + "\n\n"
        text += "\n".join(details) + "\n"
        print("\n" + table + "\n\n" + "\n".join(goals) + "\n\n" + "\n".join(details))
    serve = serve_rows(arguments.serve_sizes.split(","), arguments.serve_runs, localoffer)
    serve_text = (
        f"{SERVE_HEADING}\n\nMade by `python3 bench/bench.py --serve-only` (or with the rest by `make bench`): a browser's "
        "event stream is open on `serve`; a service file is saved (its summary, its title, its topic), then a new service's file "
        "is saved and deleted; times from the write to the `reload` event, and to the changed page fetched.\n\n" + serve_table(serve, arguments.serve_runs) + "\n\n"
        f"Run of {started:%d %B %Y %H:%M} UTC, commit {version(['git', '-C', str(ROOT), 'rev-parse', '--short', 'HEAD'])}; "
        f"machine: {machine()}; load average {load_before} before, {', '.join(f'{x:.2f}' for x in os.getloadavg())} after.\n"
    )
    # The preview's section replaces the one from an earlier run; the build table stays.
    text = text.split(SERVE_HEADING)[0].rstrip() + "\n\n" + serve_text
    results.write_text(text)
    print("\n" + serve_text)


if __name__ == "__main__":
    main()
