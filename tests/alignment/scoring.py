"""Score the matcher against the team's test set (tests/alignment/set/answers.json): the texts are
extracted, so the extraction's own errors count."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from luoshi.alignment.matching import Alignment, align
from luoshi.document import Document, extract

SET = Path(__file__).parent / "set"
CLASSES = ("covered", "weakened", "missing", "added")


@dataclass
class Score:
    tp: Counter[str]
    fp: Counter[str]
    fn: Counter[str]
    errors: list[str]
    which_right: int = 0  # weakened items whose expected weakening (value, year, verb …) is named
    which_total: int = 0

    def precision(self, cls: str) -> float:
        d = self.tp[cls] + self.fp[cls]
        return self.tp[cls] / d if d else 1.0

    def recall(self, cls: str) -> float:
        d = self.tp[cls] + self.fn[cls]
        return self.tp[cls] / d if d else 1.0

    def f1(self, cls: str) -> float:
        p, r = self.precision(cls), self.recall(cls)
        return 2 * p * r / (p + r) if p + r else 0.0


def answers() -> dict:
    return json.loads((SET / "answers.json").read_text(encoding="utf-8"))


def document(name: str) -> Document:
    return extract(SET / name)


def _item_of(doc_rows: list[tuple[str | None, str]], fragment: str) -> str | None:
    hits = [i for i, text in doc_rows if fragment in text]
    return hits[0] if hits else None


def score(children: list[str] | None = None) -> Score:
    key = answers()
    parent = document(key["parent"])
    s = Score(Counter(), Counter(), Counter(), [])
    for name, expected in key["children"].items():
        if children is not None and name not in children:
            continue
        result: Alignment = align(parent, document(name))
        rows = {r.parent: r for r in result.items}
        for pid, expected_class in expected["classes"].items():
            cls, _colon, which = expected_class.partition(":")
            item = _item_of([(i.id, i.text) for i in parent.items], key["parent_items"][pid])
            got = rows[item].status.value if item in rows else "missing"
            if got == cls:
                s.tp[cls] += 1
                if which and item is not None:
                    s.which_total += 1
                    if which in {w.code for w in rows[item].weakenings}:
                        s.which_right += 1
                    else:
                        s.errors.append(f"{name} {pid}: weakened, but not by its {which}")
            else:
                s.fn[cls] += 1
                s.fp[got] += 1
                s.errors.append(f"{name} {pid}: expected {cls}, got {got}")
        added = list(result.added)
        for fragment in expected["added"]:
            if any(fragment in r.child_text for r in added):
                s.tp["added"] += 1
            else:
                s.fn["added"] += 1
                s.errors.append(f"{name} added {fragment}: not found")
        for r in added:
            if not any(f in r.child_text for f in expected["added"]):
                s.fp["added"] += 1
                s.errors.append(f"{name} added wrongly: {r.child_text[:30]}")
    return s


NAMES = {
    "covered": "已承接 covered",
    "weakened": "承接但弱化 weakened",
    "missing": "未承接 missing",
    "added": "新增 added",
}


def table() -> str:
    """The measured table as docs/alignment.md shows it: precision, recall and F1 per class, on every
    child, and on the held-out children alone."""
    key = answers()
    held = [n for n, c in key["children"].items() if c["held_out"]]
    everything, held_out = score(), score(held)
    lines = [
        "| class | items | precision | recall | F1 | F1 held out |",
        "|---|---|---|---|---|---|",
    ]
    for c in CLASSES:
        lines.append(
            f"| {NAMES[c]} | {everything.tp[c] + everything.fn[c]} | {everything.precision(c):.2f} | "
            f"{everything.recall(c):.2f} | {everything.f1(c):.2f} | {held_out.f1(c):.2f} |"
        )
    lines.append("")
    lines.append(
        f"Weakened items whose weakening is named right (value, year, comparator or wording): "
        f"{everything.which_right} of {everything.which_total}."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
    for e in score().errors:
        print(e)
