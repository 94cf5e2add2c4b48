"""Quantities in Chinese policy text: 850亿斤, 1000万吨, 45%以上, 超千亿元, 两千万吨, 1.5个百分点.

A quantity is a number and a unit, with the modifiers printed around it. Magnitude words without
digits fold into the value (千亿元 → 1000 亿元, 百万千瓦 → 100 万千瓦); 万, 亿 and 万亿 stay in the
unit as printed (850亿斤 → 850 亿斤). Years (2035年) and years of plans are not quantities: see
``find_years``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._text import cn_to_int

# Base units, longest first so that 个百分点 wins over 个 and 千瓦时 over 千瓦.
_BASE_UNITS = sorted(
    [
        "%",
        "‰",
        "个百分点",
        "百分点",
        "元",
        "美元",
        "欧元",
        "元/人",
        "万元/人",
        "元/吨",
        "微克/立方米",
        "毫克/立方米",
        "毫克/升",
        "吨/公顷",
        "公斤/亩",
        "千克/亩",
        "吨标准煤",
        "吨标煤",
        "标准煤",
        "吨",
        "公斤",
        "千克",
        "斤",
        "亩",
        "公顷",
        "平方公里",
        "平方千米",
        "平方米",
        "公里",
        "千米",
        "米",
        "千瓦时",
        "吉瓦时",
        "兆瓦时",
        "吉瓦",
        "兆瓦",
        "蒸吨",
        "千瓦",
        "kWh",
        "GWh",
        "TWh",
        "GW",
        "MW",
        "kW",
        "立方米",
        "人次",
        "人",
        "户",
        "个",
        "家",
        "所",
        "座",
        "张",
        "套",
        "辆",
        "台",
        "项",
        "条",
        "次",
        "处",
        "栋",
        "间",
        "床",
        "标箱",
        "头只",
        "头",
        "只",
        "株",
        "件",
        "部",
        "名",
        "天",
        "小时",
        "岁",
        "倍",
        "成",
        "批次",
        "场次",
        "班次",
        "架次",
        "场",
        "期",
        "列",
        "支",
        "艘",
        "架",
        "趟",
        "宗",
        "款",
        "人/百亿元",
        "人/亿元",
        "人/万车",
        "人/十万人",
        "人/万人",
        "起/亿元",
        "吨/年",
        "立方米/秒",
        "EFLOPS",
        "PFLOPS",
        "P",
    ],
    key=len,
    reverse=True,
)
# 10亿方 (cubic metres), but not 15个方面 or 地方
_CUBIC = "方(?![面式案向法针阵位舱便志言圆寸略])"
_UNIT = (
    "(?:万亿|亿|万)?(?:"
    + "|".join(re.escape(u) for u in _BASE_UNITS)
    + f"|{_CUBIC})(?:（[台套件个]）)?|万亿|亿|万"
)
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_RANGE_SEP = r"\s*[—–－~～\-至到]\s*"

QUANTITY = re.compile(
    r"(?=[\d零〇一二两三四五六七八九十百千万])"  # lets most positions fail at once
    rf"(?:(?P<pct>百分之(?P<pctn>{_ARABIC}|{_CHINESE}))"
    rf"|(?P<num>{_ARABIC}|{_CHINESE})(?P<approx1>多|余)?"
    rf"(?:(?P<unit1>{_UNIT})?{_RANGE_SEP}(?P<num2>{_ARABIC}))?"
    rf"(?P<unit>{_UNIT})(?P<approx2>多|余)?"
    r"(?P<suffix>以上|以下|以内|之内|左右|上下|之上)?"
    rf"|(?P<bare>{_ARABIC})(?P<bsuffix>以内|以下|左右)"  # 城乡居民收入比缩小到2.1以内: a ratio has no unit
    rf"|(?<=[超过破达到])万亿(?P<wan>{'|'.join(re.escape(u) for u in _BASE_UNITS)})"  # 突破万亿元
    r"|(?<=[到达])(?P<years>\d{1,2}(?:\.\d{1,2})?)年(?![度底末前内以后来初中]))"  # 受教育年限提高到11.5年
)

_HAS_MAGNITUDE = re.compile(r"^(?:万亿|亿|万)")
# 打造两个示范村: a count in Chinese numerals after a verb of making (not 两个维护, 三个务必)
_MADE = re.compile(r"(?:打造|建成|建设|新建|创建|培育|新增|布局|组建|建立)$")
_OVER = re.compile(r"(?:超|过|破|达)$")  # 超百家, 突破千人


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int  # after the suffix (以上, 左右 …)
    value: float
    unit: str
    value_max: float | None = None
    approx: bool = False  # 多 / 余: "more than"
    suffix: str | None = None  # 以上 / 以下 / 以内 / 左右 …
    chinese: bool = False  # written in Chinese numerals

    @property
    def number_end(self) -> int:
        """Where the number and its unit end, before a suffix such as 以上."""
        return self.end - len(self.suffix or "")


def parse_number(s: str) -> float | None:
    """An Arabic or Chinese number: 850, 1,200, 4.5, 千 → 1000, 两千 → 2000, 三点五 → 3.5."""
    s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        pass
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = cn_to_int(whole) if whole else 0
        digits = "".join(str(cn_to_int(c)) for c in frac)
        if w is None or not digits.isdigit():
            return None
        return float(f"{w}.{digits}")
    n = cn_to_int(s)
    return None if n is None else float(n)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (already width-folded), in order, outside quotation marks."""
    out: list[Quantity] = []
    for m in QUANTITY.finditer(text):
        q = _to_quantity(m, text)
        if q is not None:
            out.append(q)
    if out and ("“" in text or '"' in text):
        quoted = _quoted_spans(text)
        out = [q for q in out if not any(a <= q.start < b for a, b in quoted)]
    return _share_base_units(out, text) if len(out) > 1 else out


_MAGNITUDE = ("万亿", "亿", "万")
_JOINED = re.compile(r"\s*[、和及与]\s*")


def _share_base_units(qs: list[Quantity], text: str) -> list[Quantity]:
    """1.28万亿、1.18万亿、8200亿元: figures listed with a magnitude alone take the base unit the
    last of the list names (万亿元)."""
    out = list(qs)
    k = len(out) - 1
    while k > 0:
        last = out[k]
        base = next((last.unit[len(m) :] for m in _MAGNITUDE if last.unit.startswith(m)), "")
        j = k
        while (
            j > 0 and _JOINED.fullmatch(text[out[j - 1].end : out[j].start]) and out[j - 1].unit in _MAGNITUDE
        ):
            j -= 1
        if base and j < k:
            for i in range(j, k):
                q = out[i]
                out[i] = Quantity(
                    q.start, q.end, q.value, q.unit + base, q.value_max, q.approx, q.suffix, q.chinese
                )
        k = j - 1 if j < k else k - 1
    return out


def _to_quantity(m: re.Match[str], text: str) -> Quantity | None:
    start, end = m.span()
    suffix = m.group("suffix")
    if m.group("pct"):
        value = parse_number(m.group("pctn"))
        if value is None:
            return None
        return Quantity(start, end, value, "%", suffix=suffix, chinese=not m.group("pctn")[0].isdigit())
    if m.group("wan"):  # 万亿元 without a number: 10000 亿元, as 千亿元 is 1000 亿元
        return Quantity(start, end, 10000.0, "亿" + m.group("wan"), chinese=True)
    if m.group("years"):
        return Quantity(start, end, float(m.group("years")), "年")
    if m.group("bare"):
        if start > 0 and (text[start - 1].isdigit() or text[start - 1] == "."):
            return None
        bsuffix = m.group("bsuffix")
        return Quantity(start, end, float(m.group("bare")), "", suffix=bsuffix)
    raw = m.group("num")
    unit = m.group("unit")
    if unit.endswith("）"):
        unit = unit[: unit.index("（")]  # 1万台（套）: the unit first named
    chinese = not raw[0].isdigit()
    if chinese:
        # Chinese numerals are common in ordinary words (一个, 三农, 十大); read them only with a
        # magnitude unit (千亿元, 两千万吨), as 成/倍, or when they hold 十/百/千 (十二个).
        before = text[max(0, start - 2) : start]
        counted = (  # 打造两个示范村; not 建成一个…的美好蓝图 (一个 is rhetoric)
            unit == "个"
            and len(raw) == 1
            and raw != "一"
            and _MADE.search(before) is not None
            and text[end : end + 1] != "“"
        )
        if not (
            counted or _HAS_MAGNITUDE.match(unit) or unit in ("成", "倍") or any(c in "十百千" for c in raw)
        ):
            return None
        if len(raw) == 1 and raw in "十百千" and not _HAS_MAGNITUDE.match(unit) and not _OVER.search(before):
            return None  # 百万 alone is a magnitude, 千人 is not a count we trust; 超百家 is
    elif start > 0 and (text[start - 1].isdigit() or text[start - 1] == "."):
        return None
    after = text[end : end + 1]
    if after == "级" or (unit in ("万", "亿") and after in ("年", "里", "众")):
        return None  # 千亿级产业 is a class, not an amount; 万年, 万里 are words
    value = parse_number(raw)
    if value is None:
        return None
    value_max: float | None = None
    if m.group("num2"):
        value_max = parse_number(m.group("num2"))
        unit1 = m.group("unit1")
        if unit1 and unit1 != unit:
            return None
    if unit == "成":
        value, unit = value * 10, "%"
        value_max = value_max * 10 if value_max is not None else None
    unit = unit.replace("百分点", "个百分点").replace("个个", "个") if unit.endswith("百分点") else unit
    approx = bool(m.group("approx1") or m.group("approx2"))
    return Quantity(start, end, value, unit, value_max, approx, suffix, chinese)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"“[^“”]{0,40}”", text):
        spans.append(m.span())
    return spans
