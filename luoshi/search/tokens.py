"""Chinese-aware tokens for full-text search, the same on SQLite and PostgreSQL.

Neither SQLite's FTS5 nor PostgreSQL's text search splits Chinese into words, and a dictionary
segmenter would be a heavy dependency that still misses policy terms. Overlapping character pairs
(bigrams) find every substring of two characters or more, which is what people type: 粮食生产 is
found as the phrase 粮食 食生 生产. The index holds, for each run of Chinese characters c1…cn, the
pairs c1c2 … cn-1cn followed by cn alone, so that every character starts a token and a one-character
query (粮) is a prefix query (粮*). Runs of letters or digits are one token each, lower-cased.
Text is NFKC-normalised first (full-width letters and digits become ASCII).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
MAX_WORDS = 8
MAX_TOKENS = 64


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _runs(text: str) -> list[tuple[bool, str]]:
    """(is_chinese, run) for each run of Chinese characters or of letters and digits."""
    out: list[tuple[bool, str]] = []
    kind: bool | None = None
    start = 0
    for i, ch in enumerate(text):
        this = True if _CJK.match(ch) else (False if ch.isalnum() else None)
        if this != kind:
            if kind is not None:
                out.append((kind, text[start:i]))
            kind, start = this, i
    if kind is not None:
        out.append((kind, text[start:]))
    return out


def _run_tokens(cjk: bool, run: str) -> list[str]:
    if not cjk:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_tokens(text: str) -> str:
    """The tokens stored for ``text``, separated by spaces."""
    return " ".join(tok for cjk, run in _runs(normalise(text or "")) for tok in _run_tokens(cjk, run))


@dataclass(frozen=True)
class Term:
    """One word of a query: its text (for highlighting) and the phrase of tokens that finds it."""

    text: str
    tokens: tuple[str, ...]
    prefix: bool  # the last token is a prefix (a single Chinese character at the end of the word)


def parse_query(q: str) -> list[Term]:
    """The words of a query, each a phrase of index tokens. Words are separated by spaces or
    punctuation; at most MAX_WORDS words and MAX_TOKENS tokens are kept."""
    terms: list[Term] = []
    budget = MAX_TOKENS
    for word in re.split(r"\s+", normalise(q or "")):
        runs = _runs(word)
        # punctuation inside a word separates words too: 粮食，生产 is two words
        groups: list[list[tuple[bool, str]]] = []
        last_end = None
        pos = 0
        for cjk, run in runs:
            at = word.index(run, pos)
            if last_end is None or at != last_end:
                groups.append([])
            groups[-1].append((cjk, run))
            last_end = pos = at + len(run)
        for group in groups:
            tokens: list[str] = []
            for n, (cjk, run) in enumerate(group):
                toks = _run_tokens(cjk, run)
                if cjk and n == len(group) - 1 and len(run) > 1:
                    toks = toks[:-1]  # the text may go on after the word: no lone last character
                tokens.extend(toks)
            last_cjk, last_run = group[-1]
            prefix = last_cjk and len(last_run) == 1
            tokens = tokens[:budget]
            if not tokens:
                continue
            budget -= len(tokens)
            terms.append(Term("".join(run for _c, run in group), tuple(tokens), prefix))
            if len(terms) >= MAX_WORDS or budget <= 0:
                return terms
    return terms
