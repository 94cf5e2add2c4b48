"""Fixtures for the Django apps' tests: named personas and a clean place for uploaded files.

The personas (each a signed-in user with one role):
- ``office``: 王敏 of the supervision office (督查室), who runs the checklist;
- ``reporter_a`` / ``unit_leader_a``: reporter and leader of unit A (自治区发展和改革委员会);
- ``reporter_b`` / ``unit_leader_b``: reporter and leader of unit B (自治区教育厅);
- ``league_reporter``: reporter of 鄂尔多斯市, whose banners are ``banner`` (达拉特旗) and ``banner2``;
- ``leader``: a leader who reads everything; ``auditor``: reads the audit trail;
- ``stranger``: signed in, but given no role.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _files_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def unit_a(db: Any) -> Any:
    from luoshi.ledger.tests.factory import make_unit

    return make_unit(code="nmg-fgw", name="自治区发展和改革委员会", short="发展改革委")


@pytest.fixture
def unit_b(db: Any) -> Any:
    from luoshi.ledger.tests.factory import make_unit

    return make_unit(code="nmg-jyt", name="自治区教育厅", short="教育厅")


@pytest.fixture
def league(db: Any) -> Any:
    from luoshi.ledger.models import UnitKind
    from luoshi.ledger.tests.factory import make_unit

    return make_unit(
        code="150600", name="鄂尔多斯市", short="鄂尔多斯", kind=UnitKind.LEAGUE_CITY, division_code="150600"
    )


@pytest.fixture
def banner(league: Any) -> Any:
    from luoshi.ledger.models import UnitKind
    from luoshi.ledger.tests.factory import make_unit

    return make_unit(
        code="150621", name="达拉特旗", kind=UnitKind.BANNER_COUNTY, parent=league, division_code="150621"
    )


@pytest.fixture
def banner2(league: Any) -> Any:
    from luoshi.ledger.models import UnitKind
    from luoshi.ledger.tests.factory import make_unit

    return make_unit(
        code="150622", name="准格尔旗", kind=UnitKind.BANNER_COUNTY, parent=league, division_code="150622"
    )


def _persona(username: str, role: str | None, unit: Any = None, name: str = "") -> Any:
    from luoshi.ledger.tests.factory import make_user

    return make_user(username, role=role, unit=unit, first_name=name)


@pytest.fixture
def office(db: Any) -> Any:
    return _persona("office", "office", name="王敏")


@pytest.fixture
def reporter_a(unit_a: Any) -> Any:
    return _persona("reporter_a", "reporter", unit_a, "李强")


@pytest.fixture
def unit_leader_a(unit_a: Any) -> Any:
    return _persona("unit_leader_a", "unit_leader", unit_a, "张伟")


@pytest.fixture
def reporter_b(unit_b: Any) -> Any:
    return _persona("reporter_b", "reporter", unit_b, "赵丽")


@pytest.fixture
def unit_leader_b(unit_b: Any) -> Any:
    return _persona("unit_leader_b", "unit_leader", unit_b, "孙燕")


@pytest.fixture
def league_reporter(league: Any) -> Any:
    return _persona("league_reporter", "reporter", league, "高原")


@pytest.fixture
def banner_reporter(banner: Any) -> Any:
    return _persona("banner_reporter", "reporter", banner, "白云")


@pytest.fixture
def leader(db: Any) -> Any:
    return _persona("leader", "leader", name="刘军")


@pytest.fixture
def auditor(db: Any) -> Any:
    return _persona("auditor", "auditor", name="陈静")


@pytest.fixture
def stranger(db: Any) -> Any:
    return _persona("stranger", None, name="路人")


@pytest.fixture
def as_user(client: Any) -> Any:
    """``as_user(persona)`` signs the test client in as that persona and returns the client."""

    def sign_in(user: Any) -> Any:
        client.force_login(user)
        return client

    return sign_in
