"""Object storage for ``LUOSHI_STORAGE_URL=s3://…`` (imported only then: it needs ``luoshi[s3]``).

django-storages' S3 storage, with one addition: where browsers reach the store at another address
than the app does (the store on an inner network, published through the reverse proxy), links are
signed for that address (``public=`` in the URL). An S3 signature covers the host it was made for, so
a link cannot simply be rewritten on its way out.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class ObjectStorage(S3Storage):  # type: ignore[misc]
    def __init__(self, *, public_url: str | None = None, **settings: Any) -> None:
        self.public_url = public_url
        super().__init__(**settings)

    @cached_property
    def _public_client(self) -> Any:
        import boto3

        return boto3.session.Session().client(
            "s3",
            endpoint_url=self.public_url,
            aws_access_key_id=self.access_key or None,
            aws_secret_access_key=self.secret_key or None,
            region_name=self.region_name,
            config=self.client_config,
        )

    def url(self, name: str, parameters: Any = None, expire: Any = None, http_method: Any = None) -> str:
        if not self.public_url:
            return str(super().url(name, parameters, expire, http_method))
        params = dict(parameters or {}, Bucket=self.bucket_name, Key=self._normalize_name(clean_name(name)))
        return str(
            self._public_client.generate_presigned_url(
                "get_object",
                Params=params,
                ExpiresIn=expire or self.querystring_expire,
                HttpMethod=http_method,
            )
        )
