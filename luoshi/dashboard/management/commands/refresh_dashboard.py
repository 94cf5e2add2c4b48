"""``luoshi dashboard refresh`` (``luoshi manage refresh_dashboard``): recompute the dashboard's figures.

For cron or a systemd timer, after ``luoshi supervise`` (which runs it itself). The work is in
``Snapshot.refresh``, which the tests call directly.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from luoshi.dashboard.models import Scope, Snapshot


class Command(BaseCommand):
    help = "Recompute the dashboard's figures for the whole ledger."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="The day to compute as (YYYY-MM-DD); default: today.")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(f"--today {options['today']!r}: expected YYYY-MM-DD") from None
        snapshot = Snapshot.refresh(Scope.everything(), today)
        totals = snapshot.data["totals"]
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(
                    {
                        "computed_at": snapshot.computed_at.isoformat(),
                        "seconds": snapshot.seconds,
                        "totals": totals,
                    },
                    ensure_ascii=False,
                )
            )
            return
        lights = totals["lights"]
        self.stdout.write(
            f"驾驶舱：{totals['tasks']} 项在办任务（红 {lights['red']}，黄 {lights['yellow']}，绿 {lights['green']}，"
            f"办结 {lights['done']}），逾期 {snapshot.data['overdue']['count']} 项；用时 {snapshot.seconds:.1f} 秒"
        )
