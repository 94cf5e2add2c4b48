"""With LUOSHI_CACHE_URL every node counts API rate limits and keeps sessions in one Redis."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from luoshi.api.models import ApiToken
from luoshi.web.env import SettingError, cache_from_url


@pytest.fixture
def shared_cache(settings: Any, redis_url: str) -> Any:
    import redis

    settings.CACHES = cache_from_url(redis_url)
    settings.CACHE_URL = redis_url
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    server = redis.Redis.from_url(redis_url)
    server.flushdb()
    yield server
    server.flushdb()


@pytest.mark.django_db
def test_two_nodes_count_one_rate_limit(shared_cache: Any, settings: Any, office: Any) -> None:
    settings.API_RATE_PER_MINUTE = 3
    token = ApiToken.issue(user=office, name="test", by=None)[1]
    node_a = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    node_b = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert [node_a.get("/api/v1/tasks").status_code for _ in range(2)] == [200, 200]
    assert node_b.get("/api/v1/tasks").status_code == 200
    assert node_b.get("/api/v1/tasks").status_code == 429
    assert shared_cache.keys("*luoshi:api:rate:*")  # the count is Redis's, which every node reads


@pytest.mark.django_db
def test_a_session_is_kept_in_redis_and_in_the_database(shared_cache: Any, office: Any) -> None:
    from django.contrib.sessions.models import Session

    client = Client()
    client.force_login(office)
    key = client.cookies["sessionid"].value
    assert any(key in k.decode() for k in shared_cache.keys("*"))
    assert Session.objects.filter(session_key=key).exists()
    assert client.get("/decisions/").status_code == 200


@pytest.mark.django_db
def test_readyz_checks_the_shared_cache(shared_cache: Any, client: Any, settings: Any) -> None:
    assert client.get("/readyz").json()["checks"]["cache"]["ok"] is True
    settings.CACHES = cache_from_url("redis://127.0.0.1:1/0")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "共享缓存无法连接" in response.json()["checks"]["cache"]["detail"]


@pytest.mark.parametrize("url", ["memcached://x:11211", "redis://", "redis://h:port/0"])
def test_an_unusable_cache_url_is_refused_naming_the_setting(url: str) -> None:
    with pytest.raises(SettingError, match="LUOSHI_CACHE_URL"):
        cache_from_url(url)
