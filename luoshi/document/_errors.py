"""The one exception the core raises for input it cannot use."""

from __future__ import annotations


class DocumentError(Exception):
    """A document that cannot be read or has nothing to extract.

    Carries the message in Chinese (the default interface language) and in English, and a short
    machine-readable ``code``: ``empty``, ``binary``, ``encoding``, ``too_large``, ``corrupt``,
    ``needs_ocr``, ``encrypted``, ``unsupported``, ``unreadable``, ``not_found``.
    """

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(zh)
        self.code = code
        self.zh = zh
        self.en = en

    def message(self, language: str = "zh-hans") -> str:
        """The message in ``language`` (``zh…`` gives Chinese, anything else English)."""
        return self.zh if language.lower().startswith("zh") else self.en

    def __str__(self) -> str:
        return self.zh
