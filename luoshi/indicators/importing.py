"""Importing measured values from CSV or Excel, and loading the series bundled with luoshi.

A file has the bundled CSV's columns (``indicator, year, value, unit, original_value, original_unit,
as_of, source_url, quote, note``, plus ``source`` and ``month``), in English or Chinese (指标, 年份,
数值, 单位, 原始数值, 原始单位, 时点, 来源, 来源链接, 原文, 备注, 月份). Every row is checked first;
a file with any bad row is refused whole, with each error given by row number in the user's
language; a good file is applied in one transaction. Unknown indicators and units that cannot be
converted to the indicator's are errors. A row identical to a value already in force (same
indicator, time, value, unit and source link) is skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .bundled import BUNDLED_GOALS, load_observations, load_series
from .models import (
    Indicator,
    IndicatorAlias,
    IndicatorBreak,
    Observation,
    _require_office,
    unit_message,
)
from .units import UnitError, convert

__all__ = ["ImportResult", "LoadResult", "RowError", "import_observations", "load_bundled", "read_rows"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "指标", "指标名称"),
    "year": ("year", "年份", "年度"),
    "month": ("month", "月份"),
    "value": ("value", "数值", "值", "实际值"),
    "unit": ("unit", "单位"),
    "original_value": ("original_value", "原始数值"),
    "original_unit": ("original_unit", "原始单位"),
    "as_of": ("as_of", "时点", "截至"),
    "source": ("source", "来源"),
    "source_url": ("source_url", "来源链接", "链接", "网址"),
    "quote": ("quote", "原文", "原文摘录"),
    "note": ("note", "备注", "说明"),
}
REQUIRED = ("indicator", "year", "value", "unit")
MAX_ROWS = 50_000


@dataclass(frozen=True)
class RowError:
    row: int  # as people count them: the header is row 1
    message: str

    def __str__(self) -> str:
        return _("第%(row)s行：%(message)s") % {"row": self.row, "message": self.message}


@dataclass
class ImportResult:
    created: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class LoadResult:
    indicators: int = 0
    observations: int = 0
    skipped: int = 0
    breaks: int = 0
    aliases: int = 0

    def __str__(self) -> str:
        return _(
            "新增指标 %(i)s 个，数据 %(o)s 条（已有 %(s)s 条未重复导入），断点 %(b)s 个，别名 %(a)s 个"
        ) % {
            "i": self.indicators,
            "o": self.observations,
            "s": self.skipped,
            "b": self.breaks,
            "a": self.aliases,
        }


# reading ------------------------------------------------------------------------------------------
def read_rows(source: Any, name: str = "") -> list[dict[str, str]]:
    """The rows of a CSV (UTF-8 or GB18030) or Excel (.xlsx) file as dicts keyed by the English
    column names; ValidationError when the file cannot be read or lacks a required column."""
    name = name or str(getattr(source, "name", source))
    if name.lower().endswith(".xlsx"):
        table = _xlsx_table(source)
    else:
        data = Path(source).read_bytes() if isinstance(source, str | Path) else source.read()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ValidationError(_("无法识别文件编码，请另存为 UTF-8 编码的 CSV。"))
        table = list(csv.reader(io.StringIO(text)))
    table = [row for row in table if any(str(c or "").strip() for c in row)]
    if not table:
        raise ValidationError(_("文件是空的。"))
    header = [str(c or "").strip().lower() for c in table[0]]
    columns: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for i, h in enumerate(header):
            if h in names:
                columns[key] = i
                break
    missing = [k for k in REQUIRED if k not in columns]
    if missing:
        raise ValidationError(
            _("缺少必需的列：%(cols)s（可用：indicator/指标, year/年份, value/数值, unit/单位）")
            % {"cols": "、".join(missing)}
        )
    if len(table) - 1 > MAX_ROWS:
        raise ValidationError(_("一次最多导入 %(n)s 行。") % {"n": MAX_ROWS})
    rows = []
    for raw in table[1:]:
        rows.append({k: _cell(raw[i]) if i < len(raw) else "" for k, i in columns.items()})
    return rows


def _xlsx_table(source: Any) -> list[list[Any]]:
    from django.utils.translation import get_language

    from luoshi.document import DocumentError, open_workbook

    try:
        wb = open_workbook(str(source) if isinstance(source, Path) else source)  # no zip bomb gets through
    except DocumentError as e:
        raise ValidationError(e.message(get_language() or "zh-hans")) from None
    try:
        return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "strftime"):
        return str(v.strftime("%Y-%m"))
    return str(v).strip()


# checking and applying ----------------------------------------------------------------------------
def _number(text: str) -> float | None:
    t = text.replace(",", "").replace("，", "").strip()
    try:
        v = float(t)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _month(as_of: str, given: str) -> int | str | None:
    """The month from a ``month`` column or an ``as_of`` of the form 2025-05; "" when it is bad."""
    if given:
        try:
            m = int(float(given))
        except ValueError:
            return ""
        return m if 1 <= m <= 12 else ""
    if len(as_of) >= 7 and as_of[4] in "-/." and as_of[5:7].isdigit():
        m = int(as_of[5:7])
        return m if 1 <= m <= 12 else ""
    return None


def _check(
    rows: list[dict[str, str]], indicators: dict[str, Indicator]
) -> tuple[list[dict[str, Any]], list[RowError]]:
    good: list[dict[str, Any]] = []
    errors: list[RowError] = []
    for n, r in enumerate(rows, start=2):
        problems: list[str] = []
        name = r.get("indicator", "").strip()
        indicator = indicators.get(name)
        if not name:
            problems.append(_("缺少指标名称"))
        elif indicator is None:
            problems.append(_("未知指标“%(name)s”，请先在指标列表中新增该指标") % {"name": name})
        year_text = r.get("year", "").strip()
        year = _number(year_text)
        if year is None or not year.is_integer() or not 1900 <= year <= 2100:
            problems.append(_("年份“%(v)s”无效") % {"v": year_text})
        value = _number(r.get("value", ""))
        if value is None:
            problems.append(_("数值“%(v)s”无效") % {"v": r.get("value", "")})
        unit = "".join(r.get("unit", "").split())
        if not unit:
            problems.append(_("缺少单位"))
        elif indicator is not None:
            try:
                convert(1.0, unit, indicator.unit)
            except UnitError as e:
                problems.append(unit_message(e))
        as_of = r.get("as_of", "").strip()
        month = _month(as_of, r.get("month", "").strip())
        if month == "":
            problems.append(_("月份或时点“%(v)s”无效") % {"v": r.get("month") or as_of})
        if problems:
            errors.append(RowError(n, "；".join(problems)))
            continue
        assert indicator is not None
        assert value is not None
        assert year is not None
        good.append(
            {
                "indicator": indicator,
                "year": int(year),
                "month": month,
                "value": value,
                "unit": unit,
                "original_value": r.get("original_value", "")[:60],
                "original_unit": r.get("original_unit", "")[:60],
                "as_of": as_of[:20],
                "source": r.get("source", "")[:200],
                "source_url": r.get("source_url", "")[:500],
                "quote": r.get("quote", ""),
                "note": r.get("note", ""),
            }
        )
    return good, errors


def _key(indicator_id: int, year: int, month: Any, value: float, unit: str, url: str) -> tuple[Any, ...]:
    return (indicator_id, year, month or None, round(value, 9), unit, url)


def import_observations(rows: list[dict[str, str]], *, by: Any, origin: str = "import") -> ImportResult:
    """Check every row, then (only when all are good) add them in one transaction."""
    _require_office(by)
    indicators = {i.name: i for i in Indicator.objects.all()}
    good, errors = _check(rows, indicators)
    if errors:
        return ImportResult(errors=errors)
    return _apply(good, by=by, origin=origin)


@transaction.atomic
def _apply(good: list[dict[str, Any]], *, by: Any, origin: str) -> ImportResult:
    ids = {g["indicator"].pk for g in good}
    existing = {
        _key(o.indicator_id, o.year, o.month, o.value, o.unit, o.source_url)
        for o in Observation.objects.current().filter(indicator_id__in=ids)
    }
    result = ImportResult()
    for g in good:
        key = _key(g["indicator"].pk, g["year"], g["month"], g["value"], g["unit"], g["source_url"])
        if key in existing:
            result.skipped += 1
            continue
        existing.add(key)
        indicator = g.pop("indicator")
        Observation.record(indicator, by=by, origin=origin, **g)
        result.created += 1
    return result


# the bundled series -------------------------------------------------------------------------------
@transaction.atomic
def load_bundled(*, by: Any = None) -> LoadResult:
    """Load the Inner Mongolia series bundled with luoshi (with their sources), their breaks and
    caveats, and the aliases by which the decision's targets are measured. Loading again adds only
    what is missing."""
    _require_office(by)
    result = LoadResult()
    series = load_series()
    observations = load_observations()
    # a caveat that names the target measured through an alias belongs to that alias (牛奶 for 奶类)
    alias_pairs = {goal.indicator: name for goal, name in BUNDLED_GOALS if goal.indicator != name}
    alias_caveats = {
        alias: (series[name].caveat_zh, series[name].caveat_en)
        for alias, name in alias_pairs.items()
        if name in series and alias in series[name].caveat_zh
    }
    units = {name: s.unit for name, s in series.items()}
    indicators = {i.name: i for i in Indicator.objects.filter(name__in=list(units))}
    for name, unit in units.items():
        if name in indicators:
            continue
        s = series[name]
        zh, en = s.caveat_zh, s.caveat_en
        if any(series_name == name for alias, series_name in alias_pairs.items() if alias in alias_caveats):
            zh, en = "", ""
        ind = Indicator(
            name=name,
            unit=unit,
            caveat_zh=zh[:300],
            caveat_en=en[:300],
            description=_("内置数据：团队从公开报道中收集，来源见每条数据。"),
        )
        ind.audit_as("load_bundled", by=by)
        ind.save()
        indicators[name] = ind
        result.indicators += 1
    rows = [
        {
            "indicator": o.indicator,
            "year": str(o.year),
            "value": repr(o.value),
            "unit": o.unit,
            "original_value": o.original_value,
            "original_unit": o.original_unit,
            "as_of": o.as_of or "",
            "source_url": o.source_url,
            "quote": o.quote,
            "note": o.note,
        }
        for o in observations
    ]
    good, errors = _check(rows, indicators)
    if errors:  # the bundled file is ours: a bad row is a bug, not a user's mistake
        raise ValueError("; ".join(str(e) for e in errors))
    applied = _apply(good, by=by, origin="bundled")
    result.observations, result.skipped = applied.created, applied.skipped
    for name, s in series.items():
        marked = indicators.get(name)
        if marked is None:
            continue
        have = set(marked.breaks.filter(withdrawn=False).values_list("year", flat=True))
        for b in s.breaks:
            if b.year not in have:
                IndicatorBreak.mark(marked, b.year, b.reason_zh, reason_en=b.reason_en, by=by)
                result.breaks += 1
    for alias, name in alias_pairs.items():
        measured_by = indicators.get(name)
        if measured_by is None or IndicatorAlias.objects.filter(name=alias).exists():
            continue
        zh, en = alias_caveats.get(alias, ("", ""))
        a = IndicatorAlias(name=alias, indicator=measured_by, caveat_zh=zh[:300], caveat_en=en[:300])
        a.audit_as("load_bundled", by=by)
        a.save()
        result.aliases += 1
    return result
