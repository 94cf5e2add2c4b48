"""The unit catalogue: bundled for Inner Mongolia, importable from CSV or Excel for anywhere else.

Inner Mongolia's leagues, cities, banners and counties come from the official division code list in
``luoshi.document`` (province 150000); its departments and party organs, and the default suggestion
rules, from the CSV files in ``data/``. Loading twice changes nothing; units are never deleted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import SuggestionRule, Unit, UnitKind

DATA = Path(__file__).with_name("data")
PROVINCE = "150000"
# County-level cities the region lists with its leagues and cities (计划单列、省直管试点).
SEPARATE_CITIES = ("150781", "152501")  # 满洲里市, 二连浩特市

COLUMNS = {
    "code": ("code", "代码", "单位代码"),
    "name": ("name", "名称", "单位名称"),
    "short": ("short", "简称"),
    "kind": ("kind", "类别", "单位类别"),
    "parent": ("parent", "上级", "上级代码", "上级单位代码"),
    "division_code": ("division_code", "行政区划代码", "区划代码"),
    "order": ("order", "排序"),
}
KIND_NAMES = {
    **{k.value: k.value for k in UnitKind},
    "政府部门": UnitKind.DEPARTMENT,
    "部门": UnitKind.DEPARTMENT,
    "党委机关": UnitKind.PARTY_ORGAN,
    "党委部门": UnitKind.PARTY_ORGAN,
    "盟市": UnitKind.LEAGUE_CITY,
    "地市": UnitKind.LEAGUE_CITY,
    "旗县": UnitKind.BANNER_COUNTY,
    "旗县（市、区）": UnitKind.BANNER_COUNTY,
    "区县": UnitKind.BANNER_COUNTY,
    "其他": UnitKind.OTHER,
    "其他单位": UnitKind.OTHER,
}


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return _("新增 %(c)s 个，更新 %(u)s 个，未变 %(n)s 个") % {
            "c": self.created,
            "u": self.updated,
            "n": self.unchanged,
        }


@dataclass
class UnitRow:
    code: str
    name: str
    short: str = ""
    kind: str = UnitKind.OTHER
    parent: str = ""
    division_code: str = ""
    order: int = 0


def _upsert(rows: Iterable[UnitRow], result: LoadResult) -> None:
    rows = list(rows)
    existing = {u.code: u for u in Unit.objects.filter(code__in=[r.code for r in rows])}
    for row in rows:  # parents come before their children
        parent = None
        if row.parent:
            parent = existing.get(row.parent) or Unit.objects.filter(code=row.parent).first()
            if parent is None:
                raise ValidationError(
                    _("单位“%(name)s”的上级单位代码 %(parent)s 不存在。")
                    % {"name": row.name, "parent": row.parent}
                )
        fields = {
            "name": row.name,
            "short": row.short,
            "kind": row.kind,
            "parent": parent,
            "division_code": row.division_code,
            "order": row.order,
        }
        unit = existing.get(row.code)
        if unit is None:
            unit = Unit.objects.create(code=row.code, **fields)
            existing[row.code] = unit
            result.created += 1
        elif any(getattr(unit, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(unit, k, v)
            unit.save()
            result.updated += 1
        else:
            result.unchanged += 1


def inner_mongolia_rows(divisions: Iterable[Any] | None = None) -> Iterator[UnitRow]:
    """Leagues and cities (with 满洲里 and 二连浩特), then banners and counties, from the division list."""
    if divisions is None:
        from luoshi.document import load_divisions

        divisions = load_divisions()
    region = [d for d in divisions if d.code[:2] == PROVINCE[:2] and d.code != PROVINCE]
    leagues = sorted((d for d in region if d.level == "prefecture"), key=lambda d: d.code)
    counties = sorted((d for d in region if d.level == "county"), key=lambda d: d.code)
    separate = [d for d in counties if d.code in SEPARATE_CITIES]
    for n, d in enumerate([*leagues, *separate]):
        yield UnitRow(d.code, d.name, d.short or "", UnitKind.LEAGUE_CITY, "", d.code, 100 + n)
    league_codes = {d.code for d in leagues}
    for n, d in enumerate(counties):
        if d.code in SEPARATE_CITIES:
            continue
        parent = d.parent if d.parent in league_codes else ""
        yield UnitRow(d.code, d.name, d.short or "", UnitKind.BANNER_COUNTY, parent, d.code, 1000 + n)


@transaction.atomic
def load_inner_mongolia(divisions: Iterable[Any] | None = None, *, rules: bool = True) -> LoadResult:
    """Load (or refresh) the bundled Inner Mongolia catalogue and its default suggestion rules."""
    result = LoadResult()
    with (DATA / "inner-mongolia-units.csv").open(encoding="utf-8") as fh:
        _upsert(read_unit_rows(fh), result)
    _upsert(inner_mongolia_rows(divisions), result)
    if rules:
        load_rules((DATA / "inner-mongolia-rules.csv").read_text(encoding="utf-8"))
    return result


def load_rules(text: str) -> int:
    """Add the rules (keyword, unit code, role, weight) not yet present; returns how many were added."""
    added = 0
    units = {u.code: u for u in Unit.objects.all()}
    have = set(SuggestionRule.objects.values_list("keyword", "unit__code", "role"))
    for row in csv.DictReader(io.StringIO(text)):
        key = (row["keyword"].strip(), row["unit"].strip(), row.get("role", "lead").strip() or "lead")
        if key in have or key[1] not in units:
            continue
        SuggestionRule.objects.create(
            keyword=key[0], unit=units[key[1]], role=key[2], weight=int(row.get("weight") or 1)
        )
        have.add(key)
        added += 1
    return added


def _header_map(header: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    names = [str(h or "").strip().lower() for h in header]
    for field, aliases in COLUMNS.items():
        for i, h in enumerate(names):
            if h in aliases:
                out[field] = i
                break
    missing = [f for f in ("code", "name", "kind") if f not in out]
    if missing:
        raise ValidationError(
            _(
                "表头缺少必需的列：%(cols)s（可用列名：代码、名称、简称、类别、上级代码、行政区划代码、排序）。"
            )
            % {"cols": "、".join(COLUMNS[m][1] for m in missing)}
        )
    return out


def _rows_from_table(table: Iterable[list[Any]]) -> Iterator[UnitRow]:
    it = iter(table)
    try:
        header = next(it)
    except StopIteration:
        raise ValidationError(_("文件是空的。")) from None
    cols = _header_map(header)
    seen: set[str] = set()
    for line, raw in enumerate(it, start=2):
        cells = ["" if c is None else str(c).strip() for c in raw]
        if not any(cells):
            continue

        def cell(field: str, cells: list[str] = cells) -> str:
            i = cols.get(field)
            return cells[i] if i is not None and i < len(cells) else ""

        code, name, kind = cell("code"), cell("name"), cell("kind")
        if not code or not name:
            raise ValidationError(_("第 %(line)s 行：代码和名称不能为空。") % {"line": line})
        if code in seen:
            raise ValidationError(
                _("第 %(line)s 行：单位代码 %(code)s 重复。") % {"line": line, "code": code}
            )
        seen.add(code)
        if kind not in KIND_NAMES:
            raise ValidationError(
                _(
                    "第 %(line)s 行：无法识别的单位类别“%(kind)s”（可填：政府部门、党委机关、盟市、旗县、其他）。"
                )
                % {"line": line, "kind": kind}
            )
        order = cell("order")
        if order and not order.isdigit():
            raise ValidationError(_("第 %(line)s 行：排序须为整数。") % {"line": line})
        yield UnitRow(
            code=code[:40],
            name=name[:120],
            short=cell("short")[:40],
            kind=KIND_NAMES[kind],
            parent=cell("parent"),
            division_code=cell("division_code")[:12],
            order=int(order or 0),
        )


def read_unit_rows(fh: IO[str]) -> list[UnitRow]:
    return list(_rows_from_table(csv.reader(fh)))


def read_units_file(path_or_file: Any, name: str = "") -> list[UnitRow]:
    """Rows from a CSV (UTF-8 or GB18030) or Excel (.xlsx) file."""
    name = name or str(getattr(path_or_file, "name", path_or_file))
    if name.lower().endswith(".xlsx"):
        from django.utils.translation import get_language

        from luoshi.document import DocumentError, open_workbook

        source = str(path_or_file) if isinstance(path_or_file, Path) else path_or_file
        try:
            wb = open_workbook(source)  # inflated once with a running limit: no zip bomb gets through
        except DocumentError as e:
            raise ValidationError(e.message(get_language() or "zh-hans")) from None
        sheet = wb.worksheets[0]
        return list(_rows_from_table([list(r) for r in sheet.iter_rows(values_only=True)]))
    data = Path(path_or_file).read_bytes() if isinstance(path_or_file, str | Path) else path_or_file.read()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(_("无法识别文件编码，请另存为 UTF-8 编码的 CSV。"))
    return read_unit_rows(io.StringIO(text))


@transaction.atomic
def import_units(rows: list[UnitRow]) -> LoadResult:
    """Create or update units by code; a parent may be in the same file (listed before or after)."""
    by_code = {r.code: r for r in rows}
    ordered: list[UnitRow] = []
    placed: set[str] = set()

    def place(row: UnitRow, depth: int = 0) -> None:
        if row.code in placed:
            return
        if depth > 20:
            raise ValidationError(_("单位“%(name)s”的上级关系形成了循环。") % {"name": row.name})
        if row.parent in by_code:
            place(by_code[row.parent], depth + 1)
        placed.add(row.code)
        ordered.append(row)

    for row in rows:
        place(row)
    result = LoadResult()
    _upsert(ordered, result)
    return result
