"""``luoshi supervise`` (``luoshi manage supervise``): one supervision run, for cron or a systemd timer.

Idempotent and safe to run concurrently: notices have unique natural keys and deliveries are claimed
from the outbox one sender at a time, so nothing is ever sent twice. A lock held across every node
(``luoshi.ops.locks``) keeps a second real run from starting while one is going: it says so and
stops. The work is in ``luoshi.supervision.supervisor.Supervisor``, which the tests call directly.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import signal
from contextlib import nullcontext, suppress
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from luoshi.ops.locks import exclusive
from luoshi.supervision.reasons import period_label
from luoshi.supervision.supervisor import Supervisor
from luoshi.web.display import day


class Command(BaseCommand):
    help = "计算状态灯，生成并发送相应的通知，检查报告，为各单位打分。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Write nothing, send nothing; show what would be done."
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--today", help="The day to supervise as (YYYY-MM-DD); default: today.")
        parser.add_argument(
            "--no-send", action="store_true", help="Create notices but leave them in the outbox."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(
                    _("日期格式应为 YYYY-MM-DD：%(value)s") % {"value": options["today"]}
                ) from None
        # systemd stops a service with SIGTERM: turn it into an exception, so that deliveries claimed
        # but not reached go back to the outbox at once
        previous = None
        with suppress(ValueError):  # not the main thread (tests): leave the handler alone
            previous = signal.signal(signal.SIGTERM, _terminate)
        try:
            # one run at a time across every node (luoshi.ops.locks); a dry run writes nothing
            with exclusive("supervise") if not options["dry_run"] else nullcontext(True) as mine:
                if not mine:
                    self._skipped(options["format"])
                    return
                result = Supervisor(
                    today=today, dry_run=options["dry_run"], send=not options["no_send"]
                ).run()
                if not result.dry_run:
                    self._refresh_dashboard(options["today"])
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=1))
            return
        c = result.counts
        head = _("督查（试运行，未写入、未发送）%(day)s：") if result.dry_run else _("督查 %(day)s：")
        self.stdout.write(head % {"day": day(result.today)})
        for w in result.warnings:
            self.stdout.write("  " + _("注意：%(warning)s") % {"warning": w})
        self.stdout.write("  " + _("任务状态灯：%(colors)s") % {"colors": _colors(c["tasks"])})
        self.stdout.write(
            "  " + _("报送状态灯：%(colors)s") % {"colors": _colors(c["obligations"], obligations=True)}
        )
        notices = c["notices"]
        self.stdout.write(
            "  "
            + _("新通知：提醒 %(remind)s，催办 %(urge)s，督办单 %(order)s，通报 %(circular)s")
            % {k: notices.get(k, 0) for k in ("remind", "urge", "order", "circular")}
        )
        self.stdout.write(
            "  "
            + _("检查报告 %(checked)s 份，新发现形式主义线索 %(flags)s 条")
            % {"checked": c["reports_checked"], "flags": c["copy_flags"]}
        )
        scores = _("，").join(
            _("%(period)s %(n)s 个单位") % {"period": period_label(k), "n": v} for k, v in c["scores"].items()
        )
        self.stdout.write("  " + _("考核得分：%(scores)s") % {"scores": scores or "—"})
        if not result.dry_run:
            self.stdout.write(
                "  "
                + _("发送：成功 %(sent)s，失败 %(failed)s，待重试 %(retrying)s")
                % {"sent": c["sent"], "failed": c["failed"], "retrying": c["retrying"]}
            )

    def _skipped(self, fmt: str) -> None:
        """Another node (or cron) holds the lock: this run is skipped, which is not an error."""
        message = _("另一次督查正在运行（本节点或其他节点），本次跳过。")
        if fmt == "json":
            self.stdout.write(
                json.dumps({"schema_version": 1, "skipped": True, "reason": message}, ensure_ascii=False)
            )
        else:
            self.stdout.write(message)

    def _refresh_dashboard(self, today: str | None) -> None:
        """The dashboard's figures follow the new lights (however this command is run: ``luoshi
        supervise``, ``luoshi manage supervise``, cron)."""
        from django.apps import apps

        if apps.is_installed("luoshi.dashboard"):
            from django.core.management import call_command

            call_command("refresh_dashboard", *(["--today", today] if today else []), stdout=io.StringIO())


def _terminate(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _colors(counts: dict[str, int], obligations: bool = False) -> str:
    """Counts by light, named as every surface names them (a reporting duty is never 未分工 or 未定时限)."""
    from luoshi.figures import colours

    keys = [c for c in colours.STORED if not (obligations and c in (colours.UNASSIGNED, colours.UNDATED))]
    return _("，").join(f"{colours.LABELS[k]} {counts.get(k, 0)}" for k in keys)
