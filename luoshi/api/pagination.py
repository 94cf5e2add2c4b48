"""Pages of results: ``?page=1&page_size=50`` (at most 200), answered as
``{"count", "count_exact", "page", "pages", "page_size", "items"}``.

A list is counted exactly up to ``EXACT_UP_TO`` items (a count that stops there: its cost does not grow
with the ledger). Past that the total is estimated from the newest ids (``luoshi.ops.counting``) and
``count_exact`` is false; ``?exact=true`` asks for the exact count, at the price of counting everything.
"""

import math
from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase

from luoshi.ops.counting import EXACT_UP_TO, bounded_count

MAX_PAGE_SIZE = 200


class Pages(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000, description="页码，从 1 开始")
        page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description="每页条数，最多 200")
        exact: bool = Field(
            False, description=f"超过 {EXACT_UP_TO} 条时也给出精确总数（逐条计数，较慢）；默认给出估计数"
        )

    class Output(Schema):
        count: int
        count_exact: bool
        page: int
        pages: int
        page_size: int
        items: list[Any]

    items_attribute = "items"

    def paginate_queryset(self, queryset: Any, pagination: Any, **params: Any) -> Any:
        # a lazy list of rows built from a queryset (the lights) is counted on that queryset
        count, exact = bounded_count(getattr(queryset, "queryset", queryset), exact=pagination.exact)
        size = pagination.page_size
        start = (pagination.page - 1) * size
        items = list(queryset[start : start + size]) if start < count or not exact else []
        return {
            "count": count,
            "count_exact": exact,
            "page": pagination.page,
            "pages": max(1, math.ceil(count / size)),
            "page_size": size,
            "items": items,
        }
