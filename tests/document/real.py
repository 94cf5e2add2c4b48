"""The real documents of ../shared/corpus/real in the five layouts users give them in, scored by the
project's judge against the hand-made keys in tests/fixtures/real/.

The layouts: the page text as scraped (chrome and all), newspaper columns (hard line breaks, page
breaks mid-sentence, furniture), GB18030-encoded bytes, Word (one paragraph per line of the page,
and one paragraph per printed line of the newspaper text, as a page pasted into Word gives), and a
PDF's text layer. Run as a script for a table of scores:

    LUOSHI_SHARED=/work/shared .venv/bin/python -m tests.document.real [STEM …]
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from luoshi.document import extract

from ..conftest import CORPUS
from .layouts import newspaper, wrap
from .sources import Docx, make_pdf

KEYS = Path(__file__).resolve().parents[1] / "fixtures" / "real"
REAL = CORPUS / "real"


def keyed() -> list[str]:
    return sorted(p.stem for p in KEYS.glob("*.json"))


def judge() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extract", CORPUS / "score_extract.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def as_news(text: str) -> str:
    return newspaper(text, 20, seed=len(text) % 7)


def as_docx(lines: list[str]) -> bytes:
    d = Docx()
    for line in lines:
        d.para(line)
    return d.bytes()


def as_pdf(text: str, chars: int = 30) -> bytes:
    lines: list[str] = []
    for p in _lines(text):
        lines += wrap(p, chars * 2)
    pages = [lines[i : i + 40] for i in range(0, len(lines), 40)]
    return make_pdf(pages, page_numbers=True)


LAYOUTS: dict[str, Callable[[str], str | bytes]] = {
    "page": lambda text: text,
    "news": as_news,
    "gb18030": lambda text: text.encode("gb18030"),
    "docx": lambda text: as_docx(_lines(text)),
    "docx-news": lambda text: as_docx(as_news(text).split("\n")),
    "pdf": as_pdf,
}


@dataclass(frozen=True)
class Score:
    stem: str
    layout: str
    section_f1: float
    target_f1: float
    title_right: bool
    place_recall: float
    missing_sections: list[Any]
    missing_targets: list[Any]
    extra_targets: list[Any]
    missing_reflow: list[str]
    leaked: list[str]
    title: str | None


def score(stem: str, layout: str, se: ModuleType | None = None) -> Score:
    se = se or judge()
    gold = json.loads((KEYS / f"{stem}.json").read_text(encoding="utf-8"))
    text = (REAL / f"{stem}.txt").read_text(encoding="utf-8")
    source = LAYOUTS[layout](text)
    pred = json.loads(extract(source).to_json())
    sp, sr, missing_sections = se.score_sections(gold, pred)
    tp, tr, missing_targets, extra = se.score_targets(gold, pred)
    place_recall, _ = se.score_places(gold, pred)
    missing_reflow, leaked = se.score_reflow(gold, pred)
    return Score(
        stem,
        layout,
        se.f1(sp, sr),
        se.f1(tp, tr),
        se.norm(pred["title"]) == se.norm(gold["title"]),
        place_recall,
        missing_sections,
        missing_targets,
        extra,
        missing_reflow,
        leaked,
        pred["title"],
    )


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    stems = [a for a in argv if not a.startswith("-")] or keyed()
    se = judge()
    rows: list[Score] = []
    for stem in stems:
        for layout in LAYOUTS:
            s = score(stem, layout, se)
            rows.append(s)
            flag = "" if s.title_right else f"  title {s.title!r}"
            print(f"{stem:18} {layout:9} sections {s.section_f1:.3f} targets {s.target_f1:.3f}{flag}")
            if verbose:
                for m in s.missing_sections:
                    print("    missing section", m)
                for m in s.missing_targets:
                    print("    missing target", json.dumps(m, ensure_ascii=False)[:200])
                for t in s.extra_targets:
                    brief = {
                        k: t.get(k) for k in ("kind", "indicator", "comparator", "value", "unit", "year")
                    }
                    print("    extra", json.dumps(brief, ensure_ascii=False), "|", t["text"][:60])
                if s.missing_reflow or s.leaked:
                    print("    reflow missing", s.missing_reflow, "leaked", s.leaked)
    print(
        f"mean section F1 {statistics.mean(r.section_f1 for r in rows):.3f}, "
        f"mean target F1 {statistics.mean(r.target_f1 for r in rows):.3f}, "
        f"title right {sum(r.title_right for r in rows)}/{len(rows)}, "
        f"lowest section {min(r.section_f1 for r in rows):.3f}, lowest target {min(r.target_f1 for r in rows):.3f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
