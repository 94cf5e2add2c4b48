"""One at a time across every node: a named lock held for the length of a piece of work.

On PostgreSQL it is a session-level advisory lock (``pg_try_advisory_lock``) on the connection that
does the work: every node sees it, and the database lets it go when the work ends or the connection
drops, so a process killed halfway holds nothing. On SQLite every node works on one database file,
hence on one machine: the lock is an exclusive ``flock`` on a file beside the database, which the
kernel lets go when the process dies.

    with exclusive("supervise") as mine:
        if not mine:
            ...  # another node is at it: skip
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``name`` (the same on every node and every release)."""
    return int.from_bytes(hashlib.sha256(f"luoshi:{name}".encode()).digest()[:8], "big", signed=True)


def lock_file(name: str) -> Path:
    """The file an SQLite ledger's lock ``name`` is taken on: beside the database file."""
    db = str(connection.settings_dict["NAME"])
    if db == ":memory:" or db.startswith("file:") or "mode=memory" in db:
        return Path(tempfile.gettempdir()) / f"luoshi-{os.getuid()}-memory.{name}.lock"
    return Path(f"{db}.{name}.lock")


@contextmanager
def exclusive(name: str, *, wait: bool = False, poll: float = 0.2) -> Iterator[bool]:
    """Hold the lock ``name`` for the block; yields False at once if another holds it, unless ``wait``."""
    if connection.vendor == "postgresql":
        key = advisory_key(name)
        with connection.cursor() as cursor:
            if wait:
                cursor.execute("SELECT pg_advisory_lock(%s)", [key])
                got = True
            else:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
                got = bool(cursor.fetchone()[0])
        try:
            yield got
        finally:
            if got and connection.connection is not None:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    path = lock_file(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o640)
    try:
        got = _flock(fd, wait, poll)
        try:
            yield got
        finally:
            if got:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _flock(fd: int, wait: bool, poll: float) -> bool:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if not wait:
                return False
            time.sleep(poll)


def held(name: str) -> bool:
    """Whether some process holds the lock ``name`` right now (for status pages and tests)."""
    with exclusive(name) as mine:
        return not mine
