"""Every row of the ledger, out of one database and into another, checked on arrival.

One format for three commands: ``luoshi backup`` writes each table's rows into an archive,
``luoshi restore`` reads them into an empty database, ``luoshi migrate-data`` copies them from the
running database straight into another (SQLite to PostgreSQL). Rows are read through the models, so
that a value means the same on either database (an aware moment, a decimal, a JSON document), and
written with ``bulk_create`` in one transaction per load: a failed load leaves the target as empty as
it was. Each table's checksum is the SHA-256 of its rows in primary-key order, each row written as
canonical JSON; the same rows give the same checksum on SQLite and PostgreSQL, so a copy is verified
by counting and hashing it again on the other side.

A running ledger is read from a consistent snapshot: an SQLite file is first copied with SQLite's
online backup (the app goes on writing meanwhile), PostgreSQL is read in one ``REPEATABLE READ``
transaction.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder

BATCH = 2000
# rows Django's own migrations put in a fresh database; a target holding only these is empty
BOOKKEEPING = {"contenttypes.contenttype", "auth.permission"}


class TransferError(Exception):
    """What stops a backup, restore or copy, in the user's words (``zh``; ``en`` for LUOSHI_LANGUAGE=en)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh, self.en = zh, en


def ledger_models() -> list[type[models.Model]]:
    """Every table luoshi and Django keep, many-to-many tables included, in a stable order."""
    found = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy and not m._meta.swapped
    ]
    return sorted(found, key=lambda m: m._meta.label_lower)


def columns(model: type[models.Model]) -> list[models.Field]:
    return list(model._meta.concrete_fields)


def canonical(value: Any) -> Any:
    """A value as JSON, the same whichever database it came from."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview | bytearray):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _line(row: Iterable[Any]) -> str:
    return json.dumps([canonical(v) for v in row], ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def rows(model: type[models.Model], using: str) -> Iterator[tuple[Any, ...]]:
    names = [f.attname for f in columns(model)]
    found: Iterator[tuple[Any, ...]] = (
        model._base_manager.using(using).order_by("pk").values_list(*names).iterator(chunk_size=BATCH)
    )
    return found


@dataclass
class TableSum:
    rows: int = 0
    sha256: str = ""


def checksum(model: type[models.Model], using: str, sink: Callable[[str], None] | None = None) -> TableSum:
    """Count and hash a table's rows (handing each canonical line to ``sink`` on the way)."""
    digest = hashlib.sha256()
    n = 0
    for row in rows(model, using):
        line = _line(row)
        digest.update(line.encode())
        digest.update(b"\n")
        if sink is not None:
            sink(line)
        n += 1
    return TableSum(n, digest.hexdigest())


def decoder(model: type[models.Model]) -> Callable[[list[Any]], models.Model]:
    """Turn a canonical line back into an unsaved instance of ``model``."""
    fields = columns(model)

    def build(values: list[Any]) -> models.Model:
        kwargs = {}
        for f, v in zip(fields, values, strict=True):
            if v is not None and not isinstance(f, models.JSONField):
                if isinstance(f, models.DurationField):
                    v = dt.timedelta(seconds=v)
                elif isinstance(f, models.ForeignKey):
                    v = f.target_field.to_python(v)
                else:
                    v = f.to_python(v)
            kwargs[f.attname] = v
        return model(**kwargs)

    return build


# --- databases --------------------------------------------------------------------------------


def add_database(alias: str, entry: dict[str, Any]) -> str:
    """Make ``alias`` a usable connection (in this thread) for ``entry``, a DATABASES entry.

    The connection is made here and handed to Django's connection handler without becoming a setting,
    as a connection of the moment: the ORM reaches it with ``using(alias)``, nothing else lists it.
    """
    from django.db.utils import load_backend

    configured = connections.configure_settings({"default": dict(entry)})["default"]
    old = getattr(connections._connections, alias, None)
    if old is not None:
        old.close()
    backend = load_backend(configured["ENGINE"])
    setattr(connections._connections, alias, backend.DatabaseWrapper(configured, alias))
    return alias


def drop_database(alias: str) -> None:
    """Close and forget a connection made by ``add_database``."""
    conn = getattr(connections._connections, alias, None)
    if conn is not None:
        conn.close()
        delattr(connections._connections, alias)


def describe(alias: str) -> str:
    """Which database ``alias`` is, in words (never the password)."""
    db = connections[alias].settings_dict
    if connections[alias].vendor == "sqlite":
        return f"SQLite {db['NAME']}"
    where = f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{db['NAME']}"
    return f"PostgreSQL {db.get('USER') + '@' if db.get('USER') else ''}{where}"


def applied_migrations(alias: str) -> set[tuple[str, str]]:
    return set(MigrationRecorder(connections[alias]).applied_migrations())


def require_migrated(alias: str) -> None:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[alias])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise TransferError(
            f"数据库 {describe(alias)} 还有未执行的迁移：先运行 luoshi manage migrate。",
            f"The database {describe(alias)} has migrations to apply: run luoshi manage migrate first.",
        )


def occupied_tables(alias: str) -> list[str]:
    """The tables of ``alias`` that hold rows other than what migrating an empty database puts there."""
    full = []
    existing = set(connections[alias].introspection.table_names())
    for model in ledger_models():
        if model._meta.label_lower in BOOKKEEPING or model._meta.db_table not in existing:
            continue
        if model._base_manager.using(alias).exists():
            full.append(model._meta.db_table)
    return full


def prepare_target(alias: str) -> None:
    """Migrate the target and refuse it when it already holds anything of a ledger."""
    from django.core.management import call_command

    full = occupied_tables(alias)
    if full:
        raise TransferError(
            f"目标数据库 {describe(alias)} 不是空的（{len(full)} 张表已有数据，如 {full[0]}），没有写入任何内容。"
            "请指定一个新建的空数据库。",
            f"The target database {describe(alias)} is not empty ({len(full)} tables hold rows, e.g. {full[0]});"
            " nothing was written. Give a newly created, empty database.",
        )
    call_command("migrate", database=alias, verbosity=0, interactive=False)


@contextmanager
def snapshot(alias: str = "default") -> Iterator[str]:
    """A consistent view of the running database ``alias``: the alias to read it through.

    SQLite: a copy made with the online backup API (writers go on meanwhile) in a temporary folder.
    PostgreSQL: the same connection, inside one read-only REPEATABLE READ transaction.
    """
    conn = connections[alias]
    if conn.vendor == "sqlite":
        with tempfile.TemporaryDirectory(prefix="luoshi-snapshot-") as folder:
            copy = Path(folder) / "snapshot.sqlite3"
            conn.ensure_connection()
            with sqlite3.connect(copy) as target:
                conn.connection.backup(target)
            target.close()
            entry = dict(conn.settings_dict)
            entry["NAME"] = str(copy)
            entry["OPTIONS"] = {}
            snap = add_database("luoshi-snapshot", entry)
            try:
                yield snap
            finally:
                drop_database(snap)
        return
    with transaction.atomic(using=alias):
        with conn.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield alias


# --- loading ----------------------------------------------------------------------------------


def load(
    alias: str, tables: Iterable[tuple[type[models.Model], Iterable[list[Any]]]], log: Callable[[str], None]
) -> dict[str, int]:
    """Write the rows into ``alias`` (migrated, holding only bookkeeping rows) in one transaction."""
    counts: dict[str, int] = {}
    conn = connections[alias]
    with transaction.atomic(using=alias), _stored_times_kept():
        everything = ledger_models()
        for model in reversed(everything):  # the bookkeeping rows give way to the source's own
            model._base_manager.using(alias).all()._raw_delete(alias)
        for model, lines in tables:
            build = decoder(model)
            batch: list[models.Model] = []
            n = 0
            for values in lines:
                batch.append(build(values))
                if len(batch) >= BATCH:
                    model._base_manager.using(alias).bulk_create(batch)
                    n += len(batch)
                    batch = []
            if batch:
                model._base_manager.using(alias).bulk_create(batch)
                n += len(batch)
            counts[model._meta.label_lower] = n
            if n:
                log(f"  {model._meta.db_table}: {n:,} 行")
        statements = conn.ops.sequence_reset_sql(no_style(), everything)
        if statements:
            with conn.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
    return counts


@contextmanager
def _stored_times_kept() -> Iterator[None]:
    """A copied row keeps the moments it was saved at: ``auto_now`` fields would stamp the load's time."""
    patched = []
    for model in ledger_models():
        for f in columns(model):
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                f.pre_save = lambda instance, add, f=f: getattr(instance, f.attname)
                patched.append(f)
    try:
        yield
    finally:
        for f in patched:
            del f.pre_save


def verify(alias: str, expected: dict[str, TableSum]) -> list[str]:
    """The tables of ``alias`` whose count or checksum differs from ``expected`` (label → sum)."""
    wrong = []
    for model in ledger_models():
        label = model._meta.label_lower
        if label not in expected:
            continue
        got = checksum(model, alias)
        want = expected[label]
        if (got.rows, got.sha256) != (want.rows, want.sha256):
            if got.rows != want.rows:
                wrong.append(f"{model._meta.db_table}（应有 {want.rows} 行，实有 {got.rows} 行）")
            else:
                wrong.append(f"{model._meta.db_table}（{got.rows} 行，内容的校验和不同）")
    return wrong


# --- files ------------------------------------------------------------------------------------


@dataclass
class StoredFile:
    name: str
    sha256: str  # as recorded when it was uploaded ("" when the model keeps none)


def file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in columns(model) if isinstance(f, models.FileField)]


def stored_files(alias: str) -> Iterator[StoredFile]:
    """Every file the ledger's rows point to, with the digest recorded at upload where there is one."""
    for model in ledger_models():
        for f in file_fields(model):
            has_digest = any(c.attname == "sha256" for c in columns(model))
            values = ["sha256"] if has_digest else []
            for name, *digest in (
                model._base_manager.using(alias)
                .exclude(**{f.attname: ""})
                .order_by("pk")
                .values_list(f.attname, *values)
            ):
                yield StoredFile(name, digest[0] if digest else "")


def file_digest(storage: Any, name: str) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with storage.open(name, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


@dataclass
class Checked:
    tables: dict[str, TableSum] = field(default_factory=dict)
    files: int = 0
    missing: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
