"""Chinese text becomes overlapping pairs of characters; queries become phrases of the same pairs."""

from __future__ import annotations

from luoshi.search.tokens import index_tokens, parse_query


def test_a_run_of_chinese_gives_its_pairs_and_its_last_character() -> None:
    assert index_tokens("粮食生产") == "粮食 食生 生产 产"


def test_letters_and_digits_are_whole_lower_cased_tokens_and_full_width_folds() -> None:
    assert index_tokens("ＧＤＰ增长5.5%") == "gdp 增长 长 5 5"


def test_a_query_word_is_a_phrase_without_the_lone_last_character() -> None:
    (term,) = parse_query("粮食生产")
    assert (term.tokens, term.prefix) == (("粮食", "食生", "生产"), False)


def test_a_one_character_query_is_a_prefix() -> None:
    (term,) = parse_query("粮")
    assert (term.tokens, term.prefix) == (("粮",), True)


def test_spaces_and_punctuation_separate_words() -> None:
    assert [t.text for t in parse_query("草原 修复，森林")] == ["草原", "修复", "森林"]


def test_mixed_runs_stay_one_phrase() -> None:
    (term,) = parse_query("5000万千瓦")
    assert term.tokens == ("5000", "万千", "千瓦")
    assert set(term.tokens) <= set(index_tokens("装机达到5000万千瓦以上").split())
