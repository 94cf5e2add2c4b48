"""Which database a command uses, decided before Django starts: a read never creates one, and beside
``luoshi demo`` it reads the demo's and says so (luoshi.cli_database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.cli_database import Choice, NoDatabase, choose, empty_note, label


@pytest.fixture(autouse=True)
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LUOSHI_LANGUAGE", raising=False)


def env(home: Path, **more: str) -> dict[str, str]:
    return {"LUOSHI_HOME": str(home), **more}


def test_a_read_with_no_database_at_all_stops_and_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(NoDatabase) as e:
        choose(env(tmp_path), reads=True)
    assert str(e.value) == (
        f"还没有数据库：{tmp_path / 'luoshi.sqlite3'} 不存在。先导入决定（luoshi import 文件），"
        "或建立演示数据库（luoshi demo）。"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_read_beside_the_demo_reads_the_demo_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "demo.sqlite3").write_bytes(b"")
    choice = choose(env(tmp_path), reads=True)
    assert choice.demo
    assert choice.url == f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert choice.label == f"SQLite {tmp_path / 'demo.sqlite3'}"
    assert choice.notes == [
        f"还没有自己的数据库（{tmp_path / 'luoshi.sqlite3'}），以下读取演示数据库（luoshi demo 建立）。"
        "自己的数据库在导入决定时建立：luoshi import 文件。"
    ]
    assert not (tmp_path / "luoshi.sqlite3").exists()


def test_a_read_with_a_database_of_ones_own_reads_it_silently(tmp_path: Path) -> None:
    (tmp_path / "luoshi.sqlite3").write_bytes(b"")
    (tmp_path / "demo.sqlite3").write_bytes(b"")
    choice = choose(env(tmp_path), reads=True)
    assert choice.url is None
    assert choice.default
    assert not choice.demo
    assert choice.label == f"SQLite {tmp_path / 'luoshi.sqlite3'}"
    assert choice.notes == []


def test_a_write_creates_the_default_database_and_leaves_the_demo_alone(tmp_path: Path) -> None:
    (tmp_path / "demo.sqlite3").write_bytes(b"")
    choice = choose(env(tmp_path), reads=False)
    assert choice.url is None
    assert not choice.demo
    assert choice.notes == [
        f"将新建数据库：{tmp_path / 'luoshi.sqlite3'}（演示数据库 {tmp_path / 'demo.sqlite3'} 不受影响）"
    ]


def test_demo_asks_for_the_demo_and_fails_without_one(tmp_path: Path) -> None:
    with pytest.raises(NoDatabase, match=r"没有演示数据库（.*demo.sqlite3）：先运行 luoshi demo。"):
        choose(env(tmp_path), reads=True, demo=True)
    (tmp_path / "demo.sqlite3").write_bytes(b"")
    (tmp_path / "luoshi.sqlite3").write_bytes(b"")
    assert choose(env(tmp_path), reads=True, demo=True).demo


def test_a_named_database_file_that_is_missing_is_never_replaced_by_an_empty_one(tmp_path: Path) -> None:
    named = tmp_path / "elsewhere" / "ledger.sqlite3"
    with pytest.raises(NoDatabase, match="数据库文件不存在"):
        choose(env(tmp_path, LUOSHI_DATABASE_URL=f"sqlite:///{named}"), reads=True)
    (tmp_path / "demo.sqlite3").write_bytes(b"")  # nor by the demo's: the user named a database
    with pytest.raises(NoDatabase):
        choose(env(tmp_path, LUOSHI_DATABASE_URL=f"sqlite:///{named}"), reads=True)


def test_postgresql_is_named_by_host_and_database_never_by_password(tmp_path: Path) -> None:
    url = "postgresql://luoshi:s3cret@db.example:5433/ledger"
    choice = choose(env(tmp_path, LUOSHI_DATABASE_URL=url), reads=True)
    assert choice.label == "PostgreSQL db.example:5433/ledger（用户 luoshi）"
    assert "s3cret" not in choice.label
    assert label({"ENGINE": "django.db.backends.postgresql", "NAME": "x"}) == "PostgreSQL localhost:5432/x"


def test_a_bad_url_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(NoDatabase, match="配置有误：LUOSHI_DATABASE_URL="):
        choose(env(tmp_path, LUOSHI_DATABASE_URL="mysql://x/y"), reads=True)


def test_an_empty_default_database_beside_the_demo_is_pointed_out(tmp_path: Path) -> None:
    own = Choice(None, {}, default=True)
    assert empty_note(own, has_decisions=False, env=env(tmp_path)) is None  # no demo to point to
    (tmp_path / "demo.sqlite3").write_bytes(b"")
    note = empty_note(own, has_decisions=False, env=env(tmp_path))
    assert note is not None
    assert "数据库中还没有任何决定" in note
    assert "--demo" in note
    assert empty_note(own, has_decisions=True, env=env(tmp_path)) is None


def test_the_notes_follow_the_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUOSHI_LANGUAGE", "en")
    with pytest.raises(NoDatabase, match=r"No database yet: .* does not exist"):
        choose(env(tmp_path), reads=True)


def test_a_dry_run_with_nowhere_to_write_yet_runs_in_memory(tmp_path: Path) -> None:
    choice = choose(env(tmp_path), reads=False, dry_run=True)
    assert choice.url == "sqlite:///:memory:"
    assert choice.notes == [
        f"数据库 {tmp_path / 'luoshi.sqlite3'} 尚未建立：试运行按空台账进行，不建立数据库。"
    ]
    (tmp_path / "luoshi.sqlite3").write_bytes(b"")
    assert choose(env(tmp_path), reads=False, dry_run=True).url is None
