"""A request that may write is one transaction (nothing half-saved); a request that only reads runs in
none, so that on SQLite it never holds the database's single write lock while it runs."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from luoshi.ledger.models import Unit
from luoshi.ledger.tests.factory import make_unit
from luoshi.web.middleware import RequestTransactionMiddleware

pytestmark = pytest.mark.django_db(transaction=True)


def run(method: str, view: Any) -> Any:
    request = getattr(RequestFactory(), method.lower())("/somewhere/")
    middleware = RequestTransactionMiddleware(lambda r: HttpResponse())
    response = middleware.process_view(request, view, (), {})
    return view(request) if response is None else response


def test_a_post_that_fails_half_way_leaves_nothing_behind() -> None:
    def view(request: Any) -> HttpResponse:
        make_unit(name="写了一半的单位")
        raise RuntimeError("the view fails after its first write")

    with pytest.raises(RuntimeError):
        run("POST", view)
    assert not Unit.objects.filter(name="写了一半的单位").exists()


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_request_that_may_write_runs_in_a_transaction(method: str) -> None:
    seen: list[bool] = []

    def view(request: Any) -> HttpResponse:
        seen.append(connection.in_atomic_block)
        return HttpResponse()

    run(method, view)
    assert seen == [True]


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
def test_a_request_that_only_reads_runs_in_no_transaction(method: str) -> None:
    seen: list[bool] = []

    def view(request: Any) -> HttpResponse:
        seen.append(connection.in_atomic_block)
        return HttpResponse()

    run(method, view)
    assert seen == [False]


def test_a_view_that_opens_its_own_short_transaction_is_left_to_do_so() -> None:
    seen: list[bool] = []

    @transaction.non_atomic_requests
    def view(request: Any) -> HttpResponse:
        seen.append(connection.in_atomic_block)
        return HttpResponse()

    run("POST", view)
    assert seen == [False]


def test_the_upload_views_read_their_files_outside_any_transaction() -> None:
    from django.urls import resolve

    for url in [
        "/decisions/import/",
        "/decisions/import/1/",
        "/units/import/",
        "/indicators/import/",
        "/exchange/import/",
        "/exchange/import/1/",
    ]:
        view = resolve(url).func
        assert "default" in getattr(view, "_non_atomic_requests", set()), url


def test_the_middleware_is_the_last_so_that_it_wraps_the_view_alone(settings: Any) -> None:
    assert settings.MIDDLEWARE[-1] == "luoshi.web.middleware.RequestTransactionMiddleware"
    assert not any(db.get("ATOMIC_REQUESTS") for db in settings.DATABASES.values())
