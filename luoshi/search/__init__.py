"""Full-text search over tasks and reports (and whatever other apps register), in Chinese.

Public names: ``search(user, q, kinds=None, page=1)``, ``Source`` and ``register`` (to make another
app's records searchable), ``rebuild()``. Kept free of model imports so other apps can import it early.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Source", "index_new", "rebuild", "register", "search"]


def search(user: Any, q: str, **kwargs: Any) -> Any:
    from .query import search as run

    return run(user, q, **kwargs)


def rebuild(kinds: list[str] | None = None, log: Any = None) -> dict[str, int]:
    from .sources import rebuild as run

    return run(kinds, log)


def index_new(kind: str, objs: list[Any]) -> None:
    """Index records another app created with ``bulk_create`` (no save signals)."""
    from .sources import index_new as run

    run(kind, objs)


def register(source: Any) -> None:
    from .sources import register as run

    run(source)


def __getattr__(name: str) -> Any:
    if name == "Source":
        from .sources import Source

        return Source
    raise AttributeError(name)
