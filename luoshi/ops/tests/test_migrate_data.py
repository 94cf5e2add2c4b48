"""``luoshi migrate-data --to …``: the running ledger copied into an empty database (PostgreSQL where
the test run has one, else another SQLite file), verified by counts and checksums, refused when the
target holds anything."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from luoshi.cli import cli
from luoshi.ledger.models import AuditEntry, acting_as
from luoshi.ledger.tests.factory import make_report, make_task
from luoshi.ops.backup import migrate_data
from luoshi.ops.transfer import TransferError, add_database, checksum, drop_database, ledger_models
from luoshi.progress.models import Evidence, Report
from luoshi.web.env import database_from_url

PDF = b"%PDF-1.4\n% evidence that stays where it is\n"


@pytest.fixture
def target_url(tmp_path: Path) -> Iterator[str]:
    """A new, empty database: on the PostgreSQL server of the test run when there is one."""
    server = os.environ.get("LUOSHI_TEST_DATABASE_URL") or (
        os.environ.get("LUOSHI_DATABASE_URL", "") if connection.vendor == "postgresql" else ""
    )
    if not server.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'target.sqlite3'}"
        return
    import psycopg

    name = f"luoshi_copy_{uuid.uuid4().hex[:10]}"
    base = server.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        drop_database("luoshi-target")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def ledger(reporter_a: Any, unit_a: Any) -> None:
    with acting_as(reporter_a, "web"):
        for n in range(3):
            task = make_task(lead_unit=unit_a, text=f"第{n}项：推进“两个屏障”建设，含引号、换行\n和表情🙂。")
            report = make_report(task=task, unit=unit_a)
            Evidence.attach(report, SimpleUploadedFile(f"材料{n}.pdf", PDF + bytes([n])), by=reporter_a)
            report.submit(by=reporter_a)


@pytest.mark.django_db(transaction=True)
def test_the_copy_has_every_row_and_the_same_checksums(ledger: None, target_url: str) -> None:
    target = add_database("luoshi-target", database_from_url(target_url))
    try:
        done = migrate_data(target, log=lambda _m: None)
        assert done.tables["progress.report"].rows == Report.objects.count() == 3
        assert done.tables["ledger.auditentry"].rows == AuditEntry.objects.count() > 0
        assert done.files == 3
        assert done.missing == done.altered == []
        for model in ledger_models():
            assert vars(checksum(model, target)) == vars(checksum(model, "default")), model
        assert Report.objects.using(target).filter(task__text__contains="🙂").count() == 3
    finally:
        drop_database(target)


@pytest.mark.django_db(transaction=True)
def test_a_target_that_is_not_empty_is_refused_and_left_as_it_was(
    ledger: None, unit_a: Any, target_url: str
) -> None:
    target = add_database("luoshi-target", database_from_url(target_url))
    try:
        migrate_data(target, log=lambda _m: None)
        make_report(task=make_task(lead_unit=unit_a), period="2025Q2")  # the source moves on
        before = {m._meta.label_lower: vars(checksum(m, target)) for m in ledger_models()}
        with pytest.raises(TransferError, match="不是空的"):
            migrate_data(target, log=lambda _m: None)
        assert {m._meta.label_lower: vars(checksum(m, target)) for m in ledger_models()} == before
    finally:
        drop_database(target)


@pytest.mark.django_db(transaction=True)
def test_the_command_names_both_databases_and_what_it_verified(ledger: None, target_url: str) -> None:
    result = CliRunner().invoke(cli, ["migrate-data", "--to", target_url])
    assert result.exit_code == 0, result.output
    assert "数据库：" in result.output
    assert "目标数据库：" in result.output
    assert "行数与校验和一致" in result.output
    again = CliRunner().invoke(cli, ["migrate-data", "--to", target_url])
    assert again.exit_code == 1
    assert "不是空的" in again.output
    assert "Traceback" not in again.output


@pytest.mark.django_db(transaction=True)
def test_an_unusable_target_is_a_message_not_a_traceback() -> None:
    bad = CliRunner().invoke(cli, ["migrate-data", "--to", "mysql://x/y"])
    assert bad.exit_code == 1
    assert "目标数据库地址有误" in bad.output
    down = CliRunner().invoke(cli, ["migrate-data", "--to", "postgresql://nobody@127.0.0.1:1/none"])
    assert down.exit_code == 1
    assert "无法连接目标数据库" in down.output
