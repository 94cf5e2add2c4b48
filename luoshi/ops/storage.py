"""Handing a stored file to a browser, wherever it is stored.

Local storage (the default): the file is streamed by the app. Object storage (``LUOSHI_STORAGE_URL``):
the browser is sent to a link the store signs for ``LUOSHI_SIGNED_URL_SECONDS``, which names the file
as the user gave it and the type it was checked to be. Either way the caller has already checked that
the user may read the record the file belongs to: the link is made only after that check, and it
expires before it could usefully be passed on.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _


def is_remote(storage: Any) -> bool:
    """Whether ``storage`` keeps files somewhere the app cannot stream them from as a path."""
    try:
        storage.path("x")
    except NotImplementedError:
        return True
    return False


def download(field_file: Any, filename: str, content_type: str) -> HttpResponse:
    """The response that gives the user ``field_file`` as an attachment named ``filename``."""
    storage = field_file.storage
    if is_remote(storage):
        disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
        url = storage.url(
            field_file.name,
            parameters={"ResponseContentDisposition": disposition, "ResponseContentType": content_type},
        )
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response
    try:
        fh = field_file.open("rb")
    except FileNotFoundError:
        raise Http404(_("文件不存在。")) from None
    return FileResponse(fh, as_attachment=True, filename=filename, content_type=content_type)
