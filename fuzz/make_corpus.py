"""Writes the seed corpora in fuzz/corpus/ from the demo content, the validator fixtures and the hostile
fixture: small on purpose (libFuzzer grows its own working corpus in .build-fuzz/corpus/).

    python3 fuzz/make_corpus.py

front-matter/: whole files, with a first byte that says what they are (0 service, 1 organisation,
               2 page, 3 site.yml, 4 glossary.yml, 5 synonyms.yml), as fuzz/targets/front-matter.swift reads it.
markdown/:     bodies, with a first byte for the folder (0 services, 1 organisations, 2 pages).
search/:       nothing: fuzz/search/fuzz_search.py draws on content/ and the naughty strings directly.
"""
import hashlib
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "fuzz" / "corpus"
KINDS = {"services": 0, "organisations": 1, "pages": 2}


def body_of(text):
    if not text.startswith("---"):
        return text
    parts = text.split("\n---", 1)
    return parts[1].split("\n", 1)[1] if len(parts) == 2 and "\n" in parts[1] else ""


def every_nth(paths, n):
    return [p for i, p in enumerate(sorted(paths)) if i % n == 0]


def write(folder, selector, data):
    data = bytes([selector]) + data
    name = hashlib.sha1(data).hexdigest()[:16]
    (OUT / folder / name).write_bytes(data)


def main():
    for folder in ("front-matter", "markdown"):
        shutil.rmtree(OUT / folder, ignore_errors=True)
        (OUT / folder).mkdir(parents=True)
    sources = []
    for content in (ROOT / "content", ROOT / "tests/fixtures/hostile/content", ROOT / "Tests/LocalOfferModelTests/Fixtures/site"):
        for kind, selector in KINDS.items():
            files = sorted((content / kind).glob("*.md"))
            sources += [(selector, path) for path in (every_nth(files, 6) if content.name == "content" and kind == "services" else files)]
        for name, selector in (("site.yml", 3), ("glossary.yml", 4), ("synonyms.yml", 5)):
            if (content / name).exists():
                sources.append((selector, content / name))
    fixtures = ROOT / "Tests/LocalOfferModelTests/Fixtures"
    sources += [(0, path) for path in every_nth((fixtures / "invalid").glob("*.md"), 4)]
    sources += [(0, path) for path in sorted((fixtures / "valid").glob("*.md"))]
    for selector, path in sources:
        data = path.read_bytes()
        write("front-matter", selector, data)
        if selector <= 2:
            write("markdown", selector, body_of(data.decode("utf-8")).encode("utf-8"))
    for folder in ("front-matter", "markdown"):
        files = list((OUT / folder).iterdir())
        print(f"fuzz/corpus/{folder}: {len(files)} files, {sum(f.stat().st_size for f in files) // 1024} KiB")


if __name__ == "__main__":
    main()
