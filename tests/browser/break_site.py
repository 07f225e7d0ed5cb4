"""Prove the browser suite can fail: copy a built site and break one thing per page type.

    .venv/bin/python tests/browser/break_site.py .build/test-site /tmp/broken-site
    LOCALOFFER_TEST_SITE=/tmp/broken-site LOCALOFFER_SCREENSHOTS=/tmp/broken-shots \
        .venv/bin/python -m pytest -q tests/browser

Every test function must then fail at least once (the screenshot test needs LOCALOFFER_SCREENSHOTS
pointing at a folder that cannot be written, e.g. /dev/null/shots). Not collected by pytest.
"""
import pathlib
import re
import shutil
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from a11y_pages import MISSING_PATH, discover  # noqa: E402

src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
shutil.rmtree(dst, ignore_errors=True)
shutil.copytree(src, dst)
pages = {p.id: p for p in discover(dst)}

def edit(page_id, fn):
    path = pages[page_id].path.split("?")[0]
    f = dst / "404.html" if path == "/404.html" else dst / path.strip("/") / "index.html"
    before = f.read_text(); after = fn(before)
    assert after != before, page_id
    f.write_text(after)
    print("broke", page_id, f.relative_to(dst))

edit("home", lambda s: re.sub(r'<html lang="[^"]*">', "<html>", s)
     .replace("</head>", "<script>window.inline = 1;</script>\n</head>"))              # lang + inline script
edit("category", lambda s: s.replace("</h1>", '</h1>\n<img src="/assets/favicon.svg">', 1))  # image without alt
edit("service", lambda s: s.replace("</h1>", '</h1>\n<p style="color: red">Inline style</p>', 1))  # inline style
edit("glossary", lambda s: s.replace("</head>", '<link rel="stylesheet" href="/assets/missing.css">\n</head>'))
edit("information-page", lambda s: s.replace("</h1>", "</h1>\n<pre>" + "x" * 120 + "</pre>", 1))  # no reflow
edit("organisation", lambda s: re.sub(r'<meta name="viewport"[^>]*>', "", s))              # no viewport
edit("search", lambda s: re.sub(r'<a href="#main-content"[^>]*>.*?</a>', "", s, count=1))  # no skip link
edit("browse", lambda s: s.replace("</h1>", "</h1>\n<h4>Jumped to h4</h4>", 1))           # skipped level
edit("services-a-z", lambda s: s.replace("</h1>", "</h1>\n<h1>A second h1</h1>", 1))       # two h1
edit("information", lambda s: re.sub(r"<title>.*?</title>", "<title> </title>", s, flags=re.S))  # empty title
edit("not-found", lambda s: s.replace("<footer", "<div").replace("</footer>", "</div>"))   # no footer
edit("my-list", lambda s: re.sub(r'<nav class="app-header__nav"([^>]*)>(.*?)</nav>', r'<div\1>\2</div>', s,
                                 count=1, flags=re.S))                                     # header links, no nav
# A missing address that is not missing any more: the 404 checks must notice.
(dst / MISSING_PATH.strip("/")).mkdir()
shutil.copy(dst / "index.html", dst / MISSING_PATH.strip("/") / "index.html")
# Scripts that throw: search results and a shared list never appear (and the console says why).
for script in ("assets/search/engine.js", "assets/my-list.js"):
    if (dst / script).exists():
        (dst / script).write_text('throw new Error("broken on purpose by break_site.py");\n')
        print("broke", script)
# Global CSS: hidden focus on the header links, a skip link that stays off screen, tiny footer
# targets, and low contrast only on small screens (axe must fail at 320 px, not at 1280 px).
with open(dst / "assets" / "site.css", "a") as css:
    css.write("""
.app-header__links a:focus, .app-header__links a:focus-visible {
  background-color: transparent !important; box-shadow: none !important; outline: none !important; color: #fff !important; }
.app-skip-link:focus { position: absolute !important; left: -9999em !important; }
.app-footer__links { flex-direction: column !important; gap: 0 !important; }
.app-footer__links li, .app-footer__links a { min-height: 0 !important; font-size: 10px !important; line-height: 1 !important; }
@media (max-width: 40em) { .app-footer__meta { color: #c8c8c8 !important; } }
""")
print("broken copy in", dst)
