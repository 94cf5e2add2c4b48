"""``luoshi dashboard refresh`` (``luoshi manage refresh_dashboard``): recompute the dashboard's figures.

For cron or a systemd timer, after ``luoshi supervise`` (which runs it itself). The work is in
``Snapshot.refresh``, which the tests call directly.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from luoshi.dashboard.models import Scope, Snapshot


class Command(BaseCommand):
    help = "为整个台账重新计算驾驶舱的数据。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="The day to compute as (YYYY-MM-DD); default: today.")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(
                    _("日期格式应为 YYYY-MM-DD：%(value)s") % {"value": options["today"]}
                ) from None
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
        from luoshi.figures import colours

        lights = totals["lights"]
        # every light the tasks have (red, yellow and green always), so that they add up to the tasks
        shown = _("，").join(
            f"{colours.LABELS[c]} {lights.get(c, 0)}"
            for c in colours.ORDER
            if c in (colours.RED, colours.YELLOW, colours.GREEN) or lights.get(c)
        )
        self.stdout.write(
            _("驾驶舱：%(tasks)s 项在办任务（%(lights)s），逾期 %(overdue)s 项；用时 %(seconds).1f 秒")
            % {
                "tasks": totals["tasks"],
                "lights": shown,
                "overdue": snapshot.data["overdue"]["count"],
                "seconds": snapshot.seconds,
            }
        )
