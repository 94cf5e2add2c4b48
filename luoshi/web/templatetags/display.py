"""Template filters for dates and moments: the functions of ``luoshi.web.display``, nothing else.

``{% load display %}``, then ``{{ notice.issued_on|day }}`` (2026年12月3日), ``{{ receipt.signed_at|moment }}``
(2026年12月3日 23:21, local time), ``{{ e.at|stamp }}`` (2026-12-03 23:21) or ``{{ m.due|short_day }}``
(2026-12-31). Django's own ``|date`` is not used for what people read, so that a page, a Word file
and an e-mail can never format the same moment differently.
"""

from __future__ import annotations

from django import template

from luoshi.web import display

register = template.Library()

register.filter("day", display.day)
register.filter("moment", display.moment)
register.filter("stamp", display.stamp)
register.filter("short_day", display.short_day)
