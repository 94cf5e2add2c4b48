"""Full-text search, as on the search page (luoshi.search)."""

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from luoshi.search import search

from ..errors import errors
from ..schemas import SearchOut

router = Router(tags=["search"])


class SearchQuery(Schema):
    q: str = Field(..., min_length=1, max_length=200, description="字词，空格分隔；结果包含所有词")
    kind: Literal["task", "report"] | None = None
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(20, ge=1, le=100)


@router.get("/search", response={200: SearchOut, **errors(422)}, summary="全文检索任务和报告")
def run_search(request: HttpRequest, params: Query[SearchQuery]) -> Any:
    found = search(
        request.user,
        params.q,
        kinds=[params.kind] if params.kind else None,
        page=params.page,
        per_page=params.page_size,
    )
    page = found.page
    return {
        "q": params.q,
        "count": found.count,
        "count_exact": found.count_exact,
        "page": page.number if page else 1,
        "pages": page.paginator.num_pages if page else 0,
        "items": [h.as_dict() for h in found.hits],
    }
