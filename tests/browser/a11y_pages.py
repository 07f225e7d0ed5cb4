"""What to test in a built site: one page of each page type, found from the files (no slugs hard-coded),
and a parser for the structure of every HTML page.

Page types that the theme does not build yet (search, browse, my list) are listed too, with the reason
they are skipped, so they are tested as soon as they appear.
"""
from __future__ import annotations

import dataclasses
import html.parser
import os
import pathlib
import re

SITE = pathlib.Path(os.environ.get("LOCALOFFER_TEST_SITE", ".build/test-site"))
MISSING_PATH = "/this-page-does-not-exist-localoffer-test/"
SEARCH_QUERY = "speech"

# Pages whose content is drawn by JavaScript after load: the audit waits until this is true.
SEARCH_READY = ("Boolean(document.querySelector('[data-search-status]')?.textContent.trim()"
                " || document.querySelector('[data-search-results]')?.children.length)")
MY_LIST_READY = "Boolean(document.querySelector('[data-my-list] li'))"


@dataclasses.dataclass(frozen=True)
class PageType:
    id: str                      # test id and screenshot name, e.g. "service"
    path: str                    # the address on the server, e.g. "/services/portage/"
    skip: str | None = None      # why this page type cannot be tested in this build
    expect_status: int = 200
    ready: str | None = None     # JavaScript expression, true once scripts have drawn the content


def _first_page_under(site: pathlib.Path, folder: str, depth: int = 1) -> str | None:
    """The address of the first (sorted) page `depth` folders below `folder`, e.g. services/<slug>/."""
    base = site / folder
    if not base.is_dir():
        return None
    pattern = "/".join(["*"] * depth) + "/index.html"
    pages = sorted(p.parent.relative_to(site).as_posix() for p in base.glob(pattern))
    return f"/{pages[0]}/" if pages else None


def _folder_page(site: pathlib.Path, folder: str) -> str | None:
    return f"/{folder}/" if (site / folder / "index.html").is_file() else None


def discover(site: pathlib.Path = SITE) -> list[PageType]:
    """One PageType per kind of page, in a stable order. A missing kind carries `skip`."""
    built = (site / "index.html").is_file()
    browse_list = _first_page_under(site, "browse", 2) or _first_page_under(site, "browse", 1)
    search = _folder_page(site, "search")
    my_list = _folder_page(site, "my-list")
    services = sorted(p.parent.name for p in (site / "services").glob("*/index.html"))[:2]
    found = [
        ("home", "/" if built else None, "the home page"),
        ("service", _first_page_under(site, "services"), "a service page (services/<slug>/)"),
        ("organisation", _first_page_under(site, "organisations"), "an organisation page (organisations/<slug>/)"),
        ("category", _first_page_under(site, "categories"), "a category page (categories/<slug>/)"),
        ("services-a-z", _folder_page(site, "services"), "the A to Z of services (/services/)"),
        ("organisations", _folder_page(site, "organisations"), "the list of organisations (/organisations/)"),
        ("information", _folder_page(site, "information"), "the information index (/information/)"),
        ("information-page", _first_page_under(site, "information"), "an information page (information/<slug>/)"),
        ("glossary", _folder_page(site, "glossary"), "the jargon buster (/glossary/)"),
        ("not-found", "/404.html" if (site / "404.html").is_file() else None, "the not-found page (/404.html)"),
        ("missing-url", MISSING_PATH if (site / "404.html").is_file() else None,
         "a missing address answered with 404.html"),
        ("search", search, "the search page (/search/)"),
        ("search-results", f"{search}?q={SEARCH_QUERY}" if search else None,
         f"search results drawn by JavaScript (/search/?q={SEARCH_QUERY})"),
        ("browse", _folder_page(site, "browse"), "the browse page (/browse/)"),
        ("browse-list", browse_list, "a browse list (browse/<facet>/<value>/)"),
        ("my-list", my_list, "my list (/my-list/)"),
        ("report", _folder_page(site, "reports"), "the commissioners' report (/reports/)"),
        ("start-question", _folder_page(site, "start"), "the guided start's first question (/start/)"),
        ("start-results", _first_page_under(site, "start", 3), "a guided start results page (start/age-N/need-X/plan-Y/)"),
        ("my-list-shared", f"{my_list}?services={','.join(services)}" if my_list and services else None,
         "a shared list of two services drawn by JavaScript (/my-list/?services=a,b)"),
    ]
    ready = {"search-results": SEARCH_READY, "my-list-shared": MY_LIST_READY}
    pages = []
    for page_id, path, what in found:
        if path is None:
            # Without any built site, nothing is skipped: the tests fail and say how to build it.
            reason = f"{what} is not in the built site {site} (page type not built yet)" if built else None
            pages.append(PageType(page_id, "/", skip=reason))
        else:
            pages.append(PageType(page_id, path,
                                  expect_status=404 if page_id == "missing-url" else 200,
                                  ready=ready.get(page_id)))
    return pages


def html_pages(site: pathlib.Path = SITE) -> list[pathlib.Path]:
    """Every HTML page; openreferral/ is the Open Referral feed, JSON in index.html files."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("openreferral/"))


def page_address(site: pathlib.Path, file: pathlib.Path) -> str:
    rel = file.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


# ---------------------------------------------------------------------------------------------------
# Structure of one HTML page, without a browser.

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
SECTIONING = {"article", "aside", "main", "nav", "section"}
HEADING = re.compile(r"^h([1-6])$")


@dataclasses.dataclass
class Element:
    tag: str
    attrs: dict
    ancestors: tuple  # tag names, outermost first


class PageStructure(html.parser.HTMLParser):
    """Everything the structure tests need from one page, collected in one pass."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.elements: list[Element] = []
        self.headings: list[tuple[int, str]] = []
        self.title = ""
        self._title_depth = 0
        self._heading: list | None = None
        self.feed(text)
        self.close()

    # Tolerant nesting: an end tag closes up to its matching start tag; stray end tags are ignored.
    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, tuple(self.stack))
        self.elements.append(element)
        if tag == "title":
            self._title_depth += 1
        if HEADING.match(tag):
            self._heading = [int(tag[1]), ""]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, {k: (v if v is not None else "") for k, v in attrs}, tuple(self.stack)))

    def handle_endtag(self, tag):
        if tag == "title":
            self._title_depth = max(0, self._title_depth - 1)
        if HEADING.match(tag) and self._heading is not None:
            self.headings.append((self._heading[0], " ".join(self._heading[1].split())))
            self._heading = None
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self._title_depth:
            self.title += data
        if self._heading is not None:
            self._heading[1] += data

    # Queries -----------------------------------------------------------------------------------
    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def lang(self) -> str:
        html = self.all("html")
        return html[0].attrs.get("lang", "").strip() if html else ""

    def top_level(self, tag: str) -> list[Element]:
        """`tag` elements not inside sectioning content: <header> = banner, <footer> = contentinfo."""
        return [e for e in self.all(tag) if not SECTIONING.intersection(e.ancestors)]

    def focusable(self) -> list[Element]:
        """Elements in the sequential focus order, in document order (positive tabindex aside)."""
        out = []
        for e in self.elements:
            a = e.attrs
            if "disabled" in a or "hidden" in a or "inert" in a:
                continue
            tabindex = a.get("tabindex")
            if tabindex is not None:
                try:
                    if int(tabindex) < 0:
                        continue
                except ValueError:
                    pass
                else:
                    out.append(e)
                    continue
            if (e.tag in ("a", "area") and "href" in a) \
                    or (e.tag == "input" and a.get("type", "").lower() != "hidden") \
                    or e.tag in ("button", "select", "textarea", "iframe") \
                    or (e.tag == "summary" and e.ancestors and e.ancestors[-1] == "details") \
                    or (e.tag in ("audio", "video") and "controls" in a) \
                    or a.get("contenteditable", "false").lower() in ("", "true"):
                out.append(e)
        return out

    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if e.attrs.get("id")}
