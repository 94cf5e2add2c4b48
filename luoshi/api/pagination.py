"""Pages of results: ``?page=1&page_size=50`` (at most 200), answered as
``{"count", "page", "pages", "page_size", "items"}``. Two queries: the count and the page."""

import math
from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase

MAX_PAGE_SIZE = 200


class Pages(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000, description="页码，从 1 开始")
        page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description="每页条数，最多 200")

    class Output(Schema):
        count: int
        page: int
        pages: int
        page_size: int
        items: list[Any]

    items_attribute = "items"

    def paginate_queryset(self, queryset: Any, pagination: Any, **params: Any) -> Any:
        count = self._items_count(queryset)
        size = pagination.page_size
        start = (pagination.page - 1) * size
        return {
            "count": count,
            "page": pagination.page,
            "pages": max(1, math.ceil(count / size)),
            "page_size": size,
            "items": list(queryset[start : start + size]) if start < count else [],
        }
