"""Helpers shared by the import tests."""
from __future__ import annotations

import pathlib
import shutil

REPO = pathlib.Path(__file__).resolve().parents[2]


def empty_site(folder: pathlib.Path) -> pathlib.Path:
    """A content folder with the demo's site.yml, glossary and synonyms, and no entries."""
    content = folder / "content"
    content.mkdir(parents=True)
    for name in ("site.yml", "glossary.yml", "synonyms.yml"):
        shutil.copy(REPO / "content" / name, content / name)
    return content


def entries(content: pathlib.Path, kind: str = "services") -> list[pathlib.Path]:
    folder = content / kind
    return sorted(folder.glob("*.md")) if folder.is_dir() else []
