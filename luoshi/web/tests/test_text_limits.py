"""Every free text has a limit, one set shared by the web forms and the API (and its schema): a text
beyond it is refused with a message that says the limit, never stored, never cut short in silence.
A reporter could once save a narrative of 150,000 characters through the web form (the API capped it
at 20,000), which then stalled every search that found it."""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import pytest
from django import forms
from django.urls import reverse

from luoshi.ledger import limits
from luoshi.ledger.tests.factory import make_report, make_task
from luoshi.progress.models import Report, ReportState

pytestmark = pytest.mark.django_db

FORM_MODULES = [
    "luoshi.ledger.forms",
    "luoshi.progress.forms",
    "luoshi.supervision.forms",
    "luoshi.indicators.forms",
    "luoshi.exchange.forms",
    "luoshi.api.forms",
]


def _forms() -> list[type[forms.BaseForm]]:
    found = []
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for _n, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, forms.BaseForm) and obj.__module__ == name and hasattr(obj, "base_fields"):
                found.append(obj)
    return found


@pytest.mark.parametrize("form_class", _forms(), ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_every_text_field_of_every_form_has_a_limit(form_class: type[forms.BaseForm]) -> None:
    unlimited = [
        name
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.CharField) and getattr(field, "max_length", None) is None
    ]
    assert unlimited == []


def _request_schemas() -> dict[str, Any]:
    from luoshi.api.api import get_api

    schema = get_api().get_openapi_schema()
    components = schema["components"]["schemas"]
    used = set()
    for path in schema["paths"].values():
        for op in path.values():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            if "$ref" in body:
                used.add(body["$ref"].rsplit("/", 1)[-1])
    # schemas nested in a request body (a milestone, a measurement)
    todo = list(used)
    while todo:
        for prop in components[todo.pop()].get("properties", {}).values():
            for ref in _refs(prop):
                if ref not in used:
                    used.add(ref)
                    todo.append(ref)
    return {name: components[name] for name in used}


def _refs(prop: Any) -> list[str]:
    if isinstance(prop, dict):
        out = [prop["$ref"].rsplit("/", 1)[-1]] if "$ref" in prop else []
        return out + [r for v in prop.values() for r in _refs(v)]
    if isinstance(prop, list):
        return [r for v in prop for r in _refs(v)]
    return []


def _string_variants(prop: dict[str, Any]) -> list[dict[str, Any]]:
    variants = prop.get("anyOf", [prop])
    return [v for v in variants if v.get("type") == "string"]


def test_every_text_an_api_request_carries_has_a_limit_in_the_schema() -> None:
    unlimited = [
        f"{name}.{field}"
        for name, schema in _request_schemas().items()
        for field, prop in schema.get("properties", {}).items()
        for v in _string_variants(prop)
        if "maxLength" not in v and "enum" not in v and "format" not in v and "pattern" not in v
    ]
    assert unlimited == []


def test_the_api_states_the_same_limit_as_the_report_form() -> None:
    from luoshi.progress.forms import ReportForm

    schemas = _request_schemas()
    assert schemas["ReportIn"]["properties"]["narrative"]["maxLength"] == limits.REPORT_TEXT
    assert ReportForm.base_fields["narrative"].max_length == limits.REPORT_TEXT


def test_a_narrative_over_the_limit_is_refused_on_the_web_with_the_limit_and_nothing_is_saved(
    as_user: Any, reporter_a: Any, unit_a: Any
) -> None:
    task = make_task(lead_unit=unit_a)
    response = as_user(reporter_a).post(
        reverse("progress:report-for-task", args=[task.pk]),
        {"narrative": "甩甪。" * 50_000, "percent": 10, "claim": "on_track"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "20000" in page
    assert "150000" in page
    assert not Report.objects.filter(task=task).exists()


def test_a_narrative_over_the_limit_is_refused_by_the_api(client: Any, reporter_a: Any, unit_a: Any) -> None:
    task = make_task(lead_unit=unit_a)
    client.force_login(reporter_a)
    response = client.post(
        "/api/v1/reports",
        {"task": task.pk, "period": "2024Q1", "narrative": "甩" * (limits.REPORT_TEXT + 1)},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert not Report.objects.filter(task=task).exists()


def test_a_comment_over_the_limit_is_refused_with_a_message_not_cut_short(
    as_user: Any, office: Any, unit_a: Any
) -> None:
    report = make_report(task=make_task(lead_unit=unit_a), unit=unit_a, state=ReportState.APPROVED)
    client = as_user(office)
    response = client.post(
        reverse("progress:report-action", args=[report.pk, "return"]),
        {"comment": "请补充" * 1000, "version": report.version},
        follow=True,
    )
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED  # nothing done
    assert "2000" in response.content.decode()
