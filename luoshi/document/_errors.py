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


def no_structure() -> DocumentError:
    """What every way in says of a text with no headings and no Chinese task sentences."""
    return DocumentError(
        "no_structure",
        "未能识别出任何结构：没有标题层次，也没有中文任务语句。请确认这是一份决定、意见或工作报告。",
        "No recognisable structure: no headings and no Chinese task sentences. "
        "Is this a decision, an opinion or a work report?",
    )
