"""Small typed readers of the environment that fail loudly on bad values.

Every setting luoshi reads goes through one of these (so ``docs/configuration.md`` can be checked
against them). A bad value raises :class:`SettingError` naming the variable and what it should be.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class SettingError(Exception):
    """A setting in the environment has a value luoshi cannot use."""


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None else value.strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingError(f"{name}={raw!r}: expected one of 1/0, true/false, yes/no, on/off")


def env_int(name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise SettingError(f"{name}={raw!r}: expected a whole number") from None
    if minimum is not None and value < minimum:
        raise SettingError(f"{name}={value}: must be at least {minimum}")
    if maximum is not None and value > maximum:
        raise SettingError(f"{name}={value}: must be at most {maximum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_path(name: str, default: str) -> Path:
    raw = os.environ.get(name)
    value = default if raw is None or not raw.strip() else raw.strip()
    return Path(value).expanduser().resolve()


def database_from_url(url: str, *, name: str = "LUOSHI_DATABASE_URL", home: Path | None = None) -> dict:
    """A Django DATABASES entry from ``sqlite:///path`` or ``postgresql://user:pw@host:port/db``.

    A relative SQLite path is taken relative to ``home`` (LUOSHI_HOME). SQLite runs in WAL mode with
    immediate transactions, so that concurrent writers queue instead of failing.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    options = dict(parse_qsl(parts.query))
    if scheme == "sqlite":
        raw_path = unquote(parts.path)
        if parts.netloc:
            raise SettingError(f"{name}={url!r}: write sqlite:///relative/path or sqlite:////absolute/path")
        raw_path = raw_path[1:] if raw_path.startswith("/") else raw_path
        if not raw_path:
            raise SettingError(f"{name}={url!r}: the SQLite URL names no file")
        path = Path(raw_path)
        if raw_path != ":memory:" and not path.is_absolute():
            path = (home or Path.cwd()) / path
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path) if raw_path != ":memory:" else ":memory:",
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    if scheme in {"postgres", "postgresql"}:
        database = unquote(parts.path.lstrip("/"))
        if not database:
            raise SettingError(f"{name}={url!r}: the PostgreSQL URL names no database")
        try:
            port = parts.port
        except ValueError:
            raise SettingError(f"{name}={url!r}: the port is not a number") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": database,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": unquote(parts.hostname or ""),
            "PORT": str(port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise SettingError(f"{name}={url!r}: expected a sqlite:/// or postgresql:// URL")
