"""Logging: a refusal (403, 404, 400) is one line in the log, not a traceback; a server error keeps
its traceback. Django logs every PermissionDenied with the exception attached, which buried the
real errors under a 47-line traceback for each refused request."""

from __future__ import annotations

import logging


class NoTracebackBelow500(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
