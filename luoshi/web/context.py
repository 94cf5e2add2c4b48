"""Template context: the signed-in user's role and unit, for navigation (permissions are enforced in views)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from luoshi.ledger.models import Role, unit_of


def role(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    r = Role.of(user)
    return {
        "role": r,
        "role_label": r.label if r is not None else "",
        "my_unit": unit_of(user) if r in Role.unit_roles() else None,
        "Role": Role,
        "site_name": settings.SITE_NAME,
    }
