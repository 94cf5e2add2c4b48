"""Browser tests: the whole site in headless Chromium, driven by Playwright for Python.

- Chromium is Debian's (``/usr/bin/chromium``, installed by ``.ci/run``), launched through
  ``executable_path``; nothing is downloaded (never ``playwright install``). Without it the tests skip
  and say why.
- One browser for the session, a fresh context (cookies, storage) for each test. Playwright gives each
  launch its own temporary profile directory (``--user-data-dir``), removed when the browser closes.
- The site is served by pytest-django's ``live_server`` on the test database (transactional: each
  test starts from an empty one).
- When a test fails, a screenshot and the page's HTML are saved to ``test-artifacts/`` (git-ignored)
  under the test's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep each phase's report on the test item, so the ``page`` fixture knows whether it failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra")
    with pytest.MonkeyPatch.context() as patch:
        # Playwright's sync API keeps an event loop in this thread while the browser is open; the
        # tests' own database calls (and pytest-django's) are plain synchronous code all the same.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        sync_api.expect.set_options(timeout=TIMEOUT_MS)  # every expect() waits up to 15 s, then fails
        with sync_api.sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
            yield chromium
            chromium.close()


@pytest.fixture
def page(
    browser: Any, live_server: Any, request: pytest.FixtureRequest, settings: Any, tmp_path: Path
) -> Iterator[Any]:
    """A page in a fresh browser context on the live server, in Chinese and Beijing time."""
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    context = browser.new_context(
        base_url=live_server.url,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        if failed(request.node):
            save_artifacts(page, request.node.nodeid)
        context.close()


def failed(item: pytest.Item) -> bool:
    return any(getattr(getattr(item, f"rep_{when}", None), "failed", False) for when in ("setup", "call"))


def save_artifacts(page: Any, nodeid: str) -> None:
    """A full-page screenshot and the HTML of the page the test failed on."""
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", nodeid).strip("_")
    try:
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        (ARTIFACTS / f"{name}.html").write_text(page.content(), encoding="utf-8")
    except Exception as e:  # the page itself may be what broke; never hide the test's own failure
        (ARTIFACTS / f"{name}.error.txt").write_text(f"could not save the page: {e}\n", encoding="utf-8")
