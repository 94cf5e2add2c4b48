"""Where the benchmarks' data lives, and how big it is.

By default each benchmark works on SQLite files under ``var/bench/``. With
``LUOSHI_BENCH_POSTGRESQL`` set to a PostgreSQL server (``postgresql://postgres@127.0.0.1:55432/bench``:
the database name is the prefix of the benchmark's databases) the same benchmarks run on databases
of that server: ``bench`` for the generated ledger, ``bench_api``, ``bench_dashboard`` and
``bench_supervision`` copied from it (``CREATE DATABASE … TEMPLATE``, a file copy on the server).
``LUOSHI_BENCH_SCALE=10`` makes the ledger ten times larger (500,000 tasks, 10,000,000 reports; the
units stay 2,000) in files and databases of its own (``…_x10``). The data is generated once and kept;
``python -m bench drop`` removes every benchmark database of the server (and ``rm -r var/bench`` the
files).
"""

from __future__ import annotations

import os
import shutil

from ._harness import ROOT

SERVER = os.environ.get("LUOSHI_BENCH_POSTGRESQL", "")
SCALE = int(os.environ.get("LUOSHI_BENCH_SCALE", "1") or "1")
FILES = ROOT / "var" / "bench"


def postgresql() -> bool:
    return SERVER.startswith(("postgres://", "postgresql://"))


def where() -> str:
    """What a section's title adds: the database and the size, when they are not the default."""
    parts = (["PostgreSQL"] if postgresql() else []) + ([f"×{SCALE}"] if SCALE != 1 else [])
    return f" ({', '.join(parts)})" if parts else ""


def describe() -> str:
    """The data, in words, for a section's introduction."""
    engine = "PostgreSQL" if postgresql() else "SQLite (WAL)"
    return f"2,000 units, {50_000 * SCALE:,} tasks, {1_000_000 * SCALE:,} reports, in {engine}"


def _name(name: str) -> str:
    suffix = f"_x{SCALE}" if SCALE != 1 else ""
    if postgresql():
        prefix = SERVER.rsplit("/", 1)[1] or "bench"
        return f"{prefix}{'' if name == 'ledger' else '_' + name}{suffix}"
    return f"{name}{suffix}.sqlite3"


def stem(name: str) -> str:
    """The name of ``name``'s database (or file, without its suffix), for files kept beside it."""
    return _name(name).removesuffix(".sqlite3") + ("_postgresql" if postgresql() else "")


def url(name: str) -> str:
    """The database URL of the benchmark database ``name`` (``ledger``, ``api``, ``dashboard`` …)."""
    if postgresql():
        return f"{SERVER.rsplit('/', 1)[0]}/{_name(name)}"
    return f"sqlite:///{FILES / _name(name)}"


def label(name: str) -> str:
    """Where the data of ``name`` is, for the introduction of a section."""
    return f"the database `{_name(name)}`" if postgresql() else f"`var/bench/{_name(name)}`"


def _admin() -> object:
    import psycopg

    return psycopg.connect(f"{SERVER.rsplit('/', 1)[0]}/postgres", autocommit=True)


def exists(name: str) -> bool:
    if not postgresql():
        return (FILES / _name(name)).exists()
    with _admin() as admin:  # type: ignore[attr-defined]
        return (
            admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [_name(name)]).fetchone()
            is not None
        )


def create(name: str) -> None:
    """An empty database for ``name`` (the files' directory for SQLite)."""
    if not postgresql():
        FILES.mkdir(parents=True, exist_ok=True)
        return
    with _admin() as admin:  # type: ignore[attr-defined]
        admin.execute(f'CREATE DATABASE "{_name(name)}"')


def drop(name: str) -> None:
    if not postgresql():
        for suffix in ("", "-wal", "-shm"):
            (FILES / (_name(name) + suffix)).unlink(missing_ok=True)
        return
    with _admin() as admin:  # type: ignore[attr-defined]
        admin.execute(f'DROP DATABASE IF EXISTS "{_name(name)}" WITH (FORCE)')


def copy(source: str, target: str) -> None:
    """``target`` made a fresh copy of ``source``."""
    drop(target)
    if not postgresql():
        shutil.copyfile(FILES / _name(source), FILES / _name(target))
        return
    with _admin() as admin:  # type: ignore[attr-defined]
        admin.execute(f'CREATE DATABASE "{_name(target)}" TEMPLATE "{_name(source)}"')


def drop_all() -> list[str]:
    """Every benchmark database of the server (``python -m bench drop``)."""
    if not postgresql():
        return []
    prefix = SERVER.rsplit("/", 1)[1] or "bench"
    with _admin() as admin:  # type: ignore[attr-defined]
        names = [
            r[0]
            for r in admin.execute(
                "SELECT datname FROM pg_database WHERE datname = %s OR datname LIKE %s",
                [prefix, prefix + "\\_%"],
            )
        ]
        for n in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)')
    return names


def settings_env() -> dict[str, str]:
    """The environment a benchmark process runs Django with: production settings, no query logging."""
    return {
        "LUOSHI_DEBUG": "0",
        "LUOSHI_SECRET_KEY": os.environ.get("LUOSHI_SECRET_KEY", "bench-" + "x" * 40),
        "LUOSHI_ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "luoshi.web.settings",
    }
