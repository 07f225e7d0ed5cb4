#!/usr/bin/env python3
"""`make bench`: localoffer against Hugo and Pagefind on the same generated Local Offer.

For each size (1,000, 10,000 and 100,000 services by default) it generates a deterministic
synthetic Local Offer in the project's schema (bench/generate_synthetic_site.py: realistic bodies
with headings, lists, tables and links), then times, each `--runs` times (median, min and max):

- `localoffer build` into an empty folder (a clean build), and its peak memory;
- `localoffer check` alone;
- `localoffer build` again after one service was edited (a rebuild of the previous site);
- `hugo --minify` on the very same Markdown files with minimal equivalent layouts (bench/hugo/);
- `pagefind` over Hugo's output.

Peak memory is /usr/bin/time's maximum resident set size. It prints one table and writes it, with
the machine and the versions, to bench/RESULTS.md. It installs what is missing: Hugo and GNU time
from Debian, Pagefind from PyPI into .venv.

    python3 bench/bench.py                      # 1,000, 10,000 and 100,000 services, 3 runs each
    python3 bench/bench.py --sizes 1000 --runs 1   # a quick look
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
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

    log(f"{size:,} services: localoffer build (clean)")
    row["build"] = series(runs, build, prepare=lambda: remove(public))
    log(f"{size:,} services: localoffer check")
    row["check"] = series(runs, [localoffer, "check", "--content", content, "--today", TODAY])
    log(f"{size:,} services: localoffer rebuild after one edit")
    counter = iter(range(1, 1000))
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
    arguments = parser.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    pagefind = ensure_tools()
    localoffer = arguments.localoffer
    if not localoffer:
        log("swift build -c release")
        run(["swift", "build", "-c", "release", "--product", "localoffer"], cwd=ROOT)
        localoffer = ROOT / ".build" / "release" / "localoffer"
    rows = [measure(int(size), arguments.runs, localoffer, pagefind) for size in arguments.sizes.split(",")]
    table, goals, details = report(rows, arguments.runs, pagefind, started, load_before)
    text = "# Build benchmark: localoffer, Hugo and Pagefind\n\nMade by `make bench` (`python3 bench/bench.py`).\n\n" + table + "\n\n"
    if goals:
        text += "Goals:\n\n" + "\n".join(goals) + "\n\n"
    text += "\n".join(details) + "\n"
    Path(arguments.results).write_text(text)
    print("\n" + table + "\n\n" + "\n".join(goals) + "\n\n" + "\n".join(details))


if __name__ == "__main__":
    main()
