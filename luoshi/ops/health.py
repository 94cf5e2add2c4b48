"""``/healthz`` (the process answers) and ``/readyz`` (it can serve: the database answers, every
migration is applied, the shared cache answers when one is configured, and the supervision run is not
overdue). Both answer JSON before any other middleware: no sign-in, no host check, no redirect to
https, no session, so that a load balancer or a monitor can probe a node by its address.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

PATHS = {"/healthz", "/readyz"}


class HealthMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info not in PATHS or request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        if request.path_info == "/healthz":
            response = JsonResponse({"status": "ok"}, json_dumps_params={"ensure_ascii": False})
        else:
            report = readiness()
            response = JsonResponse(
                report.as_dict(), status=200 if report.ok else 503, json_dumps_params={"ensure_ascii": False}
            )
        response["Cache-Control"] = "no-store"
        return response


@dataclass
class Readiness:
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(c["ok"] for c in self.checks.values())

    def add(self, name: str, ok: bool, detail: str) -> None:
        self.checks[name] = {"ok": ok, "detail": detail}

    def as_dict(self) -> dict[str, Any]:
        return {"status": "ok" if self.ok else "unavailable", "checks": self.checks}


_migrated = False  # once every migration is applied, it stays so for this process's code


def readiness(now: dt.datetime | None = None) -> Readiness:
    from django.db import connection

    report = Readiness()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as e:
        report.add("database", False, f"数据库无法连接：{type(e).__name__}")
        return report
    report.add("database", True, f"{connection.vendor} 可连接")
    report.add("migrations", *_migrations())
    if settings.CACHE_URL:
        report.add("cache", *_cache())
    report.add("supervision", *_supervision(now or timezone.now()))
    return report


def _migrations() -> tuple[bool, str]:
    global _migrated
    if _migrated:
        return True, "数据库结构已是最新"
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        return False, f"有 {len(pending)} 个数据库迁移尚未执行（luoshi manage migrate）"
    _migrated = True
    return True, "数据库结构已是最新"


def _cache() -> tuple[bool, str]:
    from django.core.cache import cache

    try:
        cache.set("luoshi:readyz", "1", 30)
        ok = cache.get("luoshi:readyz") == "1"
    except Exception as e:
        return False, f"共享缓存无法连接：{type(e).__name__}"
    return ok, "共享缓存可用" if ok else "共享缓存读写不一致"


def _supervision(now: dt.datetime) -> tuple[bool, str]:
    """A day's schedule plus the grace: the last finished run must be younger than that, unless there
    is nothing to supervise."""
    from luoshi.ledger.models import Task, TaskState
    from luoshi.supervision.models import Run
    from luoshi.web.display import stamp

    limit = dt.timedelta(hours=24 + settings.SUPERVISE_GRACE_HOURS)
    last = Run.last_finished()
    if last is not None and now - last.finished_at <= limit:
        return True, f"最近一次督查运行于 {stamp(last.finished_at)}"
    if not Task.objects.filter(state=TaskState.ACTIVE).exists():
        return True, "没有在办任务，无需督查"
    if last is None:
        return False, "尚未运行过督查（luoshi worker 或 luoshi supervise）"
    return False, f"督查已逾期：最近一次运行于 {stamp(last.finished_at)}"
