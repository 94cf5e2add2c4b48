"""schemathesis generates requests from the OpenAPI schema for every GET endpoint and checks the
answers against it: no server errors, documented status codes and content, the declared shapes.
It calls the app in process (WSGI), signed in with a token of the office (which sees every record)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from luoshi.api.api import get_api

# The schema is taken from the API object (loading it over WSGI at collection would need the database);
# the calls go to the WSGI application.
schema = schemathesis.openapi.from_dict(json.loads(json.dumps(get_api().get_openapi_schema()))).include(
    method="GET"
)
schema.app = get_wsgi_application()


@pytest.fixture
def office_token(db: Any, world: Any, office: Any, token_for: Any) -> Any:
    cache.clear()  # rate-limit counters from other tests
    # Django's own test client keeps the test's connection open across requests; the raw WSGI handler
    # would close it at the end of each request (fatal inside the test's transaction on PostgreSQL).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield token_for(office)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_every_get_endpoint_answers_as_its_schema_says(case: Any, office_token: str, settings: Any) -> None:
    settings.API_RATE_PER_MINUTE = 1_000_000
    case.call_and_validate(headers={"Authorization": f"Bearer {office_token}"})
