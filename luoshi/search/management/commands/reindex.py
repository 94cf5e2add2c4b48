"""Rebuild the search index from the records (after a bulk load, or to refresh titles)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "从记录重建全文检索索引（任务、报告及其他已登记的记录）。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("kinds", nargs="*", help="Only these kinds (task, report …).")

    def handle(self, *args: Any, kinds: list[str], **options: Any) -> None:
        from luoshi.search import rebuild
        from luoshi.search.backends import backend

        counts = rebuild(kinds or None, log=self.stdout.write)
        done = _("，").join(f"{kind} {n}" for kind, n in counts.items())
        self.stdout.write(
            _("检索索引已重建（%(backend)s）：%(done)s。") % {"backend": backend().name, "done": done}
        )
