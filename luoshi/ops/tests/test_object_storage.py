"""With LUOSHI_STORAGE_URL, evidence lives in S3-compatible object storage and is handed out through a
short-lived signed link, after the same permission check as a local download."""

from __future__ import annotations

import urllib.request
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.ledger.tests.factory import make_report, make_task
from luoshi.progress.models import Evidence
from luoshi.web.env import SettingError, storage_from_url

PDF = b"%PDF-1.4\n% a small test file\n" + b"0" * 200


@pytest.fixture
def in_object_storage(settings: Any, s3_url: str) -> str:
    settings.STORAGES = {**settings.STORAGES, "default": storage_from_url(s3_url, expire=60)}
    return s3_url


def _objects(s3_server: str) -> list[str]:
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id="luoshi",
        aws_secret_access_key="secret",
        region_name="us-east-1",
    )
    return [o["Key"] for o in client.list_objects_v2(Bucket="evidence").get("Contents", [])]


@pytest.fixture
def evidence(reporter_a: Any, unit_a: Any, in_object_storage: str) -> Evidence:
    report = make_report(task=make_task(lead_unit=unit_a), unit=unit_a)
    upload = SimpleUploadedFile("验收报告.pdf", PDF, content_type="application/pdf")
    return Evidence.attach(report, upload, by=reporter_a)


@pytest.mark.django_db
def test_evidence_is_stored_in_the_bucket_not_on_this_machine(
    evidence: Evidence, s3_server: str, settings: Any
) -> None:
    assert evidence.file.name in _objects(s3_server)
    assert not (settings.MEDIA_ROOT / evidence.file.name).exists()


@pytest.mark.django_db
def test_a_permitted_download_is_a_short_lived_signed_link_with_the_users_file_name(
    evidence: Evidence, reporter_a: Any, as_user: Any, s3_server: str
) -> None:
    response = as_user(reporter_a).get(f"/evidence/{evidence.pk}/")
    assert response.status_code == 302
    link = response["Location"]
    assert link.startswith(s3_server + "/evidence/")
    query = parse_qs(urlsplit(link).query)
    assert query["X-Amz-Expires"] == ["60"]
    assert query["X-Amz-Signature"][0]
    assert "验收报告.pdf" in unquote(query["response-content-disposition"][0])
    assert response["Cache-Control"] == "private, no-store"
    with urllib.request.urlopen(link, timeout=10) as fetched:
        assert fetched.read() == PDF
        assert fetched.headers["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_a_reporter_of_another_unit_gets_no_link(evidence: Evidence, reporter_b: Any, as_user: Any) -> None:
    response = as_user(reporter_b).get(f"/evidence/{evidence.pk}/")
    assert response.status_code == 404
    assert "Location" not in response


@pytest.mark.parametrize(
    "url",
    ["ftp://x/y", "s3://", "s3://key:secret@host:9000/", "s3://host:port/bucket", "s3://k:s@h/b?colour=red"],
)
def test_an_unusable_storage_url_is_refused_naming_the_setting(url: str) -> None:
    with pytest.raises(SettingError, match="LUOSHI_STORAGE_URL"):
        storage_from_url(url, expire=60)


def test_a_storage_url_gives_a_private_bucket_with_signed_links() -> None:
    options = storage_from_url("s3://AK:s%2Fcret@minio.local:9000/luoshi?secure=0&prefix=prod/", expire=90)[
        "OPTIONS"
    ]
    assert options["endpoint_url"] == "http://minio.local:9000"
    assert (options["bucket_name"], options["location"]) == ("luoshi", "prod")
    assert (options["access_key"], options["secret_key"]) == ("AK", "s/cret")
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] == 90
    assert options["default_acl"] is None
    assert storage_from_url(None, expire=60)["BACKEND"].endswith("FileSystemStorage")


@pytest.mark.django_db
def test_links_are_signed_for_the_address_browsers_use_when_it_is_not_the_apps(
    settings: Any, s3_url: str, reporter_a: Any, unit_a: Any, as_user: Any
) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": storage_from_url(s3_url + "&public=https://luoshi.example:9443", expire=60),
    }
    report = make_report(task=make_task(lead_unit=unit_a), unit=unit_a)
    evidence = Evidence.attach(report, SimpleUploadedFile("a.pdf", PDF), by=reporter_a)
    link = as_user(reporter_a).get(f"/evidence/{evidence.pk}/")["Location"]
    assert link.startswith("https://luoshi.example:9443/evidence/")
    assert "X-Amz-Signature=" in link
