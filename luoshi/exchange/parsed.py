"""An uploaded sheet is parsed once: what ``importing.read`` found is kept beside the file, and the
preview (viewed again and again while the office checks it) and the apply read it from there.

A workbook of 20,000 rows takes seconds to parse and hundreds of MB while parsing; re-parsing it on
every view of its preview kept a server busy (44 s a view for a workbook of 500 MiB of shared
strings, before such workbooks were refused) and the memory with it. The kept form is JSON, not a
pickle: a file in storage is data, never code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from django.core.files.base import ContentFile

from . import importing

SUFFIX = ".parsed.json"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$tm": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"$td": value.total_seconds()}
    if isinstance(value, tuple):
        return {"$t": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"$m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if "$dt" in value:
            return dt.datetime.fromisoformat(value["$dt"])
        if "$d" in value:
            return dt.date.fromisoformat(value["$d"])
        if "$tm" in value:
            return dt.time.fromisoformat(value["$tm"])
        if "$td" in value:
            return dt.timedelta(seconds=value["$td"])
        if "$t" in value:
            return tuple(_decode(v) for v in value["$t"])
        if "$m" in value:
            return {_decode(k): _decode(v) for k, v in value["$m"]}
    return value


def dumps(sheet: importing.Sheet) -> bytes:
    fields = {f.name: _encode(getattr(sheet, f.name)) for f in dataclasses.fields(sheet)}
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


def loads(data: bytes) -> importing.Sheet:
    fields = {k: _decode(v) for k, v in json.loads(data).items()}
    return importing.Sheet(**fields)


def keep(record: Any, sheet: importing.Sheet) -> None:
    """Store the parsed sheet beside the record's file."""
    storage = record.file.storage
    name = record.file.name + SUFFIX
    if storage.exists(name):
        storage.delete(name)
    storage.save(name, ContentFile(dumps(sheet)))


def sheet_of(record: Any) -> importing.Sheet:
    """The record's parsed sheet: read from beside its file, or (an upload from before sheets were
    kept) parsed now, once, and kept."""
    storage = record.file.storage
    name = record.file.name + SUFFIX
    if storage.exists(name):
        with storage.open(name, "rb") as fh:
            try:
                return loads(fh.read())
            except (ValueError, TypeError, KeyError):
                pass  # unreadable: parse again below
    with record.file.open("rb") as fh:
        sheet = importing.read(fh.read())
    keep(record, sheet)
    return sheet
