"""The attack suites: hostile input (``test_hostile_*``) and faults (``test_fault_*``).

Each case records one row (attack, expected, observed) with :func:`record`; ``make attacks`` runs
the suites at full size and writes the rows to ``docs/attacks.md``. The default run (``make test``,
CI) uses small sizes that still exercise every path; ``LUOSHI_ATTACK_FULL=1`` uses the sizes of the
review that found the faults.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .site import Browser, Database, Server, demo_database, drop, postgres_url

FULL = os.environ.get("LUOSHI_ATTACK_FULL", "") not in {"", "0"}
RESULTS = os.environ.get("LUOSHI_ATTACK_RESULTS", "")
ROOT = Path(__file__).resolve().parents[1]

_rows: list[tuple[str, str, str, str]] = []


def size(small: int, full: int) -> int:
    """``small`` in the default run, ``full`` with LUOSHI_ATTACK_FULL=1."""
    return full if FULL else small


def record(suite: str, attack: str, expected: str, observed: str) -> None:
    """One row of the results table (docs/attacks.md)."""
    _rows.append((suite, attack, expected, observed))


def database_label() -> str:
    return "PostgreSQL" if postgres_url() else "SQLite"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not RESULTS or not _rows:
        return
    path = Path(RESULTS)
    path = path if path.is_absolute() else ROOT / path
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    label = database_label()
    marker = f"<!-- attack results: {label} -->"
    lines = [marker, "", f"### {label}{'' if FULL else ' (small sizes)'}", ""]
    for suite in ("hostile", "fault"):
        rows = [r for r in _rows if r[0] == suite]
        if not rows:
            continue
        lines += ["", "| attack | expected | observed |", "| --- | --- | --- |"]
        lines += [f"| {_cell(a)} | {_cell(e)} | {_cell(o)} |" for _s, a, e, o in rows]
    lines += ["", f"<!-- end: {label} -->"]
    block = "\n".join(lines)
    pattern = re.compile(re.escape(marker) + r".*?" + re.escape(f"<!-- end: {label} -->"), re.S)
    new = pattern.sub(lambda m: block, old) if pattern.search(old) else old.rstrip() + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | None]:
    """The demo database built once per session (SQLite), copied for each site."""
    if postgres_url():
        yield None
        return
    db = demo_database(tmp_path_factory.mktemp("template"))
    yield db.home / "luoshi.sqlite3"


@pytest.fixture
def database(tmp_path: Path, template: Path | None) -> Iterator[Database]:
    db = demo_database(tmp_path, template)
    yield db
    drop(db)


@pytest.fixture
def server(database: Database) -> Iterator[Server]:
    srv = Server(database).start()
    yield srv
    srv.stop()


@pytest.fixture
def browser(server: Server) -> Browser:
    return Browser(server.url)


def sign_in(server: Server, username: str) -> Browser:
    return Browser(server.url).sign_in(username)


@pytest.fixture
def no_postgres() -> None:
    if postgres_url():
        pytest.skip("a SQLite case (its lock is the file's)")


__all__ = ["FULL", "Any", "record", "sign_in", "size"]
