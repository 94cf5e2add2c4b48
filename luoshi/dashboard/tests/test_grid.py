"""The tiled grid: every league and city of the catalogue has a tile of its own, west to east."""

from __future__ import annotations

from typing import Any

import pytest

from luoshi.dashboard.grid import COLUMNS, LAYOUT, ROWS, place, tile_of


def test_every_tile_has_its_own_place_inside_the_grid() -> None:
    assert len(set(LAYOUT.values())) == len(LAYOUT) == 14
    assert all(1 <= c <= COLUMNS and 1 <= r <= ROWS for c, r in LAYOUT.values())


def test_the_grid_runs_west_to_east_as_the_region_does() -> None:
    alxa, ordos, hohhot, chifeng, hulunbuir = (
        tile_of(c)[0] for c in ("152900", "150600", "150100", "150400", "150700")
    )
    assert alxa < ordos < hohhot < chifeng <= hulunbuir  # type: ignore[operator]


@pytest.mark.django_db
def test_the_bundled_catalogues_leagues_and_cities_all_have_a_tile() -> None:
    from luoshi.ledger.catalogue import load_inner_mongolia
    from luoshi.ledger.models import Unit

    load_inner_mongolia()
    codes = set(Unit.objects.leagues().values_list("division_code", flat=True))
    assert codes == set(LAYOUT)  # the 12 leagues and cities, 满洲里 and 二连浩特


def test_a_league_the_layout_does_not_know_is_placed_below_the_grid() -> None:
    tiles: list[dict[str, Any]] = [
        {"col": None, "row": None, "name": "某市"},
        {"col": 2, "row": 3, "name": "包头"},
    ]
    placed = place(tiles)
    assert [(t["name"], t["col"], t["row"]) for t in placed] == [("包头", 2, 3), ("某市", 1, ROWS + 1)]
