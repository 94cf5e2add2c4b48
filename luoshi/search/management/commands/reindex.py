"""Rebuild the search index from the records (after a bulk load, or to refresh titles)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Rebuild the full-text search index (tasks, reports and other registered records)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("kinds", nargs="*", help="Only these kinds (task, report …).")

    def handle(self, *args: Any, kinds: list[str], **options: Any) -> None:
        from luoshi.search import rebuild
        from luoshi.search.backends import backend

        counts = rebuild(kinds or None, log=self.stdout.write)
        done = "，".join(f"{kind} {n}" for kind, n in counts.items())
        self.stdout.write(f"检索索引已重建（{backend().name}）：{done}。")
