"""``luoshi backup``, ``luoshi restore`` and ``luoshi migrate-data``: the ledger in one archive, back into
an empty database, or straight into another database (docs/deployment.md).

The archive is a plain tar file:

    manifest.json                      what is inside, with a SHA-256 for every member and table
    database/<table>.jsonl.gz          one table: a line of column names, then one JSON array per row
    files/<name>                       every stored file the rows point to (evidence, attachments …)

It is made while the app runs (``luoshi.ops.transfer.snapshot``), written to a temporary name and
renamed when complete, so a backup that fails leaves no half archive behind. A restore checks every
member against the manifest before it writes anything, writes into an empty database only, and counts
and hashes every table again afterwards.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import os
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import models

from .transfer import (
    Checked,
    TableSum,
    TransferError,
    _line,
    applied_migrations,
    canonical,
    checksum,
    columns,
    describe,
    file_digest,
    ledger_models,
    load,
    prepare_target,
    require_migrated,
    rows,
    snapshot,
    stored_files,
    verify,
)

FORMAT = "luoshi-backup"
VERSION = 1
Log = Callable[[str], None]


def _sha256_of(fh: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: fh.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _add(tar: tarfile.TarFile, arcname: str, fh: IO[bytes], size: int) -> None:
    info = tarfile.TarInfo(arcname)
    info.size = size
    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
    info.mode = 0o640
    tar.addfile(info, fh)


def backup(out: Path, log: Log = print) -> dict[str, Any]:
    """Write the archive ``out``; returns its manifest."""
    from luoshi import __version__

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "luoshi": __version__,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "tables": {},
        "files": {},
        "members": {},
    }
    try:
        with snapshot() as alias, tarfile.open(partial, "w") as tar:
            manifest["database"] = describe("default")
            manifest["migrations"] = sorted(f"{a}.{n}" for a, n in applied_migrations(alias))
            for model in ledger_models():
                _backup_table(tar, model, alias, manifest)
            n = 0
            for stored in stored_files(alias):
                if stored.name in manifest["files"]:
                    continue
                try:
                    size, digest = file_digest(default_storage, stored.name)
                except FileNotFoundError:
                    log(f"  注意：文件缺失，未能备份：{stored.name}")
                    continue
                arcname = f"files/{stored.name}"
                with default_storage.open(stored.name, "rb") as fh:
                    _add(tar, arcname, fh, size)
                manifest["files"][stored.name] = {"size": size, "sha256": digest}
                manifest["members"][arcname] = digest
                n += 1
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            _add(tar, "manifest.json", io.BytesIO(data), len(data))
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    rows_total = sum(t["rows"] for t in manifest["tables"].values())
    log(f"  {len(manifest['tables'])} 张表，{rows_total:,} 行；{n} 个文件")
    return manifest


def _backup_table(
    tar: tarfile.TarFile, model: type[models.Model], alias: str, manifest: dict[str, Any]
) -> None:
    with tempfile.TemporaryFile() as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as gz:
            gz.write((json.dumps([f.attname for f in columns(model)]) + "\n").encode())

            def sink(line: str) -> None:
                gz.write(line.encode() + b"\n")

            total = checksum(model, alias, sink=sink)
        size = raw.tell()
        raw.seek(0)
        digest = _sha256_of(raw)
        raw.seek(0)
        arcname = f"database/{model._meta.db_table}.jsonl.gz"
        _add(tar, arcname, raw, size)
    manifest["tables"][model._meta.label_lower] = {
        "rows": total.rows,
        "sha256": total.sha256,
        "member": arcname,
    }
    manifest["members"][arcname] = digest


# --- restore ----------------------------------------------------------------------------------


def read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = tar.extractfile("manifest.json")
        manifest = json.load(member) if member else None
    except (KeyError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise TransferError(
            "这不是 luoshi 的备份文件（缺少清单 manifest.json）。", "Not a luoshi backup (no manifest.json)."
        )
    if manifest.get("version") != VERSION:
        raise TransferError(
            f"备份格式版本 {manifest.get('version')} 不受支持（本版本读取 {VERSION}）。",
            f"Backup format version {manifest.get('version')} is not supported (this version reads {VERSION}).",
        )
    return manifest


def check_archive(tar: tarfile.TarFile, manifest: dict[str, Any]) -> None:
    """Every member the manifest names is there and has its SHA-256; nothing has been changed."""
    for arcname, digest in manifest["members"].items():
        try:
            member = tar.extractfile(arcname)
        except KeyError:
            member = None
        if member is None:
            raise TransferError(
                f"备份不完整：缺少 {arcname}。", f"The backup is incomplete: {arcname} is missing."
            )
        if _sha256_of(member) != digest:
            raise TransferError(
                f"备份已损坏或被改动：{arcname} 的校验和不符。没有写入任何内容。",
                f"The backup is damaged or altered: {arcname} does not match its checksum. Nothing was written.",
            )


def _table_lines(tar: tarfile.TarFile, arcname: str, model: type[models.Model]) -> Iterator[list[Any]]:
    member = tar.extractfile(arcname)
    assert member is not None
    with gzip.GzipFile(fileobj=member) as gz:
        header = json.loads(gz.readline())
        if header != [f.attname for f in columns(model)]:
            raise TransferError(
                f"备份中 {model._meta.db_table} 的列与本版本不同：请用制作备份的 luoshi 版本恢复。",
                f"The columns of {model._meta.db_table} differ from this version's: restore with the version that made it.",
            )
        for line in gz:
            yield json.loads(line)


def restore(archive: Path, alias: str = "default", log: Log = print) -> Checked:
    """Rebuild an instance from ``archive`` into the empty database ``alias`` and the configured storage."""
    try:
        tar = tarfile.open(archive, "r:")  # noqa: SIM115  (closed by the with below)
    except (OSError, tarfile.TarError):
        raise TransferError(
            f"无法读取备份文件：{archive}", f"Cannot read the backup file: {archive}"
        ) from None
    with tar:
        manifest = read_manifest(tar)
        check_archive(tar, manifest)
        log(
            f"  备份完好：{len(manifest['tables'])} 张表，{len(manifest['files'])} 个文件，制作于 {manifest['created_at']}"
        )
        from django.db.migrations.loader import MigrationLoader

        known = {f"{a}.{n}" for a, n in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
        if set(manifest["migrations"]) != known:
            raise TransferError(
                "备份来自另一版本的 luoshi（数据库迁移不同）：请用制作备份的版本恢复，再升级。",
                "The backup comes from another version of luoshi (other migrations): restore with that version, then upgrade.",
            )
        prepare_target(alias)
        for name, info in manifest["files"].items():
            _restore_file(tar, name, info)
        by_label = {m._meta.label_lower: m for m in ledger_models()}
        missing = set(manifest["tables"]) - set(by_label)
        if missing:
            raise TransferError(
                f"备份中有本版本没有的表：{', '.join(sorted(missing))}",
                f"Tables unknown to this version: {sorted(missing)}",
            )
        tables = (
            (by_label[label], _table_lines(tar, info["member"], by_label[label]))
            for label, info in manifest["tables"].items()
        )
        load(alias, tables, log)
    expected = {label: TableSum(info["rows"], info["sha256"]) for label, info in manifest["tables"].items()}
    wrong = verify(alias, expected)
    if wrong:
        raise TransferError(
            "恢复后核对不符：" + "；".join(wrong), "Checks after the restore differ: " + "; ".join(wrong)
        )
    return Checked(tables=expected, files=len(manifest["files"]))


def _restore_file(tar: tarfile.TarFile, name: str, info: dict[str, Any]) -> None:
    if default_storage.exists(name):
        if file_digest(default_storage, name)[1] == info["sha256"]:
            return
        raise TransferError(
            f"存储中已有同名但内容不同的文件：{name}。没有写入数据库。",
            f"Storage already holds a different file named {name}. Nothing was written to the database.",
        )
    member = tar.extractfile(f"files/{name}")
    assert member is not None
    saved = default_storage.save(name, File(member, name=name))
    if saved != name:
        raise TransferError(
            f"文件未能以原名保存：{name}", f"The file could not be saved under its name: {name}"
        )


# --- straight into another database -------------------------------------------------------------


def migrate_data(target: str, log: Log = print) -> Checked:
    """Copy the running ledger (``default``) into the empty database ``target`` and verify the copy."""
    checked = Checked()
    with snapshot() as source:
        require_migrated(source)
        prepare_target(target)

        def lines(model: type[models.Model]) -> Iterator[list[Any]]:
            digest = hashlib.sha256()
            n = 0
            for row in rows(model, source):
                values = [canonical(v) for v in row]
                digest.update(_line(row).encode() + b"\n")
                n += 1
                yield values
            checked.tables[model._meta.label_lower] = TableSum(n, digest.hexdigest())

        load(target, ((m, lines(m)) for m in ledger_models()), log)
        for stored in stored_files(source):
            checked.files += 1
            try:
                _size, digest = file_digest(default_storage, stored.name)
            except FileNotFoundError:
                checked.missing.append(stored.name)
                continue
            if stored.sha256 and digest != stored.sha256:
                checked.altered.append(stored.name)
    wrong = verify(target, checked.tables)
    if wrong:
        raise TransferError(
            "复制后核对不符：" + "；".join(wrong), "Checks after the copy differ: " + "; ".join(wrong)
        )
    return checked
