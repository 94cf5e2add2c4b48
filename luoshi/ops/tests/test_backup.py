"""``luoshi backup`` / ``luoshi restore``: one archive, made while the app runs, from which an empty
instance is rebuilt showing the same ledger, the same files and the same audit trail."""

from __future__ import annotations

import io
import shutil
import tarfile
import threading
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from luoshi.ledger.models import AuditEntry, Task, acting_as
from luoshi.ledger.tests.factory import make_report, make_task, make_unit
from luoshi.ops.backup import backup, restore
from luoshi.ops.transfer import TransferError, checksum, ledger_models
from luoshi.progress.models import Evidence

PDF = b"%PDF-1.4\n% evidence for the backup test\n" + bytes(range(256)) * 4


@pytest.fixture
def ledger(reporter_a: Any, unit_a: Any) -> dict[str, Any]:
    with acting_as(reporter_a, "web"):
        task = make_task(lead_unit=unit_a, text="推进黄河流域生态保护，年底前完成整治。")
        report = make_report(task=task, unit=unit_a, narrative="已完成整治方案，进入施工阶段。")
        evidence = Evidence.attach(report, SimpleUploadedFile("整治方案.pdf", PDF), by=reporter_a)
        report.submit(by=reporter_a)
    return {"task": task, "report": report, "evidence": evidence}


def _sums() -> dict[str, tuple[int, str]]:
    return {m._meta.label_lower: tuple(vars(checksum(m, "default")).values()) for m in ledger_models()}  # type: ignore[misc]


def _empty_instance(settings: Any, tmp_path: Path) -> None:
    """What a new machine has: a migrated, empty database and no files."""
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.mark.django_db(transaction=True)
def test_a_restored_instance_shows_the_same_ledger_files_and_audit_trail(
    ledger: dict[str, Any], office: Any, reporter_a: Any, client: Any, settings: Any, tmp_path: Path
) -> None:
    archive = tmp_path / "luoshi.tar"
    before = _sums()
    audit_before = list(
        AuditEntry.objects.order_by("pk").values_list("pk", "action", "model", "object_id", "at")
    )
    assert audit_before
    manifest = backup(archive, log=lambda _m: None)
    assert manifest["tables"]["progress.evidence"]["rows"] == 1
    assert len(manifest["files"]) == 1

    _empty_instance(settings, tmp_path)
    assert not Task.objects.exists()
    done = restore(archive, log=lambda _m: None)
    assert done.files == 1
    assert _sums() == before
    assert (
        list(AuditEntry.objects.order_by("pk").values_list("pk", "action", "model", "object_id", "at"))
        == audit_before
    )

    client.force_login(office)  # the office's account came back with the rest (sessions too)
    page = client.get(f"/tasks/{ledger['task'].pk}/")
    assert page.status_code == 200
    assert "推进黄河流域生态保护" in page.content.decode()
    audit = client.get("/audit/")
    assert audit.status_code == 200
    client.force_login(reporter_a)
    download = client.get(f"/evidence/{ledger['evidence'].pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(ledger: dict[str, Any], tmp_path: Path) -> None:
    archive = tmp_path / "luoshi.tar"
    backup(archive, log=lambda _m: None)
    before = _sums()
    with pytest.raises(TransferError, match="不是空的"):
        restore(archive, log=lambda _m: None)
    assert _sums() == before


@pytest.mark.django_db(transaction=True)
def test_a_damaged_archive_is_refused_before_anything_is_written(
    ledger: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    archive = tmp_path / "luoshi.tar"
    backup(archive, log=lambda _m: None)
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as src, tarfile.open(damaged, "w") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()  # type: ignore[union-attr]
            if member.name.startswith("files/"):
                data = data[:-1] + b"X"
            dst.addfile(member, io.BytesIO(data))
    _empty_instance(settings, tmp_path)
    with pytest.raises(TransferError, match="校验和不符"):
        restore(damaged, log=lambda _m: None)
    assert not Task.objects.exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


@pytest.mark.django_db(transaction=True)
def test_a_backup_made_while_reports_are_being_written_is_consistent(
    ledger: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    unit = make_unit()
    tasks = [make_task(lead_unit=unit) for _ in range(30)]
    stop = threading.Event()

    def writer() -> None:
        try:
            for i, task in enumerate(tasks):
                if stop.is_set():
                    break
                make_report(task=task, unit=unit, period=f"2025Q{i % 4 + 1}")
        finally:
            connection.close()

    t = threading.Thread(target=writer)
    t.start()
    try:
        manifest = backup(tmp_path / "live.tar", log=lambda _m: None)
    finally:
        stop.set()
        t.join(60)
    _empty_instance(settings, tmp_path)
    restore(tmp_path / "live.tar", log=lambda _m: None)  # verifies every table against the manifest
    from luoshi.progress.models import Report

    assert Report.objects.count() == manifest["tables"]["progress.report"]["rows"]


def test_a_file_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "x.tar"
    junk.write_bytes(b"not a tar at all")
    with pytest.raises(TransferError, match="无法读取备份文件"):
        restore(junk)


@pytest.mark.django_db(transaction=True)
def test_the_commands_say_what_they_did_and_refuse_without_a_traceback(
    ledger: dict[str, Any], tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from luoshi.cli import cli

    out = tmp_path / "nightly.tar"
    made = CliRunner().invoke(cli, ["backup", "-o", str(out)])
    assert made.exit_code == 0, made.output
    assert "数据库：SQLite" in made.output or "数据库：PostgreSQL" in made.output
    assert "已写入备份" in made.output
    refused = CliRunner().invoke(cli, ["restore", str(out)])
    assert refused.exit_code == 1
    assert "不是空的" in refused.output
    assert "Traceback" not in refused.output
    missing = CliRunner().invoke(cli, ["restore", str(tmp_path / "none.tar")])
    assert missing.exit_code == 1
    assert "找不到文件" in missing.output
