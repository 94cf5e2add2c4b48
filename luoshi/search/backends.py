"""How the database matches and ranks: SQLite FTS5, PostgreSQL text search, or a plain fallback.

All three take the same tokens (tokens.py), so a query finds the same records on either database;
only the ranking function differs (FTS5's bm25, PostgreSQL's ts_rank), each weighting a match in the
title above one in the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.db.models import FloatField, Q, Value

from .tokens import Term

FTS_TABLE = "search_fts"
ENTRY_TABLE = "search_searchentry"

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        title_tokens, body_tokens, content='{ENTRY_TABLE}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
]
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON {ENTRY_TABLE} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens); END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON {ENTRY_TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens); END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON {ENTRY_TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
        INSERT INTO {FTS_TABLE}(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens); END""",
]
SQLITE_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
]
PG_VECTOR = (
    "(setweight(to_tsvector('simple'::regconfig, search_searchentry.title_tokens), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, search_searchentry.body_tokens), 'B'))"
)
PG_CREATE = [f"CREATE INDEX IF NOT EXISTS search_entry_tsv ON {ENTRY_TABLE} USING gin ({PG_VECTOR})"]
PG_DROP = ["DROP INDEX IF EXISTS search_entry_tsv"]


class Backend:
    name = "fallback"

    def matching(self, qs: Any, terms: list[Term]) -> Any:
        """``qs`` narrowed to entries matching every term, with a ``score`` (higher is better)."""
        for term in terms:
            qs = qs.filter(Q(title__icontains=term.text) | Q(body__icontains=term.text))
        return qs.annotate(score=Value(0.0, output_field=FloatField()))

    def ranked_ids(self, qs: Any, terms: list[Term], *, limit: int) -> list[tuple[int, float]]:
        """(entry id, score) of the newest ``limit`` entries of ``qs`` (the entries a user may read)
        matching every term, newest first: one query, in which the database walks the matches from the
        newest and stops at the limit, scoring only those it keeps."""
        rows = self.matching(qs, terms).order_by("-id")[:limit].values_list("pk", "score")
        return [(int(pk), float(score or 0.0)) for pk, score in rows]

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Around a rebuild: whatever makes writing many entries at once fast."""
        yield


class SqliteFts(Backend):
    name = "sqlite-fts5"

    @staticmethod
    def match_expression(terms: list[Term]) -> str:
        phrases = []
        for term in terms:
            phrase = '"' + " ".join(t.replace('"', '""') for t in term.tokens) + '"'
            phrases.append(phrase + (" *" if term.prefix else ""))
        return " AND ".join(phrases)

    def matching(self, qs: Any, terms: list[Term]) -> Any:
        # FTS5's MATCH and bm25() have no ORM expression: the virtual table joins through extra(), and
        # the order is its rowid's, which FTS5 walks itself from the newest (no sort of the matches)
        return qs.extra(
            tables=[FTS_TABLE],
            where=[f"{FTS_TABLE}.rowid = {ENTRY_TABLE}.id", f"{FTS_TABLE} MATCH %s"],
            params=[self.match_expression(terms)],
            select={"score": f"-bm25({FTS_TABLE}, 4.0, 1.0)"},
        )

    def ranked_ids(self, qs: Any, terms: list[Term], *, limit: int) -> list[tuple[int, float]]:
        rows = (
            self.matching(qs, terms)
            .extra(order_by=[f"-{FTS_TABLE}.rowid"])[:limit]
            .values_list("pk", "score")
        )
        return [(int(pk), float(score or 0.0)) for pk, score in rows]

    @contextmanager
    def bulk(self) -> Iterator[None]:
        with connection.cursor() as cursor:
            for sql in SQLITE_DROP_TRIGGERS:
                cursor.execute(sql)
        yield
        with connection.cursor() as cursor:
            for sql in SQLITE_TRIGGERS:
                cursor.execute(sql)
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")


class PostgresText(Backend):
    name = "postgresql"

    @staticmethod
    def tsquery(terms: list[Term]) -> str:
        parts = []
        for term in terms:
            lexemes = ["'" + t.replace("'", "''") + "'" for t in term.tokens]
            if term.prefix:
                lexemes[-1] += ":*"
            parts.append("(" + " <-> ".join(lexemes) + ")")
        return " & ".join(parts)

    def matching(self, qs: Any, terms: list[Term]) -> Any:
        query = self.tsquery(terms)
        return qs.extra(
            where=[f"{PG_VECTOR} @@ to_tsquery('simple'::regconfig, %s)"],
            params=[query],
            select={"score": f"ts_rank({PG_VECTOR}, to_tsquery('simple'::regconfig, %s))"},
            select_params=[query],
        )


def sqlite_has_fts5(cursor: Any) -> bool:
    cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
    return cursor.fetchone() is not None


def backend() -> Backend:
    """The backend for the default database (checked once per connection)."""
    vendor = connection.vendor
    if vendor == "postgresql":
        return PostgresText()
    if vendor == "sqlite":
        cached = getattr(connection, "_luoshi_fts5", None)
        if cached is None:
            with connection.cursor() as cursor:
                cached = sqlite_has_fts5(cursor)
            connection._luoshi_fts5 = cached  # type: ignore[attr-defined]
        return SqliteFts() if cached else Backend()
    return Backend()
