"""Django settings for luoshi, read from the environment (documented in docs/configuration.md).

Development runs with no configuration at all. With ``LUOSHI_DEBUG=0`` (production) the settings
refuse unsafe defaults: a secret key and the allowed host names must be given.
"""

from __future__ import annotations

import re
from pathlib import Path

from .env import (
    SettingError,
    cache_from_url,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_path,
    env_str,
    storage_from_url,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent

# Where luoshi keeps its data: the SQLite database, uploaded evidence, imported decisions.
HOME = env_path("LUOSHI_HOME", "./var")

DEBUG = env_bool("LUOSHI_DEBUG", True)

_DEV_SECRET_KEY = "luoshi-development-only-not-secret"
SECRET_KEY = env_str("LUOSHI_SECRET_KEY") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise SettingError("LUOSHI_SECRET_KEY must be set when LUOSHI_DEBUG is off (production)")
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and (len(SECRET_KEY) < 32 or SECRET_KEY == _DEV_SECRET_KEY):
    raise SettingError("LUOSHI_SECRET_KEY must be a random string of at least 32 characters")

ALLOWED_HOSTS = env_list(
    "LUOSHI_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise SettingError("LUOSHI_ALLOWED_HOSTS must list the server's host names when LUOSHI_DEBUG is off")
CSRF_TRUSTED_ORIGINS = env_list("LUOSHI_CSRF_TRUSTED_ORIGINS", [])

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("LUOSHI_SECURE_COOKIES", False)
# HTTPS: redirect plain HTTP, and tell browsers to use HTTPS only (HSTS) for this many seconds. Behind a
# proxy that ends TLS, LUOSHI_HTTPS_PROXY_HEADER names the header it sets (X-Forwarded-Proto).
SECURE_SSL_REDIRECT = env_bool("LUOSHI_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("LUOSHI_HSTS_SECONDS", 0, minimum=0, maximum=2 * 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("LUOSHI_HSTS_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = False  # an intranet host name has no place in browsers' preload lists
SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "HSTS preload not set": see the line above
_proxy_header = env_str("LUOSHI_HTTPS_PROXY_HEADER") or ""
if _proxy_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https")
CSRF_FAILURE_VIEW = "luoshi.web.views.csrf_failure"  # in the user's language, not Django's English page
SESSION_COOKIE_AGE = env_int("LUOSHI_SESSION_HOURS", 12, minimum=1, maximum=24 * 90) * 3600
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

DATABASES = {
    "default": database_from_url(env_str("LUOSHI_DATABASE_URL") or "sqlite:///luoshi.sqlite3", home=HOME)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "luoshi.web",
    "luoshi.ledger",
    "luoshi.progress",
    "ninja",  # django-ninja: its bundled Swagger UI assets are served locally (no CDN)
    "luoshi.api",
    "luoshi.exchange",
    "luoshi.search",
    "luoshi.supervision",
    "luoshi.indicators.apps.IndicatorsConfig",
    "luoshi.dashboard",
    "luoshi.alignment.apps.AlignmentConfig",
    "luoshi.study",
    "axes",  # django-axes: failed sign-ins counted in the database, lockout (docs/decisions.md)
    "luoshi.ops",
    "luoshi.figures",  # no models: the one definition of every figure (docs/figures.md)
]

MIDDLEWARE = [
    # /healthz and /readyz answer before anything else: a load balancer probes by address, over http
    "luoshi.ops.health.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # the app serves its own assets, with caching headers (no CDN, no separate web server needed)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "luoshi.web.middleware.LanguageMiddleware",
    "luoshi.web.middleware.RefuseNulMiddleware",  # PostgreSQL cannot hold NUL: 400, not 500
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "luoshi.web.middleware.AuditActorMiddleware",
    "luoshi.web.middleware.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
    # last: a request that may write runs its view in one transaction, a read in none
    "luoshi.web.middleware.RequestTransactionMiddleware",
]

ROOT_URLCONF = "luoshi.web.urls"
WSGI_APPLICATION = "luoshi.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "luoshi.web.context.role",
            ],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out sign-in before checking the password
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling (django-axes): after LUOSHI_LOGIN_ATTEMPTS wrong passwords for one account from
# one address, that account is locked there for LUOSHI_LOCKOUT_MINUTES; a success resets the count.
# Each lockout is an entry in the audit trail. The office unlocks with `luoshi manage axes_reset`.
AXES_FAILURE_LIMIT = env_int("LUOSHI_LOGIN_ATTEMPTS", 5, minimum=1, maximum=100)
AXES_COOLOFF_TIME = env_int("LUOSHI_LOCKOUT_MINUTES", 15, minimum=1, maximum=7 * 24 * 60) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Chinese first; English through the catalogue in luoshi/web/locale (compiled .mo files are committed).
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "web" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("LUOSHI_TIME_ZONE") or "Asia/Shanghai"

# Every asset is served by the app itself (intranets have no internet, and no CDN).
STATIC_URL = "static/"
STATIC_ROOT = HOME / "static"
# WhiteNoise serves the apps' static folders directly: nothing to collect before `luoshi serve`
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_MAX_AGE = 3600

# Uploaded files (evidence, imported decisions) live under LUOSHI_HOME and are served only through
# views that check permissions, never as public media.
MEDIA_ROOT = HOME / "files"
MAX_UPLOAD_BYTES = env_int("LUOSHI_MAX_UPLOAD_MB", 20, minimum=1, maximum=1024) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# A request that may write (POST, PUT, PATCH, DELETE) is one transaction, so nothing is ever
# half-saved; a read runs in none, so it never holds SQLite's write lock
# (luoshi.web.middleware.RequestTransactionMiddleware, which replaces ATOMIC_REQUESTS).

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

_LOG_LEVEL = (env_str("LUOSHI_LOG_LEVEL") or "WARNING").upper()
if _LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise SettingError(f"LUOSHI_LOG_LEVEL={_LOG_LEVEL!r}: expected DEBUG, INFO, WARNING, ERROR or CRITICAL")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusals_in_one_line": {"()": "luoshi.web.logs.NoTracebackBelow500"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["refusals_in_one_line"]}},
    "root": {"handlers": ["console"], "level": _LOG_LEVEL},
}

# Shown in page titles; the supervision office can name its own instance.
SITE_NAME = env_str("LUOSHI_SITE_NAME") or ""

# Supervision notices (luoshi supervise): e-mail through Django's backends, and webhooks to group robots.
# Without LUOSHI_EMAIL_HOST no mail leaves the machine: messages are written to LUOSHI_HOME/mail/.
EMAIL_HOST = env_str("LUOSHI_EMAIL_HOST") or ""
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("LUOSHI_EMAIL_PORT", 25, minimum=1, maximum=65535)
    EMAIL_HOST_USER = env_str("LUOSHI_EMAIL_USER") or ""
    EMAIL_HOST_PASSWORD = env_str("LUOSHI_EMAIL_PASSWORD") or ""
    EMAIL_USE_TLS = env_bool("LUOSHI_EMAIL_TLS", False)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = HOME / "mail"
DEFAULT_FROM_EMAIL = env_str("LUOSHI_EMAIL_FROM") or "luoshi@localhost"
WEBHOOK_TIMEOUT = env_int("LUOSHI_WEBHOOK_TIMEOUT", 10, minimum=1, maximum=120)

# REST API (luoshi.api): requests per minute for each token or signed-in user (anonymous: per address).
# Counted in Django's cache, which is per process unless a shared cache is configured.
API_RATE_PER_MINUTE = env_int("LUOSHI_API_RATE_PER_MINUTE", 600, minimum=1, maximum=1_000_000)
# Wrong API tokens one address may send in ten minutes before it is answered 429 (guessing throttled).
API_TOKEN_FAILURES = env_int("LUOSHI_API_TOKEN_FAILURES", 20, minimum=1, maximum=100_000)

# Several nodes (docs/deployment.md). With LUOSHI_CACHE_URL (Redis) the nodes share one cache: API rate
# limits and sessions (kept in the database as well, so a Redis restart signs nobody out); the
# dashboard's precomputed figures are database rows, shared by every node anyway. With LUOSHI_STORAGE_URL (S3-compatible) evidence and other stored files live in
# object storage and are handed out through links signed for LUOSHI_SIGNED_URL_SECONDS after the same
# permission check as a local download. Without them everything stays on this machine, as before.
CACHE_URL = env_str("LUOSHI_CACHE_URL") or ""
CACHES = cache_from_url(CACHE_URL)
if CACHE_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SIGNED_URL_SECONDS = env_int("LUOSHI_SIGNED_URL_SECONDS", 60, minimum=5, maximum=3600)
STORAGES = {
    "default": storage_from_url(env_str("LUOSHI_STORAGE_URL"), expire=SIGNED_URL_SECONDS),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Scheduled work (`luoshi worker`, docs/deployment.md): the supervision run once a day at this local
# time, and the outbox every LUOSHI_OUTBOX_SECONDS. /readyz reports a supervision run older than a day
# and LUOSHI_SUPERVISE_GRACE_HOURS.
SUPERVISE_AT = env_str("LUOSHI_SUPERVISE_AT") or "06:30"
if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", SUPERVISE_AT):
    raise SettingError(f"LUOSHI_SUPERVISE_AT={SUPERVISE_AT!r}: expected a time of day as HH:MM, e.g. 06:30")
SUPERVISE_GRACE_HOURS = env_int("LUOSHI_SUPERVISE_GRACE_HOURS", 2, minimum=1, maximum=72)
OUTBOX_SECONDS = env_int("LUOSHI_OUTBOX_SECONDS", 60, minimum=5, maximum=3600)
