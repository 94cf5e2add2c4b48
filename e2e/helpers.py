"""What the browser tests do again and again, as a person would do it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PASSWORD = "pw-for-tests-only"  # luoshi.ledger.tests.factory.make_user's


def sign_in(page: Any, username: str) -> None:
    """Sign in through the form, as a person would, and wait for the page it leads to."""
    page.goto("/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form").get_by_role("button", name="登录").click()
    if "/login/" in page.url:
        raise AssertionError(f"{username} could not sign in: {page.locator('main').inner_text()}")


def sign_out(page: Any) -> None:
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="退出").click()
