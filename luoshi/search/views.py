"""The search results page and its JSON twin (?format=json)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from luoshi.ledger.views.common import any_role, json_response, wants_json

from .query import search
from .sources import registry


@any_role
def results(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:200]
    kind = request.GET.get("kind", "")
    found = search(request.user, q, kinds=[kind] if kind in registry else None, page=request.GET.get("page"))
    if wants_json(request):
        page = found.page
        return json_response(
            {
                "q": q,
                "count": found.count,
                "count_exact": found.count_exact,
                "page": page.number if page else 1,
                "pages": page.paginator.num_pages if page else 0,
                "results": [h.as_dict() for h in found.hits],
            }
        )
    return render(
        request,
        "search/results.html",
        {
            "q": q,
            "kind": kind if kind in registry else "",
            "kinds": [(k, s.label) for k, s in registry.items()],
            "found": found,
            "page": found.page,
            "query": _query(q, kind),
        },
    )


def _query(q: str, kind: str) -> str:
    from urllib.parse import urlencode

    return urlencode([(k, v) for k, v in (("q", q), ("kind", kind)) if v])
