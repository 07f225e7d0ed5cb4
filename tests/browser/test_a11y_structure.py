"""Structure of EVERY HTML page of the built site, read with Python's html.parser (no browser):
one <h1>, <html lang>, a unique <title>, landmarks, the skip link first, no skipped heading levels.

Each test checks all pages and lists every page that fails, so one run shows the whole picture.
"""
import collections
import re

import pytest

from a11y_pages import PageStructure, html_pages, page_address

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@pytest.fixture(scope="module")
def pages(site):
    parsed = {page_address(site, f): PageStructure(f.read_text(encoding="utf-8")) for f in html_pages(site)}
    assert parsed, f"no HTML pages in {site}"
    return parsed


def _report(problems, what):
    return f"{len(problems)} page(s) {what}:\n" + "\n".join(f"- {p}" for p in problems[:60]) + (
        f"\n... and {len(problems) - 60} more" if len(problems) > 60 else "")


def test_every_page_has_exactly_one_h1(pages):
    problems = [f"{address}: {len(page.all('h1'))} <h1> ({'; '.join(t for lvl, t in page.headings if lvl == 1)})"
                for address, page in pages.items() if len(page.all("h1")) != 1]
    if problems:
        pytest.fail(_report(problems, "without exactly one <h1>"), pytrace=False)


def test_every_page_has_a_language(pages):
    problems = [f"{address}: <html lang={page.lang()!r}>" for address, page in pages.items()
                if not LANGUAGE_TAG.match(page.lang())]
    if problems:
        pytest.fail(_report(problems, "without a valid <html lang>"), pytrace=False)


def test_every_page_has_a_title_unique_across_the_site(pages):
    empty = [f"{address}: empty <title>" for address, page in pages.items() if not page.title.strip()]
    if empty:
        pytest.fail(_report(empty, "without a title"), pytrace=False)
    by_title = collections.defaultdict(list)
    for address, page in pages.items():
        by_title[" ".join(page.title.split())].append(address)
    duplicates = [f"{title!r} is the title of {', '.join(addresses)}"
                  for title, addresses in sorted(by_title.items()) if len(addresses) > 1]
    if duplicates:
        pytest.fail(_report(duplicates, "share a title (WCAG 2.4.2: titles should tell pages apart)"),
                    pytrace=False)


def _landmark_problems(page):
    problems = []
    if not page.top_level("header"):
        problems.append("no <header> (banner) outside sectioning elements")
    mains = [m for m in page.all("main") if "hidden" not in m.attrs]
    if len(mains) != 1:
        problems.append(f"{len(mains)} <main> elements, not 1")
    if not page.top_level("footer"):
        problems.append("no <footer> (contentinfo) outside sectioning elements")
    # Navigation must be in <nav>: the header's links beyond the site name, breadcrumbs, pagination.
    header_links = [e for e in page.elements
                    if e.tag == "a" and "href" in e.attrs and "header" in e.ancestors]
    if len(header_links) > 1 and not any("nav" in e.ancestors for e in header_links):
        problems.append(f"{len(header_links)} links in <header> but no <nav> around the navigation")
    for e in page.elements:
        classes = e.attrs.get("class", "")
        if re.search(r"breadcrumb|pagination", classes) and e.tag != "nav" and "nav" not in e.ancestors \
                and not any(re.search(r"breadcrumb|pagination", c) for c in e.ancestors):
            problems.append(f"<{e.tag} class=\"{classes}\"> is navigation outside a <nav>")
    navs = page.all("nav")
    if len(navs) > 1:
        names = [n.attrs.get("aria-label") or n.attrs.get("aria-labelledby") for n in navs]
        if None in names or "" in names or len(set(names)) != len(names):
            problems.append(f"{len(navs)} <nav> elements need distinct aria-label(ledby)s, have {names}")
    return problems


def test_every_page_has_landmarks(pages):
    problems = [f"{address}: {problem}" for address, page in pages.items() for problem in _landmark_problems(page)]
    if problems:
        pytest.fail(_report(problems, "with missing or unclear landmarks"), pytrace=False)


def test_skip_link_to_main_content_is_the_first_focusable_element(pages):
    problems = []
    for address, page in pages.items():
        focusable = page.focusable()
        first = focusable[0] if focusable else None
        if first is None or first.tag != "a" or first.attrs.get("href") != "#main-content":
            shown = f"<{first.tag} {first.attrs}>" if first is not None else "nothing"
            problems.append(f"{address}: the first focusable element is {shown}")
        elif "main-content" not in page.ids():
            problems.append(f"{address}: the skip link points to #main-content, which is not on the page")
    if problems:
        pytest.fail(_report(problems, "without a skip link first"), pytrace=False)


def test_heading_levels_are_not_skipped(pages):
    problems = []
    for address, page in pages.items():
        previous = 0
        for level, text in page.headings:
            if level > previous + 1:
                before = f"h{previous}" if previous else "the start of the page"
                problems.append(f"{address}: <h{level}> {text!r} follows {before}")
            previous = level
    if problems:
        pytest.fail(_report(problems, "skip a heading level (WCAG 1.3.1)"), pytrace=False)


def test_every_page_has_a_mobile_viewport_that_allows_zoom(pages):
    problems = []
    for address, page in pages.items():
        metas = [m.attrs.get("content", "") for m in page.all("meta") if m.attrs.get("name") == "viewport"]
        content = metas[0].replace(" ", "").lower() if metas else ""
        if "width=device-width" not in content:
            problems.append(f"{address}: no <meta name=viewport content=\"width=device-width, ...\">")
        maximum = re.search(r"maximum-scale=([\d.]+)", content)
        if "user-scalable=no" in content or "user-scalable=0" in content or (maximum and float(maximum[1]) < 2):
            problems.append(f"{address}: the viewport stops people zooming ({content})")
    if problems:
        pytest.fail(_report(problems, "without a zoomable mobile viewport"), pytrace=False)


def test_every_image_has_a_text_alternative(pages):
    problems = [f"{address}: <img src={img.attrs.get('src')!r}> has no alt"
                for address, page in pages.items() for img in page.all("img") if "alt" not in img.attrs]
    if problems:
        pytest.fail(_report(problems, "with images without alt"), pytrace=False)
