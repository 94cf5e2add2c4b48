"""How long a free text may be: one set of limits, read by the web forms and by the API's schemas
(so the OpenAPI schema states them too).

A text beyond its limit is refused with a message saying the limit and the length, never cut short
in silence. ``tests`` check that every text field of every form and every text of every API input has
a limit. The limits are generous for what people write (a quarter's 进展情况 of 20,000 characters is
some thirty pages) and keep what one user can store, search and export bounded.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.core.validators import MaxLengthValidator

REPORT_TEXT = (
    20_000  # 进展情况, 存在问题, 下步打算 of a progress report; the report to the committee's sections
)
TASK_TEXT = 5_000  # 任务内容, 子任务内容, 合并后的任务内容
SPLIT_TEXT = 20_000  # the parts of a task being split, one per line
COMMENT = 2_000  # 审核意见, 审批意见, comments on any action
REASON = 2_000  # 理由 of a request, 督办原因, 反馈要求, 撤销理由, 说明 of an indicator, 原文摘录
NOTE = 300  # short notes: 修改说明, 备注, a milestone's description, 排除说明
SHORT = 100  # 责任人, 时限说明

F = TypeVar("F", bound=type[forms.BaseForm])


def limited(**limits: int) -> Any:
    """A class decorator for a form: give the named text fields these limits (with the browser's
    ``maxlength`` and a validator that says the limit and the length)."""

    def decorate(form_class: F) -> F:
        for name, limit in limits.items():
            field = form_class.base_fields[name]
            field.max_length = limit  # type: ignore[attr-defined]
            field.validators.append(MaxLengthValidator(limit))
            field.widget.attrs["maxlength"] = str(limit)
        return form_class

    return decorate


def too_long(text: str, limit: int) -> str | None:
    """The message for ``text`` when it is over ``limit`` characters, else None."""
    if len(text) <= limit:
        return None
    try:
        MaxLengthValidator(limit)(text)
    except forms.ValidationError as e:
        return " ".join(e.messages)
    return None  # pragma: no cover
