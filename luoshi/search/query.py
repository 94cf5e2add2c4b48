"""Searching: parse the query, match and rank in the database, mark the words in the page's hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.utils.safestring import SafeString

from .backends import backend
from .highlight import mark, snippet
from .tokens import Term, parse_query

PER_PAGE = 20
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: str
    object_id: int
    task_id: int | None
    title: SafeString
    snippet: SafeString
    url: str
    score: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.object_id,
            "task": self.task_id,
            "title": str(self.title),
            "snippet": str(self.snippet),
            "url": self.url,
            "score": round(self.score, 6),
        }


@dataclass
class Results:
    q: str
    terms: list[Term]
    count: int = 0
    count_exact: bool = True
    page: Page | None = None
    hits: list[Hit] = field(default_factory=list)


CANDIDATES = 5_000


def search(
    user: Any, q: str, *, kinds: list[str] | None = None, page: Any = 1, per_page: int = PER_PAGE
) -> Results:
    """The entries ``user`` may see that contain every word of ``q``, best first, one page of them,
    with snippets. Two queries whatever the size of the index.

    Ranking is bounded: the database walks the matches the user may read from the newest and stops at
    ``CANDIDATES`` of them, scoring only those (a phrase found in every report does not make it score a
    million); they are ranked by the database's own score, newest first among equals. The bound applies
    to what the user may read, so a unit finds its own records however many others match. When more
    match, ``count_exact`` is false and ``count`` is ``CANDIDATES``.
    """
    from .models import SearchEntry
    from .sources import registry

    terms = parse_query(q)
    results = Results(q=q, terms=terms)
    if not terms:
        return results
    qs = SearchEntry.objects.visible_to(user)
    if kinds:
        qs = qs.filter(kind__in=[k for k in kinds if k in registry])
    ranked = backend().ranked_ids(qs, terms, limit=CANDIDATES + 1)
    results.count_exact = len(ranked) <= CANDIDATES
    scores = dict(ranked[:CANDIDATES])
    order = sorted(scores, key=lambda pk: (-scores[pk], -pk))
    paginator = Paginator(order, max(1, min(per_page, MAX_PER_PAGE)))
    results.page = paginator.get_page(page)
    results.count = paginator.count
    entries = SearchEntry.objects.only("kind", "object_id", "task_id", "title", "body").in_bulk(
        list(results.page.object_list)
    )
    for pk in results.page.object_list:
        entry = entries[pk]
        source = registry[entry.kind]
        results.hits.append(
            Hit(
                kind=entry.kind,
                kind_label=str(source.label),
                object_id=entry.object_id,
                task_id=entry.task_id,
                title=mark(entry.title, terms),
                snippet=snippet(entry.body, terms),
                url=source.url(entry.object_id, entry.task_id),
                score=float(scores[pk] or 0.0),
            )
        )
    return results
