"""Units of measure: which ones can be converted into which, and by how much.

A series reported in 万吨 must meet a target set in 亿斤, a capacity in GW one in 万千瓦. Each unit
belongs to one family (mass, area, power …) and has a factor to the family's base unit; two units
convert when they share a family. Counts are split by what they count (人, 家, 个, 户 …): 100 家
enterprises are not 100 人. A percentage (%) is a rate and 个百分点 a change of a rate; they never
convert into each other.

    >>> convert(1, "万吨", "亿斤")
    0.2
    >>> compatible("GW", "万千瓦"), compatible("万吨", "万亩")
    (True, False)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Unit", "UnitError", "compatible", "convert", "family", "known_units", "unit"]


class UnitError(ValueError):
    """A conversion that cannot be made, with a message in Chinese and one in English."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.message_zh = message_zh
        self.message_en = message_en


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: its canonical name, its family, and how many base units one of it is."""

    name: str
    family: str
    factor: float


_WAN = 1e4
_YI = 1e8

# family → {name: factor to the family's base unit}; the first name of each family is its base.
_FAMILIES: dict[str, dict[str, float]] = {
    "mass": {  # base: 千克
        "千克": 1.0,
        "公斤": 1.0,
        "kg": 1.0,
        "克": 1e-3,
        "g": 1e-3,
        "斤": 0.5,
        "万斤": 0.5 * _WAN,
        "亿斤": 0.5 * _YI,
        "吨": 1e3,
        "t": 1e3,
        "万吨": 1e3 * _WAN,
        "亿吨": 1e3 * _YI,
    },
    "area": {  # base: 平方米
        "平方米": 1.0,
        "m2": 1.0,
        "亩": 1e4 / 15,  # 1 公顷 = 15 亩 (市亩, the unit of Chinese statistics)
        "万亩": 1e4 / 15 * _WAN,
        "亿亩": 1e4 / 15 * _YI,
        "公顷": 1e4,
        "hm2": 1e4,
        "ha": 1e4,
        "万公顷": 1e4 * _WAN,
        "平方公里": 1e6,
        "平方千米": 1e6,
        "km2": 1e6,
        "万平方公里": 1e6 * _WAN,
    },
    "power": {  # base: 千瓦
        "千瓦": 1.0,
        "kW": 1.0,
        "瓦": 1e-3,
        "W": 1e-3,
        "万千瓦": _WAN,
        "亿千瓦": _YI,
        "兆瓦": 1e3,
        "MW": 1e3,
        "吉瓦": 1e6,
        "GW": 1e6,
        "太瓦": 1e9,
        "TW": 1e9,
    },
    "energy": {  # base: 千瓦时
        "千瓦时": 1.0,
        "度": 1.0,
        "kWh": 1.0,
        "万千瓦时": _WAN,
        "亿千瓦时": _YI,
        "万亿千瓦时": _WAN * _YI,
        "亿度": _YI,
        "兆瓦时": 1e3,
        "MWh": 1e3,
        "吉瓦时": 1e6,
        "GWh": 1e6,
        "太瓦时": 1e9,
        "TWh": 1e9,
    },
    "money": {  # base: 元
        "元": 1.0,
        "千元": 1e3,
        "万元": _WAN,
        "百万元": 1e6,
        "千万元": 1e7,
        "亿元": _YI,
        "千亿元": 1e3 * _YI,
        "万亿元": _WAN * _YI,
    },
    "rate": {"%": 1.0, "‰": 0.1},  # base: per cent
    "rate change": {"个百分点": 1.0},  # base: percentage point
    "duration": {"天": 1.0, "日": 1.0, "月": 365.25 / 12, "年": 365.25},
}

# Counts: one family per thing counted; each takes 万 and 亿 multiples.
_COUNTERS = ("个", "人", "人次", "家", "户", "座", "所", "项", "头", "只", "辆", "套", "台", "处", "条", "张")
for _c in _COUNTERS:
    _FAMILIES[f"count:{_c}"] = {_c: 1.0, f"万{_c}": _WAN, f"亿{_c}": _YI}

# Other spellings read as one of the names above (after spaces are removed).
_ALIASES = {
    "％": "%",
    "百分点": "个百分点",
    "pp": "个百分点",
    "km²": "km2",
    "平方公里²": "km2",
    "hm²": "hm2",
    "m²": "m2",
    "kw": "kW",
    "KW": "kW",
    "mw": "MW",
    "gw": "GW",
    "kwh": "kWh",
    "KWh": "kWh",
    "KWH": "kWh",
    "kW·h": "kWh",
    "kW.h": "kWh",
    "千瓦·时": "千瓦时",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "Kg": "kg",
    "KG": "kg",
    "万元人民币": "万元",
    "亿元人民币": "亿元",
    "元人民币": "元",
}

_UNITS: dict[str, Unit] = {
    name: Unit(name, fam, factor) for fam, names in _FAMILIES.items() for name, factor in names.items()
}

_FAMILY_ZH = {
    "mass": "质量",
    "area": "面积",
    "power": "功率（装机）",
    "energy": "电量",
    "money": "金额",
    "rate": "比率",
    "rate change": "比率变化",
    "duration": "时长",
}


def _clean(name: str) -> str:
    s = "".join(name.split())
    return _ALIASES.get(s, s)


def unit(name: str) -> Unit | None:
    """The unit called ``name`` (any known spelling), or None when it is not known."""
    return _UNITS.get(_clean(name))


def family(name: str) -> str | None:
    """The family of a unit ("mass", "area", "count:人" …), or None when it is not known."""
    u = unit(name)
    return u.family if u else None


def known_units() -> list[str]:
    """Every canonical unit name, grouped by family."""
    return list(_UNITS)


def compatible(a: str, b: str) -> bool:
    """Whether a value in ``a`` can be expressed in ``b``. Equal names always are, known or not."""
    if _clean(a) == _clean(b):
        return True
    ua, ub = unit(a), unit(b)
    return ua is not None and ub is not None and ua.family == ub.family


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``; UnitError when that cannot be done."""
    a, b = _clean(from_unit), _clean(to_unit)
    if a == b:
        return float(value)
    ua, ub = _UNITS.get(a), _UNITS.get(b)
    if ua is None or ub is None:
        unknown = from_unit if ua is None else to_unit
        raise UnitError(
            f"未知单位：{unknown}（{from_unit} 不能换算为 {to_unit}）",
            f"Unknown unit: {unknown} ({from_unit} cannot be converted to {to_unit})",
        )
    if ua.family != ub.family:
        if {ua.family, ub.family} == {"rate", "rate change"}:
            raise UnitError(
                f"单位不兼容：{from_unit} 不能换算为 {to_unit}（百分比是比率，个百分点是比率的变化）",
                f"Incompatible units: {from_unit} cannot be converted to {to_unit} "
                "(a percentage is a rate, a percentage point a change of a rate)",
            )
        raise UnitError(
            f"单位不兼容：{from_unit} 不能换算为 {to_unit}"
            f"（{_family_zh(ua.family)}与{_family_zh(ub.family)}）",
            f"Incompatible units: {from_unit} cannot be converted to {to_unit} ({ua.family} and {ub.family})",
        )
    if ua.factor == ub.factor:
        return float(value)
    out = float(value) * (ua.factor / ub.factor)
    # Powers of ten in both factors: round away the representation error (1 万吨 → 0.2 亿斤, not 0.19999…).
    if math.isfinite(out) and out != 0:
        digits = 15 - math.floor(math.log10(abs(out)))
        if -300 < digits < 300:
            out = round(out, digits)
    return out


def _family_zh(fam: str) -> str:
    if fam.startswith("count:"):
        return f"计数（{fam.removeprefix('count:')}）"
    return _FAMILY_ZH.get(fam, fam)
