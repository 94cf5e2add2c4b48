"""The full-text index beside the entries table: an FTS5 table kept in sync by triggers on SQLite, a
GIN index over the entries' tsvector on PostgreSQL. Other databases search with LIKE (no index)."""

from django.db import migrations


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    from django.db.utils import OperationalError

    from luoshi.search.backends import PG_CREATE, SQLITE_CREATE, SQLITE_TRIGGERS

    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        try:
            schema_editor.execute(SQLITE_CREATE[0])
        except OperationalError:  # SQLite built without FTS5: search falls back to LIKE
            return
        for sql in SQLITE_TRIGGERS:
            schema_editor.execute(sql)
    elif vendor == "postgresql":
        for sql in PG_CREATE:
            schema_editor.execute(sql)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    from luoshi.search.backends import FTS_TABLE, PG_DROP, SQLITE_DROP_TRIGGERS

    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for sql in SQLITE_DROP_TRIGGERS:
            schema_editor.execute(sql)
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif vendor == "postgresql":
        for sql in PG_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
