"""Sending from the outbox: claim pending deliveries, send each, record every attempt.

A delivery is claimed by a conditional UPDATE (``state = pending`` → ``sending`` with this sender's
token), which works the same on SQLite and PostgreSQL: two senders running at once never claim the
same row. The claim is committed before anything is sent, and the result after, so a sender killed
halfway loses nothing: the deliveries it had not reached are still pending, and one it had claimed
but not finished is claimed again once its lease (``LEASE``) has run out. A failed send is retried
with growing pauses (``BACKOFF``) and given up after ``MAX_ATTEMPTS``, each attempt kept in
``DeliveryAttempt``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import F, Q
from django.utils import timezone

from .models import Delivery, DeliveryAttempt, DeliveryState
from .transports import SendError, Sent, send

LEASE = dt.timedelta(minutes=10)
BACKOFF = [dt.timedelta(minutes=m) for m in (1, 5, 30, 120)]
MAX_ATTEMPTS = 5

Transport = Callable[[Delivery], Sent]


@dataclass
class Outcome:
    sent: int = 0
    failed: int = 0
    retrying: int = 0


def _due(now: dt.datetime) -> Q:
    return Q(state=DeliveryState.PENDING, next_at__lte=now) | Q(
        state=DeliveryState.SENDING, claimed_at__lt=now - LEASE
    )


def claim(limit: int = 100, now: dt.datetime | None = None) -> tuple[str, list[Delivery]]:
    """Claim up to ``limit`` deliveries that are due; returns the claim token and the rows."""
    now = now or timezone.now()
    token = uuid.uuid4().hex
    ids = list(Delivery.objects.filter(_due(now)).order_by("id").values_list("pk", flat=True)[:limit])
    if not ids:
        return token, []
    # conditional: a row another sender claimed in between no longer matches and is left alone
    Delivery.objects.filter(_due(now), pk__in=ids).update(
        state=DeliveryState.SENDING, claim=token, claimed_at=now
    )
    rows = list(
        Delivery.objects.filter(claim=token, state=DeliveryState.SENDING)
        .select_related("notice", "notice__unit", "channel")
        .order_by("id")
    )
    return token, rows


def deliver(delivery: Delivery, token: str, transport: Transport = send) -> str:
    """Send one claimed delivery and record the attempt; returns the delivery's new state."""
    attempt = DeliveryAttempt.objects.create(delivery=delivery, started_at=timezone.now())
    try:
        result = transport(delivery)
    except SendError as e:
        finished = timezone.now()
        DeliveryAttempt.objects.filter(pk=attempt.pk).update(
            finished_at=finished, ok=False, status=e.status, response=e.response[:2000], error=str(e)[:2000]
        )
        tries = delivery.attempts + 1
        if tries >= MAX_ATTEMPTS:
            state, next_at = DeliveryState.FAILED, finished
        else:
            state, next_at = DeliveryState.PENDING, finished + BACKOFF[min(tries, len(BACKOFF)) - 1]
        Delivery.objects.filter(pk=delivery.pk, claim=token).update(
            state=state, attempts=F("attempts") + 1, next_at=next_at, last_error=str(e)[:2000], claim=""
        )
        return state
    finished = timezone.now()
    DeliveryAttempt.objects.filter(pk=attempt.pk).update(
        finished_at=finished, ok=True, status=result.status, response=result.response[:2000]
    )
    Delivery.objects.filter(pk=delivery.pk, claim=token).update(
        state=DeliveryState.SENT, attempts=F("attempts") + 1, sent_at=finished, last_error="", claim=""
    )
    return DeliveryState.SENT


def send_pending(transport: Transport = send, *, limit: int | None = None, batch: int = 50) -> Outcome:
    """Send every due delivery (or up to ``limit``), batch by batch."""
    outcome = Outcome()
    done = 0
    while limit is None or done < limit:
        size = batch if limit is None else min(batch, limit - done)
        token, rows = claim(size)
        if not rows:
            break
        for n, d in enumerate(rows):
            try:
                state = deliver(d, token, transport)
            except BaseException:
                # interrupted (Ctrl+C, SIGTERM): hand back the rows not reached; the one being sent
                # may or may not have gone, so it waits for its lease to run out
                release([r.pk for r in rows[n + 1 :]], token)
                raise
            done += 1
            if state == DeliveryState.SENT:
                outcome.sent += 1
            elif state == DeliveryState.FAILED:
                outcome.failed += 1
            else:
                outcome.retrying += 1
    return outcome


def release(ids: list[int], token: str) -> None:
    """Return claimed, unsent deliveries to the outbox."""
    if ids:
        Delivery.objects.filter(pk__in=ids, claim=token, state=DeliveryState.SENDING).update(
            state=DeliveryState.PENDING, claim="", claimed_at=None
        )
