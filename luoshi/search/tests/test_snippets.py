"""A snippet shows the densest cluster of matches, and costs time linear in the text: a reporter who
writes the same word fifty thousand times must not be able to stall everyone's searches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.search.highlight import snippet, spans
from luoshi.search.tokens import parse_query


def _densest_start_by_counting_every_window(found: list[tuple[int, int]], width: int) -> int:
    """The plain definition the snippet follows: for each match, a window starting a quarter width
    before it; the first window holding the most whole matches wins."""
    best_start, best_hits = 0, -1
    for s, _e in found:
        start = max(0, s - width // 4)
        hits = sum(1 for a, b in found if a >= start and b <= start + width)
        if hits > best_hits:
            best_start, best_hits = start, hits
    return best_start


def _shown(text: str, start: int, width: int) -> str:
    end = min(len(text), start + width)
    return text[max(0, end - width) : end]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="粮食生产甩甪，。 AaＡ", max_size=400),
    word=st.sampled_from(["粮食", "甩甪", "a", "食生产", "甩"]),
    width=st.integers(min_value=4, max_value=60),
)
def test_the_sliding_window_picks_the_window_counting_every_window_would(
    text: str, word: str, width: int
) -> None:
    terms = parse_query(word)
    found = spans(text, terms)
    shown = str(snippet(text, terms, width=width)).replace("<mark>", "").replace("</mark>", "")
    shown = shown.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip("…")
    if len(text) <= width:
        assert shown == text
    else:
        assert shown == _shown(text, _densest_start_by_counting_every_window(found, width), width)


def test_the_densest_cluster_is_shown() -> None:
    text = "粮食" + "。" * 300 + "粮食，粮食，粮食" + "。" * 300
    out = str(snippet(text, parse_query("粮食"), width=40))
    assert out.count("<mark>粮食</mark>") == 3
    assert out.startswith("…")
    assert out.endswith("…")


def test_a_word_repeated_fifty_thousand_times_gives_a_snippet_of_the_usual_width() -> None:
    text = "甩甪。" * 50_000
    out = str(snippet(text, parse_query("甩甪"), width=120))
    plain = out.replace("<mark>", "").replace("</mark>", "")
    assert len(plain) == 120 + 1  # the window from the start, and an ellipsis where it is cut
    assert out.count("<mark>") == 40


def test_full_width_letters_are_marked_where_they_stand_in_the_original() -> None:
    assert str(snippet("提升ＡＩ应用", parse_query("ai"))) == "提升<mark>ＡＩ</mark>应用"
