"""Copy-paste reports (形式主义): reports nearly the same as the unit's previous report on the task, or
as another unit's report, and reports that claim progress with neither evidence nor a measured value.

A run checks the reports handed in since the last run (new ids, or submitted again since it
started). Each report is compared with:
- the same unit's report on the same task for the previous period;
- other units' reports for the same period on the same task, its parent, its sub-tasks and its
  sibling sub-tasks (co-operating units, and banners of one league on a cascaded task);
- any report of another unit for the same period with exactly the same text.
Texts shorter than ``Rules.copy_min_chars`` (after dropping punctuation) are not compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db.models import Max, Q

from luoshi.ledger.models import Task
from luoshi.progress.models import Claim, Evidence, Measurement, Report
from luoshi.progress.periods import Period

from .lights import HANDED_IN
from .models import CopyFlag, FlagKind, Rules, Run
from .similarity import bigrams, jaccard, normalize

CHUNK = 2000


@dataclass(frozen=True)
class Finding:
    report_id: int
    kind: str
    other_id: int | None
    similarity: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "report": self.report_id,
            "kind": self.kind,
            "other": self.other_id,
            "similarity": None if self.similarity is None else round(self.similarity, 3),
        }


FIELDS = ("pk", "task_id", "unit_id", "period", "narrative", "percent", "claim", "state")


@dataclass
class Row:
    pk: int
    task_id: int
    unit_id: int
    period: str
    narrative: str
    percent: int
    claim: str
    state_ok: bool = True  # handed in (not merely returned)
    grams: frozenset[str] = field(default_factory=frozenset)


@lru_cache(maxsize=256)
def _previous(key: str) -> str:
    try:
        return Period.parse(key).previous().key
    except ValueError:
        return ""


@dataclass
class CopyChecker:
    rules: Rules
    periods: set[str] | None = None  # restrict a first run to these periods (the lookback windows)

    def candidates(self, since: Run | None) -> tuple[Any, int]:
        """Reports to check, and the highest report id seen (the next run's watermark)."""
        top = Report.objects.aggregate(m=Max("pk"))["m"] or 0
        qs = Report.objects.filter(state__in=HANDED_IN)
        if since is None or not since.checked_report:
            if self.periods is not None:
                qs = qs.filter(period__in=sorted(self.periods))
            qs = qs.filter(pk__lte=top)
        else:
            qs = qs.filter(
                Q(pk__gt=since.checked_report, pk__lte=top)
                | Q(pk__lte=since.checked_report, submitted_at__gte=since.started_at)
            )
        return qs, top

    def check(self, since: Run | None) -> tuple[list[Finding], int, int]:
        """(findings, reports checked, watermark). Candidates stream in task order, CHUNK at a time."""
        qs, top = self.candidates(since)
        findings: list[Finding] = []
        checked = 0
        batch: list[Row] = []
        stream = qs.order_by("task_id", "unit_id", "period").values_list(*FIELDS)
        for r in stream.iterator(chunk_size=CHUNK):
            batch.append(Row(*r[:-1]))
            if len(batch) >= CHUNK:
                findings.extend(self.check_rows(batch))
                checked += len(batch)
                batch = []
        if batch:
            findings.extend(self.check_rows(batch))
            checked += len(batch)
        return findings, checked, top

    def check_ids(self, ids: Iterable[int]) -> list[Finding]:
        return self.check_rows(self._rows(Report.objects.filter(pk__in=list(ids))))

    def _rows(self, qs: Any, states: Iterable[str] | None = None) -> list[Row]:
        """Rows of ``qs``; ``states`` filtered here rather than in SQL, where SQLite would choose the
        index on state over the one on (task, period)."""
        wanted = set(states) if states is not None else None
        return [
            Row(*r[:-1], state_ok=r[-1] in HANDED_IN)
            for r in qs.order_by().values_list(*FIELDS)
            if wanted is None or r[-1] in wanted
        ]

    def _around(self, task_ids: set[int], periods: set[str]) -> list[Row]:
        """Handed-in or returned reports of these tasks in these periods: by a range of task ids when
        the tasks are dense (one index range scan), else by lists of ids."""
        states = (*HANDED_IN, "returned")
        qs = Report.objects.filter(period__in=sorted(periods))
        lo, hi = min(task_ids), max(task_ids)
        if len(task_ids) * 2 >= hi - lo + 1:
            return [
                r
                for r in self._rows(qs.filter(task_id__gte=lo, task_id__lte=hi), states)
                if r.task_id in task_ids
            ]
        ids = sorted(task_ids)
        out: list[Row] = []
        for i in range(0, len(ids), CHUNK):
            out.extend(self._rows(qs.filter(task_id__in=ids[i : i + CHUNK]), states))
        return out

    def check_rows(self, rows: list[Row]) -> list[Finding]:
        rules = self.rules
        if not rows:
            return []
        long_enough = [r for r in rows if len(normalize(r.narrative)) >= rules.copy_min_chars]
        for r in long_enough:
            r.grams = bigrams(r.narrative)
        findings: list[Finding] = []
        task_ids = {r.task_id for r in rows}
        periods = {r.period for r in rows}
        prev_keys = {_previous(p) for p in periods} - {""}
        family = self._family(task_ids) if long_enough else {}
        related = task_ids | {t for ts in family.values() for t in ts}
        previous: dict[tuple[int, int, str], Row] = {}
        peers: dict[tuple[int, str], list[Row]] = defaultdict(list)
        for r in self._around(related, periods | prev_keys):
            if r.period in prev_keys and r.task_id in task_ids:
                previous[(r.task_id, r.unit_id, r.period)] = r
            if r.period in periods and r.state_ok:
                peers[(r.task_id, r.period)].append(r)
        # reports with the very same text anywhere in the period
        exact: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        texts = {r.narrative for r in long_enough}
        if texts:
            for pk, unit_id, period, narrative in (
                Report.objects.filter(period__in=periods, state__in=HANDED_IN, narrative__in=list(texts))
                .order_by()
                .values_list("pk", "unit_id", "period", "narrative")
            ):
                exact[(period, narrative)].append((pk, unit_id))

        for r in long_enough:
            prev = previous.get((r.task_id, r.unit_id, _previous(r.period)))
            if prev is not None:
                s = jaccard(r.grams, bigrams(prev.narrative))
                if s >= rules.copy_threshold and len(normalize(prev.narrative)) >= rules.copy_min_chars:
                    findings.append(Finding(r.pk, FlagKind.SAME_UNIT, prev.pk, s))
            best: tuple[float, int] | None = None
            for t in {r.task_id, *family.get(r.task_id, ())}:
                for other in peers.get((t, r.period), ()):
                    if other.unit_id == r.unit_id or other.pk == r.pk:
                        continue
                    s = jaccard(r.grams, bigrams(other.narrative))
                    if s >= rules.copy_threshold and (best is None or s > best[0]):
                        best = (s, other.pk)
            if best is None:
                for pk, unit_id in exact.get((r.period, r.narrative), ()):
                    if unit_id != r.unit_id:
                        best = (1.0, pk)
                        break
            if best is not None:
                findings.append(Finding(r.pk, FlagKind.OTHER_UNIT, best[1], best[0]))

        # progress claimed with neither evidence nor a measured value
        claims = []
        for r in rows:
            prev = previous.get((r.task_id, r.unit_id, _previous(r.period)))
            before = prev.percent if prev is not None else 0
            if r.percent > before or r.claim == Claim.DONE:
                claims.append(r.pk)
        if claims:
            supported = set(
                Evidence.objects.filter(report_id__in=claims, withdrawn=False)
                .order_by()
                .values_list("report_id", flat=True)
            ) | set(
                Measurement.objects.filter(report_id__in=claims, value__isnull=False)
                .order_by()
                .values_list("report_id", flat=True)
            )
            findings.extend(
                Finding(pk, FlagKind.UNSUPPORTED, None, None) for pk in claims if pk not in supported
            )
        return findings

    def _family(self, task_ids: set[int]) -> dict[int, set[int]]:
        """For each task: its parent, its sub-tasks and its siblings."""
        rows = list(Task.objects.filter(pk__in=task_ids).values_list("pk", "parent_id"))
        parents = {p for _pk, p in rows if p is not None}
        children: dict[int, set[int]] = defaultdict(set)
        for pk, parent in Task.objects.filter(
            Q(parent_id__in=task_ids) | Q(parent_id__in=parents)
        ).values_list("pk", "parent_id"):
            children[parent].add(pk)
        out: dict[int, set[int]] = {}
        for pk, parent in rows:
            related = set(children.get(pk, ()))
            if parent is not None:
                related |= {parent} | children.get(parent, set())
            related.discard(pk)
            if related:
                out[pk] = related
        return out


def store(findings: Iterable[Finding]) -> int:
    """Save new flags (a flag already raised for a report stays as it is). Returns how many are new."""
    findings = list(findings)
    if not findings:
        return 0
    before = CopyFlag.objects.count()
    CopyFlag.objects.bulk_create(
        [
            CopyFlag(report_id=f.report_id, kind=f.kind, other_id=f.other_id, similarity=f.similarity)
            for f in findings
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    return CopyFlag.objects.count() - before
