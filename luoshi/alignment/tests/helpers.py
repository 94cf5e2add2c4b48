"""A decision and plans in the team's words, imported the way the office imports them."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.ledger.importing import import_decision

DECISION = """关于深入推进生态优先绿色发展的决定

一、重点任务
全面实施黄河流域生态保护和修复工程，确保到2025年完成水土流失综合治理面积300万亩。
坚决落实草原禁牧和草畜平衡制度，严格控制超载过牧。
加强基层医疗卫生服务能力建设。
做大做强奶业，到2027年全区奶类产量达到1000万吨。
"""

PLAN = """鄂尔多斯市贯彻落实《关于深入推进生态优先绿色发展的决定》实施方案

一、主要任务
扎实推进黄河流域生态保护修复，力争到2025年治理水土流失面积40万亩。
严格执行草原禁牧、草畜平衡制度，坚决遏制超载过牧。
让农牧民就近看得上病、看得好病。
做优做强奶产业，到2027年全市奶类产量达到150万吨。
建设现代煤化工示范基地。
"""


def import_parent(by: Any = None) -> Any:
    decision, _plan = import_decision(DECISION.encode("utf-8"), name="决定.txt", by=by)
    return decision


def plan_file(text: str = PLAN, name: str = "实施方案.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def item_key(doc: Any, fragment: str) -> str:
    return next(i.id for i in doc.items if fragment in i.text)
