"""How many server processes and threads a node runs, read from the environment or sized to the
machine. Pure: no Django, so that gunicorn's master can read it without loading the application."""

from __future__ import annotations

import os


def _int(name: str, default: int, lo: int, hi: int) -> int:
    raw = (os.environ.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"{name}={raw!r}: 应为整数 (expected a whole number)") from None
    if not lo <= value <= hi:
        raise SystemExit(f"{name}={value}: 应在 {lo} 到 {hi} 之间 (must be from {lo} to {hi})")
    return value


def cores() -> int:
    """The cores this process may run on (a container's or a cgroup's share, where the OS says)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_workers() -> int:
    """LUOSHI_WORKERS, else gunicorn's rule of thumb 2 × cores + 1, at most 12."""
    return _int("LUOSHI_WORKERS", min(2 * cores() + 1, 12), 1, 64)


def default_threads() -> int:
    """LUOSHI_THREADS per worker, else 2: a request waiting on the database leaves the core to another."""
    return _int("LUOSHI_THREADS", 2, 1, 32)


def access_log() -> str | None:
    """LUOSHI_ACCESS_LOG: ``-`` (standard output, the default), a file, or ``off``."""
    value = (os.environ.get("LUOSHI_ACCESS_LOG") or "-").strip()
    return None if value.lower() in {"off", "0", "no", "none"} else value
