"""The compose topology without containers: two `luoshi serve` nodes on one database, one Redis and
one object store, and two workers started at the same moment (docs/deployment.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import free_port

LUOSHI = [sys.executable, "-m", "luoshi"]

SETUP = """
import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
django.setup()
from luoshi.api.models import ApiToken
from luoshi.ledger.tests.factory import make_task, make_unit, make_user
unit = make_unit()
office = make_user("node-office", role="office")
for n in range(3):
    make_task(lead_unit=unit)
print(ApiToken.issue(user=office, name="nodes", by=None)[1])
"""


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A new database the nodes share: on the test run's PostgreSQL server when there is one."""
    server = os.environ.get("LUOSHI_TEST_DATABASE_URL", "")
    if not server.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"
        return
    import psycopg

    name = f"luoshi_nodes_{uuid.uuid4().hex[:10]}"
    base = server.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def env(database_url: str, redis_url: str, s3_url: str, tmp_path: Path) -> dict[str, str]:
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    base = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "LUOSHI_HOME"}}
    return {
        **base,
        "LUOSHI_DATABASE_URL": database_url,
        "LUOSHI_CACHE_URL": redis_url,
        "LUOSHI_STORAGE_URL": s3_url,
        "LUOSHI_DEBUG": "0",
        "LUOSHI_SECRET_KEY": "n" * 40,
        "LUOSHI_ALLOWED_HOSTS": "127.0.0.1",
        "LUOSHI_WORKERS": "1",
        "LUOSHI_API_RATE_PER_MINUTE": "5",
        "LUOSHI_HOME": str(tmp_path / "home"),
    }


def _get(url: str, token: str | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=15) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        body = e.read()
        return e.code, json.loads(body) if body.startswith(b"{") else None


def _up(base: str) -> bool:
    try:
        return _get(base + "/healthz")[0] == 200
    except OSError:
        return False


@pytest.fixture
def nodes(env: dict[str, str], tmp_path: Path) -> Iterator[tuple[list[str], str]]:
    subprocess.run([*LUOSHI, "manage", "migrate", "-v", "0"], env=env, check=True, capture_output=True)
    token = (
        subprocess.run([sys.executable, "-c", SETUP], env=env, check=True, capture_output=True, text=True)
        .stdout.strip()
        .splitlines()[-1]
    )
    procs, bases = [], []
    for n in range(2):
        port = free_port()
        with (tmp_path / f"node{n}.log").open("wb") as log:
            procs.append(
                subprocess.Popen(
                    [*LUOSHI, "serve", "--port", str(port)],
                    env={**env, "LUOSHI_HOME": str(tmp_path / f"home{n}")},
                    stdout=log,
                    stderr=log,
                )
            )
        bases.append(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 90
        for base in bases:
            while not _up(base):
                assert time.monotonic() < deadline, "a node did not start"
                time.sleep(0.3)
        yield bases, token
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(40)


def test_two_nodes_share_the_database_the_rate_limit_and_readiness(nodes: tuple[list[str], str]) -> None:
    (a, b), token = nodes
    assert _get(a + "/api/v1/tasks", token)[1]["count"] == 3
    assert _get(b + "/api/v1/tasks", token)[1]["count"] == 3
    answers = [_get(base + "/api/v1/me", token)[0] for base in (a, b, a, b)]
    assert answers == [200, 200, 200, 429]  # five a minute, counted once for both nodes
    for base in (a, b):
        status, body = _get(base + "/readyz")
        assert status == 503  # three tasks in hand and no supervision run yet: said, not hidden
        assert body["checks"]["supervision"]["ok"] is False
        assert body["checks"]["cache"]["ok"] is True
        assert body["checks"]["database"]["ok"] is True


def test_two_workers_started_together_make_one_supervision_run(env: dict[str, str]) -> None:
    subprocess.run([*LUOSHI, "manage", "migrate", "-v", "0"], env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-c", SETUP], env=env, check=True, capture_output=True)
    env = {**env, "LUOSHI_SUPERVISE_AT": "00:00"}
    workers = [
        subprocess.Popen(
            [*LUOSHI, "worker", "--once"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for _ in range(2)
    ]
    outputs = [w.communicate(timeout=180)[0].decode() for w in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs
    count = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'luoshi.web.settings'); "
            "django.setup(); from luoshi.supervision.models import Run; print(Run.objects.count())",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert count == "1", outputs
