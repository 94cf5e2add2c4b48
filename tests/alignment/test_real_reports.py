"""Two provinces' 2026 work reports share the year's national goals and differ in the rest: the
matcher finds the shared goals (../shared/corpus/real; skipped when absent)."""

from __future__ import annotations

from luoshi.alignment.matching import align
from luoshi.document import extract

NATIONAL = ("城镇调查失业率", "居民消费价格涨幅", "社会消费品零售总额增长", "规上工业增加值增长")


def test_two_work_reports_share_the_national_goals_of_the_year(corpus):
    real = corpus / "real"
    result = align(extract(real / "hebei-gwr-2026.txt"), extract(real / "henan-gwr-2026.txt"))
    matched = {r.parent_text: r for r in result.targets if r.child}
    for indicator in NATIONAL:
        row = next(r for text, r in matched.items() if indicator in text)
        assert indicator in row.child_text
    assert not result.sub_region  # a province's report is not a city's plan
    assert result.counts["missing"] > result.counts["covered"]  # and most of the rest is its own
