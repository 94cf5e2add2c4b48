"""A real luoshi site for the attack suites: a database built like the demo's, served by a real
server in its own process (so that it can be killed with SIGKILL), and a plain HTTP client.

Nothing here imports Django: the site runs in subprocesses, the way an office runs it, and the
tests look at it from outside (HTTP, the database file, the command line).
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PASSWORD = "luoshi-demo"  # the demo accounts' password (luoshi.progress.demo.PASSWORD)

_BUILD = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from luoshi.progress.demo import build
from luoshi.samples import SAMPLE_DECISION
build(SAMPLE_DECISION, is_sample=True)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def postgres_url() -> str | None:
    url = os.environ.get("LUOSHI_DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@dataclass
class Database:
    """Where a site keeps its data: a SQLite file under ``home``, or a PostgreSQL database."""

    home: Path
    url: str

    @property
    def is_postgres(self) -> bool:
        return self.url.startswith("postgres")

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LUOSHI_"))}
        env.update(
            LUOSHI_HOME=str(self.home),
            LUOSHI_DATABASE_URL=self.url,
            LUOSHI_DEBUG="1",
            PYTHONDONTWRITEBYTECODE="1",
            DJANGO_SETTINGS_MODULE="luoshi.web.settings",
        )
        env.update(extra)
        return env

    def python(self, code: str, *, timeout: float = 300, **env: str) -> str:
        """Run ``code`` with Django set up on this database; its standard output."""
        prelude = "import django, os; django.setup()\n"
        done = subprocess.run(
            [PYTHON, "-c", prelude + code],
            env=self.env(**env),
            cwd=self.home,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode:
            raise RuntimeError(f"subprocess failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` read straight from the database (not through Django)."""
        code = (
            "from django.db import connection; import json\n"
            f"with connection.cursor() as c: c.execute({sql!r}); print(json.dumps(c.fetchall(), default=str))"
        )
        return [tuple(r) for r in json.loads(self.python(code).strip().splitlines()[-1])]

    def integrity(self) -> str:
        """'ok' when the database's own integrity check passes."""
        if self.is_postgres:  # PostgreSQL enforces its constraints itself: a readable database is whole
            self.query("SELECT count(*) FROM ledger_task")
            return "ok"
        found = self.query("PRAGMA integrity_check")[0][0]
        broken_links = self.query("PRAGMA foreign_key_check")
        return str(found) if not broken_links else f"foreign keys broken: {broken_links[:3]}"


def demo_database(tmp: Path, template: Path | None = None) -> Database:
    """A fresh database holding the demo (decision, units, assignments, reports, accounts)."""
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    pg = postgres_url()
    if pg:
        name = f"attack_{os.getpid()}_{int(time.time() * 1000) % 10**9}"
        admin = re.sub(r"/[^/?]*(\?|$)", r"/postgres\1", pg, count=1)
        _psql(admin, f'CREATE DATABASE "{name}"')
        db = Database(home, re.sub(r"/[^/?]*(\?|$)", rf"/{name}\1", pg, count=1))
        db.python(_BUILD)
        return db
    db = Database(home, f"sqlite:///{home}/luoshi.sqlite3")
    if template is not None and template.exists():
        shutil.copy(template, home / "luoshi.sqlite3")
    else:
        db.python(_BUILD)
    return db


def drop(db: Database) -> None:
    if db.is_postgres:
        name = urllib.parse.urlsplit(db.url).path.lstrip("/")
        admin = re.sub(r"/[^/?]*(\?|$)", r"/postgres\1", db.url, count=1)
        _psql(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _psql(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@dataclass
class Server:
    """``luoshi serve`` (Django's threaded server) in its own process group."""

    db: Database
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> Server:
        self.log = self.db.home / f"server-{self.port}.log"
        self.process = subprocess.Popen(
            [PYTHON, "-m", "luoshi.cli", "serve", "--port", str(self.port)],
            env=self.db.env(),
            cwd=self.db.home,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("ab"),
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log.read_text()[-2000:]}")
            try:
                urllib.request.urlopen(self.url + "/login/", timeout=2).read()
                return self
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise RuntimeError("the server did not answer in time")

    def kill9(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill9()

    def errors(self) -> str:
        return self.log.read_text(errors="replace") if self.log and self.log.exists() else ""


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]
    seconds: float

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class Browser:
    """A person at a browser: cookies, the CSRF token, forms posted as the site's own forms are."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def request(
        self,
        method: str,
        path: str,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> Answer:
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        start = time.monotonic()
        try:
            with self.opener.open(req, timeout=timeout) as r:
                return Answer(r.status, r.read(), dict(r.headers), time.monotonic() - start)
        except urllib.error.HTTPError as e:
            return Answer(e.code, e.read(), dict(e.headers or {}), time.monotonic() - start)

    def get(self, path: str, **kw: Any) -> Answer:
        return self.request("GET", path, **kw)

    def csrf(self) -> str:
        for c in self.jar:
            if c.name == "csrftoken":
                return str(c.value)
        self.get("/login/")
        return next(str(c.value) for c in self.jar if c.name == "csrftoken")

    def post(self, path: str, fields: dict[str, Any] | list[tuple[str, Any]], **kw: Any) -> Answer:
        items = list(fields.items()) if isinstance(fields, dict) else list(fields)
        items.append(("csrfmiddlewaretoken", self.csrf()))
        body = urllib.parse.urlencode(items).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": self.base + path}
        return self.request("POST", path, data=body, headers=headers, **kw)

    def upload(self, path: str, fields: dict[str, str], name: str, content: bytes, **kw: Any) -> Answer:
        boundary = "----luoshi-attack-boundary"
        parts = []
        for k, v in {**fields, "csrfmiddlewaretoken": self.csrf()}.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
            )
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
        parts.append(f"--{boundary}--\r\n".encode())
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": self.base + path,
        }
        return self.request("POST", path, data=b"".join(parts), headers=headers, **kw)

    def sign_in(self, username: str, password: str = PASSWORD) -> Browser:
        answer = self.post("/login/", {"username": username, "password": password})
        if answer.status != 302:
            raise AssertionError(f"sign-in as {username} failed: {answer.status}")
        return self


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None
