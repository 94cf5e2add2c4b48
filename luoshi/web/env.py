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
        # No JIT compilation: luoshi's queries are short, and a query the planner costs high (a search
        # rechecking text) spent seconds compiling what runs in milliseconds (docs/benchmarks.md).
        if "jit" not in options.get("options", ""):
            options["options"] = " ".join(p for p in (options.get("options", ""), "-c jit=off") if p)
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


def cache_from_url(url: str | None, *, name: str = "LUOSHI_CACHE_URL") -> dict:
    """Django's CACHES from ``redis://host:6379/0`` (or ``rediss://``, ``unix:///path?db=0``).

    Without a URL each server process keeps its own cache in memory, as a single node needs. With
    Redis every node shares one: rate limits and sessions.
    """
    if not url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "luoshi"}}
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"redis", "rediss", "unix"}:
        raise SettingError(f"{name}={url!r}: expected a redis://host:6379/0 URL")
    if parts.scheme != "unix" and not parts.hostname:
        raise SettingError(f"{name}={url!r}: the Redis URL names no host")
    try:
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        raise SettingError(f"{name}={url!r}: the port is not a number") from None
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "luoshi",
            # a Redis that does not answer fails the request in seconds, not after the OS's timeout
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }


def storage_from_url(url: str | None, *, expire: int, name: str = "LUOSHI_STORAGE_URL") -> dict:
    """Django's STORAGES["default"] for uploaded evidence and other stored files.

    Without a URL the files live under ``LUOSHI_HOME/files``. ``s3://KEY:SECRET@host:9000/bucket`` puts
    them in an S3-compatible object store (MinIO, Ceph, a cloud's OSS) through django-storages:
    private objects, handed to browsers through links signed for ``expire`` seconds. Query parameters:
    ``secure=0`` (http instead of https), ``region=…``, ``prefix=…`` (a folder inside the bucket),
    ``public=https://host:port`` (the address browsers reach the store at, when it is not the app's).
    ``s3://bucket`` without a host uses the AWS endpoint and the usual AWS_* credentials.
    """
    if not url:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    parts = urlsplit(url)
    if parts.scheme.lower() != "s3":
        raise SettingError(f"{name}={url!r}: expected an s3://key:secret@host:port/bucket URL")
    options = dict(parse_qsl(parts.query))
    unknown = set(options) - {"secure", "region", "prefix", "public"}
    if unknown:
        raise SettingError(f"{name}={url!r}: unknown parameter {', '.join(sorted(unknown))}")
    if parts.password is not None or parts.username:
        access, secret = unquote(parts.username or ""), unquote(parts.password or "")
    else:
        access = secret = ""
    if parts.hostname and parts.path.strip("/"):
        bucket = unquote(parts.path.strip("/"))
        try:
            port = parts.port
        except ValueError:
            raise SettingError(f"{name}={url!r}: the port is not a number") from None
        secure = options.get("secure", "1").lower() not in _FALSE
        endpoint: str | None = f"{'https' if secure else 'http'}://{parts.hostname}" + (
            f":{port}" if port else ""
        )
    elif parts.username or parts.password or parts.netloc.rsplit("@", 1)[-1].count(":"):
        raise SettingError(f"{name}={url!r}: name one bucket, as s3://key:secret@host:port/bucket")
    else:
        bucket = unquote(parts.hostname or "")
        endpoint = None
    if not bucket or "/" in bucket:
        raise SettingError(f"{name}={url!r}: name one bucket, as s3://key:secret@host:port/bucket")
    storage_options: dict = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": options.get("region") or None,
        "location": options.get("prefix", "").strip("/"),
        "default_acl": None,  # the bucket's own policy: private
        "querystring_auth": True,  # links are signed ...
        "querystring_expire": expire,  # ... and short-lived
        "file_overwrite": False,
        "addressing_style": "path",
        "signature_version": "s3v4",
    }
    if access:
        storage_options.update(access_key=access, secret_key=secret)
    public = options.get("public", "")
    if public:
        if urlsplit(public).scheme not in {"http", "https"} or not urlsplit(public).hostname:
            raise SettingError(
                f"{name}={url!r}: public= must be an address such as https://luoshi.example:9443"
            )
        storage_options["public_url"] = public.rstrip("/")
    return {"BACKEND": "luoshi.ops.s3.ObjectStorage", "OPTIONS": storage_options}
