"""``luoshi worker``: the scheduled work of a production instance, so that nobody writes a crontab.

Once a day at ``LUOSHI_SUPERVISE_AT`` (local time) the supervision run (``luoshi supervise``: lights,
notices, copy checks, scores, then the dashboard's figures), and every ``LUOSHI_OUTBOX_SECONDS`` the
outbox (notices waiting to be sent or retried). Each runs under a lock held across every node
(``luoshi.ops.locks``): with two workers, or a worker and a cron job, a run is never made twice at
once; the one that finds the lock taken skips its turn. A day whose run did not finish (the machine
was down at the hour, or the run was killed) is run as soon as the worker is back.

The work is in ``Worker.tick()``, which the tests call directly with a clock of their own.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import signal
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from .locks import exclusive

log = logging.getLogger("luoshi.worker")


@dataclass
class Tick:
    """What one tick did: ``supervised`` (None: not due; False: another node held the lock)."""

    supervised: bool | None = None
    sent: int | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Worker:
    supervise_at: dt.time = field(default_factory=lambda: dt.time.fromisoformat(settings.SUPERVISE_AT))
    outbox_every: dt.timedelta = field(default_factory=lambda: dt.timedelta(seconds=settings.OUTBOX_SECONDS))
    echo: Callable[[str], None] = log.info
    _last_outbox: dt.datetime | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    def supervision_due(self, now: dt.datetime) -> bool:
        """Whether today's run is due: the hour has come and no run for today has finished."""
        from luoshi.supervision.models import Run

        local = timezone.localtime(now)
        if local.time() < self.supervise_at:
            return False
        return not Run.objects.filter(today=local.date(), finished_at__isnull=False).exists()

    def tick(self, now: dt.datetime | None = None) -> Tick:
        now = now or timezone.now()
        done = Tick()
        if self.supervision_due(now):
            done.supervised = self.supervise(timezone.localtime(now).date())
        if self._last_outbox is None or now - self._last_outbox >= self.outbox_every:
            done.sent = self.send_outbox()
            self._last_outbox = now
        return done

    def supervise(self, today: dt.date) -> bool:
        """Run the day's supervision; False when another node held the lock (or the run failed)."""
        from django.core.management import call_command

        from luoshi.supervision.models import Run

        out = io.StringIO()
        # the command takes the lock "supervise" itself (as when cron runs it) and says if it skipped
        call_command("supervise", "--today", today.isoformat(), stdout=out)
        self.echo(out.getvalue().strip())
        return bool(Run.objects.filter(today=today, finished_at__isnull=False).exists())

    def send_outbox(self) -> int | None:
        from luoshi.supervision import outbox

        with exclusive("outbox") as mine:
            if not mine:
                return None
            outcome = outbox.send_pending()
        if outcome.sent or outcome.failed or outcome.retrying:
            self.echo(f"发送：成功 {outcome.sent}，失败 {outcome.failed}，待重试 {outcome.retrying}")
        return int(outcome.sent)

    def stop(self, *_args: object) -> None:
        self._stop.set()

    def run_forever(self) -> None:
        """Tick, then sleep until the next outbox turn (or a stop signal), until stopped."""
        with suppress(ValueError):  # not the main thread (tests): leave the handlers alone
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
        while not self._stop.is_set():
            close_old_connections()
            try:
                self.tick()
            except Exception:  # one failed turn (the database restarting) must not end the worker
                log.exception("worker: this turn failed; the next one tries again")
            close_old_connections()
            self._stop.wait(min(self.outbox_every.total_seconds(), 60))
