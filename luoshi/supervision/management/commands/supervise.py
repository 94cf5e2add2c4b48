"""``luoshi supervise`` (``luoshi manage supervise``): one supervision run, for cron or a systemd timer.

Idempotent and safe to run concurrently: notices have unique natural keys and deliveries are claimed
from the outbox one sender at a time, so nothing is ever sent twice. The work is in
``luoshi.supervision.supervisor.Supervisor``, which the tests call directly.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import signal
from contextlib import suppress
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from luoshi.supervision.supervisor import Supervisor


class Command(BaseCommand):
    help = "Compute the lights, create and send the notices they call for, check reports, score units."

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
                raise CommandError(f"--today {options['today']!r}: expected YYYY-MM-DD") from None
        # systemd stops a service with SIGTERM: turn it into an exception, so that deliveries claimed
        # but not reached go back to the outbox at once
        with suppress(ValueError):  # not the main thread (tests): leave the handler alone
            signal.signal(signal.SIGTERM, _terminate)
        result = Supervisor(today=today, dry_run=options["dry_run"], send=not options["no_send"]).run()
        if not result.dry_run:
            self._refresh_dashboard(options["today"])
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=1))
            return
        c = result.counts
        head = "督查（试运行，未写入、未发送）" if result.dry_run else "督查"
        self.stdout.write(f"{head} {result.today}：")
        for w in result.warnings:
            self.stdout.write(f"  注意：{w}")
        self.stdout.write(f"  任务状态灯：{_colors(c['tasks'])}")
        self.stdout.write(f"  报送状态灯：{_colors(c['obligations'])}")
        notices = c["notices"]
        self.stdout.write(
            "  新通知：提醒 {remind}，催办 {urge}，督办单 {order}，通报 {circular}".format(
                **{k: notices.get(k, 0) for k in ("remind", "urge", "order", "circular")}
            )
        )
        self.stdout.write(f"  检查报告 {c['reports_checked']} 份，新发现形式主义线索 {c['copy_flags']} 条")
        self.stdout.write(f"  考核得分：{', '.join(f'{k} {v} 个单位' for k, v in c['scores'].items())}")
        if not result.dry_run:
            self.stdout.write(f"  发送：成功 {c['sent']}，失败 {c['failed']}，待重试 {c['retrying']}")

    def _refresh_dashboard(self, today: str | None) -> None:
        """The dashboard's figures follow the new lights (however this command is run: ``luoshi
        supervise``, ``luoshi manage supervise``, cron)."""
        from django.apps import apps

        if apps.is_installed("luoshi.dashboard"):
            from django.core.management import call_command

            call_command("refresh_dashboard", *(["--today", today] if today else []), stdout=io.StringIO())


def _terminate(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _colors(counts: dict[str, int]) -> str:
    labels = {"red": "红", "yellow": "黄", "green": "绿", "done": "办结", "suspended": "暂缓"}
    return "，".join(f"{labels[k]} {counts.get(k, 0)}" for k in labels)
