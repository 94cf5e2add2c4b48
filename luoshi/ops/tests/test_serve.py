"""``luoshi serve`` runs gunicorn: several workers, the app's own static files, an access log, a
graceful reload on SIGHUP and a clean stop on SIGTERM; ``--dev`` keeps Django's server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

LUOSHI = [sys.executable, "-m", "luoshi"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _wait_up(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server stopped: {proc.returncode}")
        try:
            if _get(url)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[bytes], Path]]:
    tmp_path = tmp_path_factory.mktemp("serve")
    port = _free_port()
    log = tmp_path / "server.log"
    env = {
        **os.environ,
        "LUOSHI_HOME": str(tmp_path / "home"),
        "LUOSHI_WORKERS": "2",
        "LUOSHI_DEBUG": "0",
        "LUOSHI_SECRET_KEY": "s" * 40,
        "LUOSHI_ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("LUOSHI_DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    with log.open("wb") as out:
        proc = subprocess.Popen([*LUOSHI, "serve", "--port", str(port)], env=env, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base + "/healthz", proc)
        yield base, proc, log
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)


def test_serve_answers_pages_static_files_and_probes_through_gunicorn(
    server: tuple[str, subprocess.Popen[bytes], Path],
) -> None:
    base, _proc, log = server
    status, _headers, body = _get(base + "/login/")
    assert status == 200
    assert "登录".encode() in body
    status, headers, _body = _get(base + "/static/luoshi/luoshi.css")
    assert status == 200
    assert "max-age" in headers["Cache-Control"]
    assert _get(base + "/readyz")[0] == 200
    time.sleep(0.5)
    text = log.read_text(encoding="utf-8")
    assert "gunicorn" in text
    assert '"GET /login/ HTTP/1.1" 200' in text  # the access log
    assert "数据库：SQLite" in text


# runs after the test above, on the same server, which it stops
def test_serve_reloads_gracefully_on_hup_and_stops_cleanly_on_term(
    server: tuple[str, subprocess.Popen[bytes], Path],
) -> None:
    base, proc, _log = server
    proc.send_signal(signal.SIGHUP)
    for _ in range(20):
        assert _get(base + "/healthz")[0] == 200
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(40) == 0


def test_serve_dev_keeps_djangos_server(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "LUOSHI_HOME": str(tmp_path / "home")}
    env.pop("LUOSHI_DATABASE_URL", None)
    proc = subprocess.Popen(
        [*LUOSHI, "serve", "--dev", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_up(f"http://127.0.0.1:{port}/healthz", proc)
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0].decode()
    assert "开发服务器" in out
    assert "gunicorn" not in out
