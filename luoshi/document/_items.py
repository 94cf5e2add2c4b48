"""Items: each sentence of a section's body is a task item, with a kind and its programme tags."""

from __future__ import annotations

import re

_SPLIT = re.compile(r"[“”。！？!?]")
_CLOSERS = "”’」』）)"
_TAG = re.compile(r"“([^“”，。；！？,;!?]{1,16})”")
_PRINCIPLE = re.compile(r"(?:必须|始终|要|全面)?(?:坚持|坚定不移|牢记|树立|秉持|把握|遵循)")
_PROGRAMME_WORD = re.compile(r"工程|行动|计划|项目|战略|示范区|试验区|工作法")
_PROGRAMME = re.compile(
    r"“[^“”]{1,20}”(?:工程|行动|计划|项目|战略|专项行动|攻坚行动|三年行动|示范区|试验区|工作法)"
    r"|(?:实施|启动|开展|推进|深入实施|组织实施|扎实推进)[^，。；]{1,16}(?:工程|行动|计划|专项行动)"
)


_PLAIN_SENTENCE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[’」』）)]*|$)")


def sentences(text: str) -> list[str]:
    """Split a paragraph at 。！？, never inside quotation marks; the closing quote stays put."""
    if "“" not in text and "”" not in text:  # the common case, in one pass of the regex engine
        return [p for p in (m.group().strip() for m in _PLAIN_SENTENCE.finditer(text)) if p]
    out: list[str] = []
    start = 0
    depth = 0
    n = len(text)
    for m in _SPLIT.finditer(text):
        c = m.group()
        if c == "“":
            depth += 1
            continue
        if c == "”":
            depth = max(0, depth - 1)
            if depth == 0 and m.start() > start and text[m.start() - 1] in "。！？!?":
                end = m.end()  # “…我落实。”各级…: the sentence ended inside the quotation
                piece = text[start:end].strip()
                if piece:
                    out.append(piece)
                start = end
            continue
        if depth:
            continue
        end = m.end()
        while end < n and (text[end] in "。！？!?" or text[end] in _CLOSERS):
            end += 1
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def tags(text: str) -> tuple[str, ...]:
    """Programmes and slogans in quotation marks: “科技兴蒙”, “双一流”, “一心多点”."""
    if "“" not in text:
        return ()
    seen: dict[str, None] = {}
    for m in _TAG.finditer(text):
        seen.setdefault(m.group(1).strip(), None)
    return tuple(t for t in seen if t)


def kind(text: str, has_target: bool) -> str:
    if has_target:
        return "target"
    if _PROGRAMME_WORD.search(text) and _PROGRAMME.search(text):
        return "programme"
    if _PRINCIPLE.match(text):
        return "principle"
    return "measure"
