"""Run a command in its own process and measure what it cost: CPU seconds and peak memory, from the
kernel's accounting of that one finished child (``wait4``), so nothing the test holds is counted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    cpu_seconds: float
    peak_mb: float

    def cost(self) -> str:
        return f"{self.cpu_seconds:.1f} s CPU, {self.peak_mb:.0f} MB peak"


# A small process starts the command and reports what it cost: a forked child's peak memory counts
# the pages it shared with its parent before exec, so the parent must be small (not the test).
_LAUNCHER = """
import json, os, subprocess, sys
report, args = sys.argv[1], sys.argv[2:]
proc = subprocess.Popen(args)
_pid, status, usage = os.wait4(proc.pid, 0)
with open(report, "w") as fh:
    json.dump([os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss], fh)
"""


def run(
    args: list[str], *, env: dict[str, str] | None = None, cwd: str | None = None, timeout: float = 600
) -> Run:
    import json

    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as tmp,
    ):
        report = os.path.join(tmp, "cost.json")
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, report, *args],
            env=env,
            cwd=cwd,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return Run(-9, "", f"timed out after {timeout} s", timeout, 0.0)
        out.seek(0)
        err.seek(0)
        code, cpu, maxrss_kb = proc.returncode, 0.0, 0
        if os.path.exists(report):
            with open(report) as fh:
                code, cpu, maxrss_kb = json.load(fh)
        return Run(
            code,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
            cpu,
            maxrss_kb / 1024,
        )


def python(code: str, **kw: object) -> Run:
    return run([sys.executable, "-c", code], **kw)  # type: ignore[arg-type]


def peak(pid: int) -> float:
    """The peak resident memory (MB) of a running process (Linux)."""
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0
