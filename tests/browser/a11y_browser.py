"""Headless Chromium through Selenium: load a page at a viewport, and collect in one visit what the
axe, console, reflow and screenshot tests assert (each page and viewport is loaded once per session).

The driver pattern is /work/shared/TOOLS.md's: apt's chromium and chromedriver found on PATH (so that
Selenium Manager never tries to download a driver), and the browser log for console errors.
"""
from __future__ import annotations

import dataclasses
import importlib.util
import os
import pathlib
import shutil
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

MAX_SHOT_HEIGHT = 60000
READY_TIMEOUT = 10  # seconds for scripts to draw search results or a saved list
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@dataclasses.dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    scale: float = 1
    mobile: bool = False


DESKTOP = Viewport("1280", 1280, 900)
MOBILE = Viewport("320", 320, 900, mobile=True)
# WCAG 1.4.10: a 1280 x 1024 desktop window zoomed to 400% lays pages out 320 x 256 CSS px wide,
# at 4 device pixels per CSS pixel, with the desktop (not the mobile) viewport rules.
ZOOM_400 = Viewport("1280-at-400pc", 320, 256, scale=4, mobile=False)
VIEWPORTS = {v.name: v for v in (DESKTOP, MOBILE, ZOOM_400)}


def find_axe() -> pathlib.Path:
    """axe.min.js bundled in axe-playwright-python (found without importing it); AXE_JS overrides."""
    if os.environ.get("AXE_JS"):
        return pathlib.Path(os.environ["AXE_JS"])
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec and spec.submodule_search_locations:
        path = pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
        if path.exists():
            return path
    raise FileNotFoundError("no axe.min.js: run scripts/install-test-tools.sh "
                            "(pip install --no-deps axe-playwright-python==0.1.8)")


def make_driver() -> webdriver.Chrome:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        raise FileNotFoundError("chromium and chromedriver are needed: run scripts/install-test-tools.sh")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-color-profile=srgb", "--no-first-run",
                     "--disable-extensions", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(chromedriver))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def set_viewport(driver, viewport: Viewport, height: int | None = None):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": viewport.width, "height": height or viewport.height,
        "deviceScaleFactor": viewport.scale, "mobile": viewport.mobile})


def severe_console_entries(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


OVERFLOW_JS = """
// arguments[0]: the viewport width in CSS px. On a phone Chrome widens the layout (innerWidth) to fit
// content that is too wide, so the emulated width is the limit, not innerWidth.
const doc = document.documentElement;
const width = arguments[0];
// What sticks out on the right, for the failure message. Inside a box that scrolls or clips on its
// own is fine: WCAG 1.4.10 allows a data table to scroll by itself.
const clipped = (el) => {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') return true;
  }
  return false;
};
const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.classList.length ? '.' + [...el.classList].join('.') : '');
const found = [];
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || clipped(el)) continue;
  if (r.right > width + 1) {
    found.push([el, name(el) + ' (right edge at ' + Math.round(r.right) + ' px)']);
  } else if (getComputedStyle(el).overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1
             && r.left + el.scrollWidth > width + 1) {
    found.push([el, name(el) + ' (its content is ' + el.scrollWidth + ' px wide, e.g. a long word or <pre>)']);
  }
}
// Keep the innermost: an ancestor of a culprit only overflows because of it.
const culprits = found.filter(([el]) => !found.some(([other]) => other !== el && el.contains(other)))
  .slice(0, 8).map(([, text]) => text);
return {scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, clientWidth: doc.clientWidth, culprits};
"""

AXE_RUN_JS = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({version: axe.version, violations: r.violations.map(v => ({
     id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
     nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e)}));
"""



@dataclasses.dataclass
class Visit:
    url: str
    viewport: str
    console_errors: list[str]
    overflow: dict
    ready: bool = True              # content drawn by JavaScript appeared (see PageType.ready)
    title: str = ""
    violations: list[dict] | None = None
    axe_version: str | None = None
    axe_error: str | None = None
    screenshot: pathlib.Path | None = None
    screenshot_error: str | None = None
    page_height: int = 0            # CSS px, when the screenshot was taken
    layout_width: int = 0           # CSS px laid out across the screenshot (more than the viewport
                                    # when a phone shrinks a page that is too wide)


class Browser:
    """One Chromium for the session; `visit` results are cached per (address, viewport)."""

    def __init__(self, driver, base_url: str, axe_source: str, screenshot_dir: pathlib.Path | None):
        self.driver = driver
        self.base_url = base_url
        self.axe_source = axe_source
        self.screenshot_dir = screenshot_dir
        self._cache: dict[tuple, Visit] = {}
        self._severe: list[str] = []

    def url(self, path: str) -> str:
        return self.base_url + path

    def load(self, path: str, viewport: Viewport, ready: str | None = None) -> bool:
        """Open `path` at `viewport` and wait until `ready` (a JavaScript expression) is true, at most
        READY_TIMEOUT seconds, or until the page logs an error; False if it never was. The browser
        log is emptied first, so that `console_errors()` returns this page's entries only."""
        self.driver.get_log("browser")
        self._severe = []
        set_viewport(self.driver, viewport)
        self.driver.get(self.url(path))
        done = True
        if ready:
            deadline = time.monotonic() + READY_TIMEOUT
            while not (done := bool(self.driver.execute_script(f"return {ready};"))):
                self._severe += severe_console_entries(self.driver)
                if self._severe or time.monotonic() > deadline:  # a script failed: it will not draw
                    break
                time.sleep(0.1)
        # Late errors (a failed fetch, a module that throws) arrive after load: give them a moment.
        time.sleep(0.15)
        return done

    def console_errors(self) -> list[str]:
        """SEVERE browser-log entries since the last `load`: console.error, uncaught exceptions,
        CSP violations, failed loads."""
        self._severe += severe_console_entries(self.driver)
        return list(self._severe)

    def visit(self, page, viewport: Viewport, axe: bool = True, screenshot: bool = True) -> Visit:
        key = (page.path, viewport.name)
        if key in self._cache:
            return self._cache[key]
        ready = self.load(page.path, viewport, page.ready)
        url = self.url(page.path)
        visit = Visit(url=url, viewport=viewport.name, console_errors=[], ready=ready,
                      overflow=self.driver.execute_script(OVERFLOW_JS, viewport.width),
                      title=self.driver.title)
        if axe:
            self.driver.execute_script(self.axe_source)
            result = self.driver.execute_async_script(AXE_RUN_JS, AXE_TAGS)
            visit.axe_version = result.get("version")
            visit.axe_error = result.get("error")
            visit.violations = result.get("violations", [])
        if screenshot and self.screenshot_dir is not None:
            try:
                visit.screenshot, visit.page_height, visit.layout_width = self.full_page_screenshot(
                    f"{page.id}-{viewport.name}", viewport)
            except Exception as error:  # only the screenshot test should fail for this
                visit.screenshot_error = f"{type(error).__name__}: {error}"
        entries = self.console_errors()
        if page.expect_status == 404:
            # Chrome reports the 404 of the page itself; that one is expected here, nothing else is.
            entries = [m for m in entries if not (m.startswith(url + " ") and "404" in m)]
        visit.console_errors = entries
        self._cache[key] = visit
        return visit

    def full_page_screenshot(self, name: str, viewport: Viewport) -> tuple[pathlib.Path, int, int]:
        """A PNG of the whole page: the viewport is made as tall as the page (Chromium renders
        beyond 16,384 px this way; MAX_SHOT_HEIGHT only guards against a runaway page)."""
        height = int(self.driver.execute_script(
            "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)"))
        try:
            set_viewport(self.driver, viewport, height=max(viewport.height, min(height, MAX_SHOT_HEIGHT)))
            # The taller viewport can change the layout (vh units); measure again.
            height, layout_width = self.driver.execute_script(
                "return [document.documentElement.scrollHeight, window.innerWidth]")
            self.screenshot_dir.mkdir(parents=True, exist_ok=True)
            path = self.screenshot_dir / f"{name}.png"
            if not self.driver.save_screenshot(str(path)):
                raise OSError(f"could not write {path}")
        finally:
            set_viewport(self.driver, viewport)
        return path, int(height), int(layout_width)


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}\n  {v['helpUrl']}")
        for node in v["nodes"][:10]:
            lines.append(f"    {' '.join(map(str, node['target']))}    {node['html'][:160]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more")
    return "\n".join(lines)
