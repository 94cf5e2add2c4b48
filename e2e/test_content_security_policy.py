"""Every page of the site, read in a real browser under its Content-Security-Policy, breaks none of
it: no inline script, no inline style, nothing loaded from elsewhere. A script injected into a page
would not run. The API's Swagger UI gets the one exception it needs (styles its script sets)."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_PASSWORD = "luoshi-demo"  # luoshi.progress.demo's accounts
PAGES = [
    "/tasks/",
    "/dashboard/",
    "/dashboard/units/",
    "/indicators/",
    "/supervision/",
    "/supervision/lights/",
    "/supervision/notices/",
    "/exchange/report/",
    "/exchange/import/",
    "/search/?q=%E6%8E%A8%E8%BF%9B",
    "/audit/",
    "/study/",
    "/study/sessions/",
    "/units/",
    "/api/v1/docs",
]
FOLLOW = [
    r"/tasks/\d+/$",
    r"/indicators/targets/\d+/$",
    r"/supervision/notices/\d+/$",
    r"/decisions/\d+/$",
    r"/study/decisions/\d+/$",
    r"/study/decisions/\d+/guide/$",
    r"/study/sessions/\d+/$",
]


@pytest.fixture
def demo() -> None:
    from luoshi.progress.demo import build
    from luoshi.samples import SAMPLE_DECISION

    build(SAMPLE_DECISION, is_sample=True)


def test_no_page_breaks_the_content_security_policy(page: Any, demo: None, live_server: Any) -> None:
    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(f"{page.url}: {m.text}") if "Content Security Policy" in m.text else None,
    )
    page.goto("/login/")
    page.get_by_label("用户名").fill("office")
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("main form").get_by_role("button", name="登录").click()
    seen = set()
    for url in PAGES:
        response = page.goto(url)
        assert response is not None
        assert response.status == 200, url
        assert (
            "Content-Security-Policy" in {k.title() for k in response.headers}
            or "content-security-policy" in response.headers
        )
        seen.add(url)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        for pattern in FOLLOW:
            found = next((h for h in hrefs if re.search(pattern, h or "")), None)
            if found and found not in seen:
                seen.add(found)
                assert page.goto(found).status == 200, found  # type: ignore[union-attr]
    assert refused == []
    assert len(seen) > len(PAGES)
