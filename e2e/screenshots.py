"""A screenshot of every page for every demo role, for a review by someone who reads only Chinese.

Not a test (``make test`` does not run it): it serves the demo database (``make demo`` or
``luoshi demo --no-serve`` first), signs in as each demo account through the form, follows every link
a person can follow from that account's pages (GET only: nothing is changed), and keeps one full-page
screenshot per kind of page, plus the page's text. It then lists what a reader of Chinese would trip
over: English words, field names, ``None``/``True``/``False``, UTC or ISO moments, and content wider
than the window. The review itself is done by looking at the pictures; the list says where to look.

    .venv/bin/python e2e/screenshots.py                      # every role, to ../office-shots
    .venv/bin/python e2e/screenshots.py --out /tmp/shots --role office --role reporter1
    .venv/bin/python e2e/screenshots.py --per-kind 2        # two pages of each kind (two tasks …)

Writes ``OUT/<account>/<nn>-<page>.png`` and ``.txt``, ``OUT/index.tsv`` (account, page, address,
file) and ``OUT/findings.txt``. Uses Debian's Chromium through Playwright, like the browser tests.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "luoshi-demo"
ACCOUNTS = [
    "office",
    "leader",
    "auditor",
    "reporter1",
    "unitleader1",
    "reporter2",
    "unitleader2",
    "reporter3",
    "unitleader3",
]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]

# addresses a person does not "look at": downloads, machine twins, sign-out, the admin (superuser only)
SKIP = re.compile(
    r"(format=(json|xlsx|csv|docx|pdf)|/docx/|/pdf/|\.csv|\.xlsx|\.docx|\.pdf|/download|/files/|"
    r"/evidence/|/export|/logout/|/i18n/|/admin/|/api/v1/|/static/|/request-files/)"
)
# the words of a Chinese page that may be in Latin letters
ALLOWED = {
    "luoshi",
    "Excel",
    "Word",
    "PDF",
    "CSV",
    "JSON",
    "API",
    "English",
    "WPS",
    "Webhook",
    "OpenAPI",
    "Swagger",
    "Redoc",
    "Token",
    "SDG",
    "Open",
    "GB",
    "ID",
    "Ctrl",
    "https",
    "http",
    "xlsx",
    "docx",
}
CHECKS = [
    ("英文单词", re.compile(r"(?<![A-Za-z])[A-Za-z][a-z]{2,}(?![A-Za-z])")),
    ("字段名或代码", re.compile(r"\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z]+ ?#\d+")),
    ("None/True/False", re.compile(r"\b(None|True|False|null|undefined|NaN|nan)\b")),
    ("UTC 或 ISO 时间", re.compile(r"UTC|\+00:00|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\bZ\b")),
]


@dataclass
class Shot:
    account: str
    name: str
    url: str
    file: str
    findings: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def demo_server(port: int) -> Iterator[str]:
    """``luoshi serve --demo`` in the background, until the block ends."""
    luoshi = ROOT / ".venv" / "bin" / "luoshi"
    env = dict(os.environ, LUOSHI_LANGUAGE="zh-hans")
    proc = subprocess.Popen(
        [str(luoshi), "serve", "--demo", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"luoshi serve --demo stopped: {proc.stderr.read().decode()[-2000:]}")
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.5)
        else:
            raise SystemExit("luoshi serve --demo did not start within 120 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def page_kind(path: str) -> str:
    """The kind of a page: its URL name from Django's resolver (task-detail …), else the path shape."""
    try:
        from django.urls import resolve

        match = resolve(path)
        return match.view_name.replace(":", "-")
    except Exception:
        return re.sub(r"\d+", "N", path).strip("/").replace("/", "-") or "home"


def findings(text: str) -> list[str]:
    out = []
    for label, pattern in CHECKS:
        hits = sorted({m.group(0) for m in pattern.finditer(text)} - ALLOWED)
        if hits:
            out.append(f"{label}: {' '.join(hits[:20])}")
    return out


def overflow(page: Any) -> list[str]:
    """Content wider than the window, and elements whose text is cut off."""
    found = page.evaluate(
        """() => {
        const out = [];
        const doc = document.documentElement;
        if (doc.scrollWidth > window.innerWidth + 1) out.push(`页面比窗口宽 ${doc.scrollWidth - window.innerWidth}px`);
        for (const el of document.querySelectorAll('main *')) {
          const s = getComputedStyle(el);
          if ((s.overflowX === 'hidden' || s.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1)
            out.push(`文字被截断：${el.tagName.toLowerCase()} “${(el.innerText || '').slice(0, 30)}”`);
        }
        return out.slice(0, 10);
      }"""
    )
    return list(found)


def crawl(browser: Any, base: str, account: str, out: Path, per_kind: int, limit: int) -> list[Shot]:
    context = browser.new_context(
        base_url=base, locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto("/login/")
    page.get_by_label("用户名").fill(account)
    page.get_by_label("密码").fill(PASSWORD)
    page.locator("main form").get_by_role("button", name="登录").click()
    page.wait_for_load_state()
    if "/login/" in page.url:
        context.close()
        print(f"{account}: could not sign in (is the demo database there?)", file=sys.stderr)
        return []
    folder = out / account
    folder.mkdir(parents=True, exist_ok=True)
    queue = [urlsplit(page.url).path or "/"]
    seen: set[str] = set()
    per: dict[str, int] = defaultdict(int)
    shots: list[Shot] = []
    while queue and len(shots) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        kind = page_kind(urlsplit(url).path)
        if per[kind] >= per_kind:
            continue
        try:
            response = page.goto(url)
        except Exception as e:  # a download, or a page that would not load
            print(f"{account} {url}: {str(e).splitlines()[0]}", file=sys.stderr)
            continue
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        per[kind] += 1
        name = f"{len(shots) + 1:02d}-{kind}"
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
        text = page.locator("body").inner_text()
        (folder / f"{name}.txt").write_text(f"{url}\n\n{text}", encoding="utf-8")
        shot = Shot(account, kind, url, f"{account}/{name}.png", findings(text) + overflow(page))
        if response.status >= 400:
            shot.findings.insert(0, f"HTTP {response.status}")
        shots.append(shot)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.netloc and parts.netloc != urlsplit(base).netloc:
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if SKIP.search(local) or local in seen or parts.path.startswith("#"):
                continue
            queue.append(local)
    context.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT.parent / "office-shots")
    parser.add_argument("--role", action="append", dest="accounts", help="a demo account (repeatable)")
    parser.add_argument("--per-kind", type=int, default=1, help="pages of each kind to keep (default 1)")
    parser.add_argument("--limit", type=int, default=120, help="pages per account at most (default 120)")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is not installed", file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
    import django

    django.setup()
    from playwright.sync_api import sync_playwright

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Shot] = []
    with demo_server(free_port()) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        for account in args.accounts or ACCOUNTS:
            taken = crawl(browser, base, account, out, args.per_kind, args.limit)
            print(f"{account}: {len(taken)} pages", file=sys.stderr)
            shots += taken
        browser.close()
    with open(out / "index.tsv", "w", encoding="utf-8") as fh:
        fh.write("account\tpage\turl\tfile\n")
        for s in shots:
            fh.write(f"{s.account}\t{s.name}\t{s.url}\t{s.file}\n")
    with open(out / "findings.txt", "w", encoding="utf-8") as fh:
        for s in shots:
            for f in s.findings:
                fh.write(f"{s.file}\t{s.url}\t{f}\n")
    flagged = sum(1 for s in shots if s.findings)
    print(f"{len(shots)} screenshots in {out}; {flagged} pages with findings (findings.txt)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
