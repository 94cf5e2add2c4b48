"""Small text helpers shared by the stages: widths, normalisation, Chinese numerals."""

from __future__ import annotations

import re

# Full-width ASCII look-alikes that carry meaning for parsing (digits, %, .). Mapped one character
# to one character, so that positions in the normalised text equal positions in the original.
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．／～", "0123456789%./~")

# Spaces between two CJK characters (or CJK and a digit) are layout, not text: 稳定在 45%以上.
_CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…"
_LAYOUT_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=[{_CJK}])")

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def width(s: str) -> int:
    """Display width in half-width cells: ASCII counts 1, everything else 2."""
    return 2 * len(s) - len(s.encode("ascii", "ignore"))


_NEEDS_FOLD = re.compile("[０-９％．／～]")


def fold_width(s: str) -> str:
    """Full-width digits and signs to ASCII, one character for one (positions are kept)."""
    return s.translate(_FULLWIDTH) if _NEEDS_FOLD.search(s) else s


def drop_layout_spaces(s: str) -> str:
    """Remove spaces that only sit between CJK characters (or between CJK and other text)."""
    if " " not in s and "\u3000" not in s and "\t" not in s and "\u00a0" not in s:
        return s
    return _LAYOUT_SPACE.sub("", s)


def cn_to_int(s: str) -> int | None:
    """Chinese numeral to int: 十二 → 12, 一百二十 → 120, 两千 → 2000, 二〇三五 → 2035, 千 → 1000.

    Handles 十/百/千 and digit-by-digit forms; 万 and 亿 are units of measure elsewhere and are not
    accepted here. Returns None for anything else.
    """
    if not s:
        return None
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        return int("".join(str(CN_DIGITS[c]) for c in s))  # 二〇三五
    total = 0
    digit: int | None = None
    for c in s:
        if c in CN_DIGITS:
            if digit is not None:  # 一二 without a unit between: not a numeral we read
                return None
            digit = CN_DIGITS[c]
        elif c in CN_UNITS:
            total += (1 if digit is None else digit) * CN_UNITS[c]
            digit = None
        else:
            return None
    if digit is not None:
        total += digit
    return total


CN_ORDINAL = re.compile(r"[一二三四五六七八九十]+")


def ordinal(number: str) -> int | None:
    """A heading number to int: 四 → 4, 十二 → 12, 3 → 3."""
    if number.isdigit():
        return int(number)
    return cn_to_int(number)


def to_cn(n: int) -> str:
    """int to the Chinese numeral used in headings: 4 → 四, 12 → 十二, 21 → 二十一."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)
