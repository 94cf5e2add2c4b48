"""Which database a ``luoshi`` command works on, said aloud; and a read never creates one.

``luoshi demo`` builds ``LUOSHI_HOME/demo.sqlite3``; everything else uses ``LUOSHI_DATABASE_URL``,
by default ``LUOSHI_HOME/luoshi.sqlite3``. Beside a fresh ``make demo`` the second does not exist yet:
a command that only reads the ledger (supervise, report, dashboard refresh, indicators assess,
reindex) then works on the demo's database and says so, rather than creating an empty database of
its own and reporting zeros; without a demo either, it stops and says what to do. ``--demo`` asks
for the demo's database outright. Commands that write (import, load-units, indicators load/import,
serve) create the default database when it is missing, and say that too.

Pure Python: decided before Django is set up, since Django reads the database URL once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cli_i18n import _
from .web.env import SettingError, database_from_url

DEFAULT_URL = "sqlite:///luoshi.sqlite3"
DEMO_NAME = "demo.sqlite3"


class NoDatabase(Exception):
    """There is no database to read (said in the command's language)."""


@dataclass
class Choice:
    url: str | None  # the LUOSHI_DATABASE_URL to use (None: the environment's, or the default)
    database: dict[str, Any]  # Django's DATABASES entry it gives
    notes: list[str] = field(default_factory=list)  # said on standard error
    demo: bool = False  # the demo's database
    default: bool = False  # the default database (no LUOSHI_DATABASE_URL)

    @property
    def label(self) -> str:
        return label(self.database)


def home(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    return Path((env.get("LUOSHI_HOME") or "").strip() or "./var").expanduser().resolve()


def demo_path(env: Mapping[str, str] | None = None) -> Path:
    return home(env) / DEMO_NAME


def _sqlite_file(database: dict[str, Any]) -> Path | None:
    if database.get("ENGINE", "").endswith("sqlite3") and database.get("NAME") != ":memory:":
        return Path(database["NAME"])
    return None


def choose(
    env: Mapping[str, str] | None = None, *, reads: bool, demo: bool = False, dry_run: bool = False
) -> Choice:
    """The database a command should use. Raises :class:`NoDatabase` when a read has none.

    ``dry_run``: a write that writes nothing (``luoshi import --dry-run``) runs on an empty database in
    memory when the one it would write to does not exist yet, rather than create it.
    """
    env = os.environ if env is None else env
    where = home(env)
    demo_db = where / DEMO_NAME
    demo_url = f"sqlite:///{demo_db}"
    if demo:
        if not demo_db.is_file():
            raise NoDatabase(_("没有演示数据库（{path}）：先运行 luoshi demo。").format(path=demo_db))
        return Choice(demo_url, database_from_url(demo_url, home=where), demo=True)
    given = (env.get("LUOSHI_DATABASE_URL") or "").strip()
    try:
        database = database_from_url(given or DEFAULT_URL, home=where)
    except SettingError as e:
        raise NoDatabase(_("配置有误：{error}").format(error=e)) from None
    choice = Choice(None, database, default=not given)
    path = _sqlite_file(database)
    if path is None or path.is_file():
        return choice
    if given:  # the file the user named is not there: never make an empty one in its place
        if reads:
            raise NoDatabase(_("数据库文件不存在：{path}（LUOSHI_DATABASE_URL）。").format(path=path))
        choice.notes.append(_("将新建数据库：{path}").format(path=path))
        return choice
    if reads:
        if demo_db.is_file():
            demo_choice = Choice(demo_url, database_from_url(demo_url, home=where), demo=True)
            demo_choice.notes.append(
                _(
                    "还没有自己的数据库（{own}），以下读取演示数据库（luoshi demo 建立）。"
                    "自己的数据库在导入决定时建立：luoshi import 文件。"
                ).format(own=path)
            )
            return demo_choice
        raise NoDatabase(
            _(
                "还没有数据库：{path} 不存在。先导入决定（luoshi import 文件），"
                "或建立演示数据库（luoshi demo）。"
            ).format(path=path)
        )
    if dry_run:
        memory = "sqlite:///:memory:"
        dry = Choice(memory, database_from_url(memory, home=where))
        dry.notes.append(_("数据库 {path} 尚未建立：试运行按空台账进行，不建立数据库。").format(path=path))
        return dry
    note = _("将新建数据库：{path}").format(path=path)
    if demo_db.is_file():
        note += _("（演示数据库 {demo} 不受影响）").format(demo=demo_db)
    choice.notes.append(note)
    return choice


def label(database: Mapping[str, Any]) -> str:
    """The database in a line a person can check: a SQLite file, or PostgreSQL's host and database
    (never the password)."""
    engine = str(database.get("ENGINE", ""))
    name = str(database.get("NAME", ""))
    if engine.endswith("sqlite3"):
        return f"SQLite {name}"
    if "postgresql" in engine:
        host = database.get("HOST") or "localhost"
        port = database.get("PORT") or "5432"
        text = f"PostgreSQL {host}:{port}/{name}"
        if database.get("USER"):
            text += _("（用户 {user}）").format(user=database["USER"])
        return text
    return f"{engine.rsplit('.', 1)[-1]} {name}"


def empty_note(choice: Choice, has_decisions: bool, env: Mapping[str, str] | None = None) -> str | None:
    """What to say when a read finds the default database empty while a demo database exists."""
    demo_db = demo_path(env)
    if has_decisions or choice.demo or not demo_db.is_file():
        return None
    return _(
        "数据库中还没有任何决定。演示数据在 {demo}：加 --demo 读取它，"
        "或设置 LUOSHI_DATABASE_URL=sqlite:///{demo}。"
    ).format(demo=demo_db)
