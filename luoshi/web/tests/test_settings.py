"""Settings come from the environment through typed readers that fail loudly; every one is documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from luoshi.web.env import SettingError, database_from_url, env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[3]


def test_every_setting_read_in_settings_py_is_documented() -> None:
    source = (ROOT / "luoshi" / "web" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'env_\w+\(\s*"(LUOSHI_\w+)"', source))
    documented = set(
        re.findall(r"`(LUOSHI_\w+)`", (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8"))
    )
    assert len(read) >= 10
    assert read - documented == set()


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("yes", True), ("off", False), ("0", False)])
def test_a_boolean_setting_reads_the_usual_spellings(
    monkeypatch: pytest.MonkeyPatch, raw: str, value: bool
) -> None:
    monkeypatch.setenv("LUOSHI_X", raw)
    assert env_bool("LUOSHI_X", not value) is value


def test_a_bad_boolean_or_number_fails_loudly_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUOSHI_X", "perhaps")
    with pytest.raises(SettingError, match="LUOSHI_X"):
        env_bool("LUOSHI_X", True)
    with pytest.raises(SettingError, match="whole number"):
        env_int("LUOSHI_X", 1)
    monkeypatch.setenv("LUOSHI_X", "0")
    with pytest.raises(SettingError, match="at least 1"):
        env_int("LUOSHI_X", 5, minimum=1)


def test_a_list_setting_splits_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUOSHI_X", " a.example , b.example,")
    assert env_list("LUOSHI_X", []) == ["a.example", "b.example"]


def test_a_relative_sqlite_url_lives_under_luoshi_home_in_wal_mode(tmp_path: Path) -> None:
    db = database_from_url("sqlite:///luoshi.sqlite3", home=tmp_path)
    assert db["NAME"] == str(tmp_path / "luoshi.sqlite3")
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert database_from_url("sqlite:////srv/x.db")["NAME"] == "/srv/x.db"


def test_a_postgresql_url_gives_its_parts() -> None:
    db = database_from_url("postgresql://luoshi:s%40cret@db.local:5433/ledger?sslmode=require")
    assert (db["ENGINE"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "django.db.backends.postgresql",
        "luoshi",
        "s@cret",
        "db.local",
        "5433",
        "ledger",
    )
    assert db["OPTIONS"] == {"sslmode": "require", "options": "-c jit=off"}


def test_postgresql_compiles_no_query_unless_the_url_says_otherwise() -> None:
    assert database_from_url("postgresql://h/db")["OPTIONS"]["options"] == "-c jit=off"
    mine = database_from_url("postgresql://h/db?options=-c%20search_path%3Dluoshi")["OPTIONS"]["options"]
    assert mine == "-c search_path=luoshi -c jit=off"
    assert database_from_url("postgresql://h/db?options=-c%20jit%3Don")["OPTIONS"]["options"] == "-c jit=on"


@pytest.mark.parametrize(
    "url", ["mysql://x/y", "postgresql://host/", "sqlite://host/x.db", "postgresql://h:port/db"]
)
def test_an_unusable_database_url_is_refused(url: str) -> None:
    with pytest.raises(SettingError, match="LUOSHI_DATABASE_URL"):
        database_from_url(url)


def _load_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {"PATH": "/usr/bin:/bin", "LUOSHI_HOME": "/tmp/luoshi-settings-test", **env}
    return subprocess.run(
        [sys.executable, "-c", "import luoshi.web.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)"],
        capture_output=True,
        text=True,
        env=clean,
        cwd=ROOT,
        check=False,
    )


def test_development_runs_with_no_configuration() -> None:
    result = _load_settings({})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True")


def test_production_refuses_to_start_without_a_secret_key_or_hosts() -> None:
    no_key = _load_settings({"LUOSHI_DEBUG": "0", "LUOSHI_ALLOWED_HOSTS": "luoshi.example"})
    assert no_key.returncode != 0
    assert "LUOSHI_SECRET_KEY must be set" in no_key.stderr
    short_key = _load_settings(
        {"LUOSHI_DEBUG": "0", "LUOSHI_SECRET_KEY": "short", "LUOSHI_ALLOWED_HOSTS": "x"}
    )
    assert "at least 32 characters" in short_key.stderr
    no_hosts = _load_settings({"LUOSHI_DEBUG": "0", "LUOSHI_SECRET_KEY": "k" * 40})
    assert no_hosts.returncode != 0
    assert "LUOSHI_ALLOWED_HOSTS" in no_hosts.stderr
    ok = _load_settings(
        {"LUOSHI_DEBUG": "0", "LUOSHI_SECRET_KEY": "k" * 40, "LUOSHI_ALLOWED_HOSTS": "luoshi.example"}
    )
    assert ok.returncode == 0
    assert "False ['luoshi.example']" in ok.stdout


def test_the_english_catalogue_is_compiled_and_complete() -> None:
    import gettext

    locale = ROOT / "luoshi" / "web" / "locale" / "en" / "LC_MESSAGES"
    po = (locale / "django.po").read_text(encoding="utf-8")
    blocks = re.findall(r'^(?:msgctxt "([^"\n]*)"\n)?msgid ((?:"[^\n]*"\n)+)msgstr', po, flags=re.M)
    msgids = [
        (context, "".join(line[1:-1] for line in b.strip().splitlines()).replace('\\"', '"'))
        for context, b in blocks
    ]
    msgids = [(c, m) for c, m in msgids if m]
    with open(locale / "django.mo", "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    untranslated = [
        (c, m) for c, m in msgids if (catalogue.pgettext(c, m) if c else catalogue.gettext(m)) == m
    ]
    assert len(msgids) > 300
    assert untranslated == [], "recompile: luoshi manage compilemessages"
