"""The tiled grid of Inner Mongolia's 12 leagues and cities, with 满洲里 and 二连浩特, laid out roughly
as the region lies: west (阿拉善) to east (呼伦贝尔, 通辽), north at the top.

No boundary map is bundled (docs/decisions.md says why): a grid of equal tiles shows every league
and city at the same size, however small (乌海) or large (呼伦贝尔), and prints in black and white.
Tiles are keyed by division code; a league or city the layout does not know (another region's
catalogue) is placed after the known ones, in catalogue order, on the rows below.
"""

from __future__ import annotations

COLUMNS = 8
ROWS = 4

# division code -> (column, row), both from 1
LAYOUT: dict[str, tuple[int, int]] = {
    "150781": (7, 1),  # 满洲里市
    "150700": (8, 1),  # 呼伦贝尔市
    "152501": (5, 2),  # 二连浩特市
    "152500": (6, 2),  # 锡林郭勒盟
    "152200": (8, 2),  # 兴安盟
    "150800": (2, 3),  # 巴彦淖尔市
    "150200": (3, 3),  # 包头市
    "150100": (4, 3),  # 呼和浩特市
    "150900": (5, 3),  # 乌兰察布市
    "150400": (7, 3),  # 赤峰市
    "150500": (8, 3),  # 通辽市
    "152900": (1, 4),  # 阿拉善盟
    "150300": (2, 4),  # 乌海市
    "150600": (3, 4),  # 鄂尔多斯市
}


def tile_of(division_code: str | None) -> tuple[int | None, int | None]:
    """Where a league or city sits on the grid, or (None, None) when the layout does not know it."""
    return LAYOUT.get(division_code or "", (None, None))


def place(tiles: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    """Give every tile a place: known ones keep theirs, the others fill rows after the grid, in order."""
    extra = [t for t in tiles if t.get("col") is None]
    for n, t in enumerate(extra):
        t["col"], t["row"] = n % COLUMNS + 1, ROWS + 1 + n // COLUMNS
    return sorted(tiles, key=lambda t: (t["row"], t["col"]))
