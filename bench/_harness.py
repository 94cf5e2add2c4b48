"""What a benchmark returns, and how the results are printed and written to docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
SHARED = Path(os.environ.get("LUOSHI_SHARED") or ROOT.parent / "shared")  # a git worktree points it elsewhere


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str  # "ms", "s", "MB"
    goal: float | None = None  # the value must be at most this
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return ""
        return "ok" if self.value <= self.goal else "OVER"

    def row(self) -> str:
        goal = f"≤ {self.goal:g} {self.unit}" if self.goal is not None else ""
        return f"| {self.name} | {self.value:.3g} {self.unit} | {goal} | {self.verdict} | {self.note} |"


def timings(fn: Callable[[], object], *, runs: int, warmup: int = 3) -> list[float]:
    """Wall times of ``fn`` in milliseconds, after ``warmup`` calls."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def bare_sql(fn: Callable[[], object]) -> tuple[Callable[[], object], int]:
    """What ``fn`` asks of the database, to be sent again alone: ``fn`` runs once with every statement
    (SQL and parameters) recorded; the function returned sends exactly those statements through a plain
    cursor and reads every row, in a transaction rolled back after (a page's writes, such as a
    session's, are sent but not kept). Also returns how many statements there are. The page's time over
    this one says how far the page is from the database's floor."""
    from django.db import connection, transaction

    statements: list[tuple[str, object]] = []

    def record(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        if not many and not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        fn()

    def replay() -> None:
        with transaction.atomic():
            with connection.cursor() as cursor:
                for sql, params in statements:
                    cursor.execute(sql, params)
                    if cursor.description is not None:
                        cursor.fetchall()
            transaction.set_rollback(True)

    return replay, len(statements)


def with_floor(
    fn: Callable[[], object], *, runs: int, warmup: int = 3
) -> tuple[list[float], list[float], int]:
    """Wall times (ms) of ``fn`` and of its bare SQL (``bare_sql``), measured in turn so that a load on
    the machine weighs on both alike; and the number of statements."""
    for _ in range(warmup):
        fn()
    replay, statements = bare_sql(fn)
    page, floor = [], []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        page.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        replay()
        floor.append((time.perf_counter() - start) * 1000)
    return page, floor, statements


def floor_rows(
    name: str, page: list[float], floor: list[float], statements: int, goal: float | None, note: str
) -> list[Result]:
    """The rows of one page: its p95 against the goal, its median, and its bare SQL's median with the ratio."""
    median, sql = statistics.median(page), statistics.median(floor)
    return [
        Result(f"{name}, p95", p95(page), "ms", goal, note),
        Result(f"{name}, median", median, "ms", None, ""),
        Result(
            f"{name}, its SQL alone, median",
            sql,
            "ms",
            None,
            f"page ÷ SQL = {median / sql:.1f}, {statements} statements"
            if sql > 0
            else f"{statements} statements",
        ),
    ]


def load() -> str:
    """The machine's load average over the last minute, for the record beside a timing."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "?"


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def machine() -> str:
    cpus = os.cpu_count()
    return f"{platform.machine()}, {cpus} cores, Python {platform.python_version()}, {platform.system()}"


LOADS: list[str] = []  # the load average when the benchmark started and ended (bench/__main__.py)


def _loads() -> str:
    if not LOADS:
        return ""
    return f"; load average {' then '.join(LOADS)} (a shared machine: timings under load are not final)"


def write_section(title: str, results: list[Result], intro: str) -> None:
    """Replace (or add) the section ``## title`` of docs/benchmarks.md with these results."""
    body = [
        f"## {title}",
        "",
        intro.strip(),
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {machine()}{_loads()}.",
        "",
        "| measure | result | goal | | note |",
        "|---|---|---|---|---|",
        *(r.row() for r in results),
        "",
    ]
    section = "\n".join(body)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else _HEADER
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = (
        pattern.sub(lambda _: section + "\n", text)
        if pattern.search(text)
        else text.rstrip("\n") + "\n\n" + section
    )
    DOC.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


_HEADER = """# Benchmarks

Speed and memory goals are checked here, by `make bench`, never by timed tests. Each section is
rewritten by the benchmark that owns it (`bench/bench_*.py`); the numbers are what the last run on
the named machine measured. A line marked OVER misses its goal.
"""
