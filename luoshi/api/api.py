"""The API object: /api/v1/, its routers, authentication, rate limits and error shape.

Other apps plug in their own endpoints without touching this file: a module ``api_v1.py`` in an
installed app that defines ``router`` (a ninja Router) and ``prefix`` (e.g. ``"/indicators"``) is
added under /api/v1/. A plugged router whose prefix is one of the routers below replaces it (the
supervision app's ``/lights`` takes the place of the stopgap one here).
"""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from ninja import NinjaAPI, Router
from ninja.openapi.docs import Swagger

from . import errors
from .auth import SessionAuth, TokenAuth
from .routers import indicators, ledger, lights, progress, search
from .throttle import PerCaller

DESCRIPTION = """
落实（luoshi）的数据接口：决定、章节、任务、分工、进展报告、量化目标及实际值、亮灯、全文检索。

- **认证**：其他系统使用督查室签发的访问令牌（`Authorization: Bearer ls_…`）；浏览器使用已登录的会话
  （修改数据时需附 `X-CSRFToken`）。令牌代表签发给的用户，权限与该用户在页面上的权限完全相同。
- **错误**：一律为 `{"error": "…", "detail": …}`。猜测的编号与无权查看的记录同样返回 404。
- **分页**：`page`、`page_size`（最多 200），返回 `count`、`pages`、`items`。
- **并发**：修改任务分工和报告须带读取时的 `version`，他人已修改则返回 409。
- **频率**：每个令牌或用户每分钟有上限，超出返回 429 和 `Retry-After`。
"""

# (prefix, router): the built-in routers; a plugged router with the same non-empty prefix replaces one
BUILTIN: list[tuple[str, Router]] = [
    ("", ledger.router),
    ("", progress.router),
    ("", indicators.router),
    ("/lights", lights.router),
    ("", search.router),
]


def plugged() -> dict[str, Router]:
    """Routers other installed apps offer in their ``api_v1`` module."""
    found: dict[str, Router] = {}
    for config in apps.get_app_configs():
        if config.name == __package__ or not config.name.startswith("luoshi."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.api_v1")
        except ModuleNotFoundError as e:
            if e.name != f"{config.name}.api_v1":
                raise
            continue
        router, prefix = getattr(module, "router", None), getattr(module, "prefix", None)
        if router is not None and prefix is not None:
            found["/" + prefix.strip("/")] = router
    return found


def build() -> NinjaAPI:
    api = NinjaAPI(
        title="落实 luoshi API",
        version="1",
        description=DESCRIPTION,
        urls_namespace="api-v1",
        auth=[TokenAuth(), SessionAuth()],
        throttle=[PerCaller()],
        # Swagger UI from the files django-ninja bundles, served by the app; no validator badge
        # (it would call validator.swagger.io), no CDN.
        docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    )
    errors.install(api)
    extra = plugged()
    for prefix, router in BUILTIN:
        if not (prefix and prefix in extra):
            api.add_router(prefix, router)
    for prefix, router in extra.items():
        api.add_router(prefix, router)
    return api


_api: Any = None


def get_api() -> NinjaAPI:
    global _api
    if _api is None:
        _api = build()
    return _api
