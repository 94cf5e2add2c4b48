"""Decode the bytes of a text file (or of a web page) without ever guessing wrong in silence.

Order: a byte-order mark; strict UTF-8; then the legacy Chinese encodings (GB18030, which covers
GBK and GB2312, and Big5), each decoded strictly and scored on how plausible the result is as
Chinese text. A result that is not clearly plausible is refused with code ``encoding``.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from ._errors import DocumentError

# bytes that are control characters in every encoding we accept (tab, newlines, form feed, vertical
# tab and ESC / SUB, which old editors leave behind, do not count)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1a\x1b") + b"\x7f"
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)

_SAMPLE = 1 << 20  # bytes looked at for binary data
_SCORE_SAMPLE = 200_000  # characters scored for plausibility
_PLAUSIBLE = 0.8  # share of non-ASCII characters that must be common hanzi or punctuation
_MARGIN = 0.1  # how far a Big5 reading must beat the GB18030 reading to win

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# codec names as a web page may declare them, mapped to the superset we decode with
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb18030": "gb18030",
    "euc-cn": "gb18030",
    "big5": "cp950",
    "big5-hkscs": "big5hkscs",
    "cp950": "cp950",
    "utf8": "utf-8",
    "utf-8": "utf-8",
}

ENCODING_MESSAGE = (
    "无法识别文件的文字编码：它不是有效的 UTF-8，也不像以 GB18030（GBK）或 Big5 编码的中文文本。"
    "请用文本编辑器另存为 UTF-8 编码后再试。",
    "The file's text encoding is not recognised: it is not valid UTF-8, and it does not read as "
    "Chinese text in GB18030 (GBK) or Big5. Save it as UTF-8 and try again.",
)


def decode_text(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` into text with normalised newlines; return the text and the codec used.

    ``declared`` is a charset named by the data itself (an HTML ``<meta charset>``); it is a hint
    that settles a tie, never a reason to accept an implausible reading.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as e:
                raise DocumentError(
                    "encoding",
                    f"文件以 {label.upper()} 字节顺序标记开头，但内容不是有效的 {label.upper()} 文本"
                    f"（第 {e.start + len(bom) + 1} 个字节处出错）。",
                    f"The file starts with a {label.upper()} byte order mark but is not valid "
                    f"{label.upper()} (error at byte {e.start + len(bom) + 1}).",
                ) from None
            return _check_not_binary_text(_newlines(text)), label

    head = data[:_SAMPLE]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise binary_error()
    if len(head.translate(None, _NOT_CONTROL)) > max(8, len(head) // 100):
        raise binary_error()

    try:
        return _newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            # a file cut in the middle of its last character: keep everything before it
            return _newlines(data[: e.start].decode("utf-8")), "utf-8"
        utf8_error = e.start

    hint = _ALIASES.get((declared or "").strip().lower())
    readings: dict[str, tuple[str, float]] = {}
    for codec in ("gb18030", "cp950", "big5hkscs"):
        if codec == "big5hkscs" and "cp950" in readings:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        readings[codec] = (text, _plausibility(text))

    best = _choose(readings, hint)
    if best is None:
        zh, en = ENCODING_MESSAGE
        raise DocumentError(
            "encoding",
            f"{zh}（按 UTF-8 解码在第 {utf8_error + 1} 个字节处出错。）",
            f"{en} (UTF-8 decoding fails at byte {utf8_error + 1}.)",
        )
    text, _ = readings[best]
    return _newlines(text), "big5" if best != "gb18030" else "gb18030"


def _choose(readings: dict[str, tuple[str, float]], hint: str | None) -> str | None:
    gb = readings.get("gb18030", ("", -1.0))[1]
    big5_codec = "cp950" if "cp950" in readings else "big5hkscs"
    big5 = readings.get(big5_codec, ("", -1.0))[1]
    if big5 >= _PLAUSIBLE and (big5 - gb >= _MARGIN or (hint in ("cp950", "big5hkscs") and big5 >= gb)):
        return big5_codec
    if gb >= _PLAUSIBLE and gb >= big5 - _MARGIN:
        return "gb18030"
    return None


def binary_error() -> DocumentError:
    return DocumentError(
        "binary",
        "这不是文本文件（内容含有二进制数据）。请提供 txt、docx、pdf 或 html 格式的文件。",
        "This is not a text file (it holds binary data). Give a txt, docx, pdf or html file.",
    )


def _newlines(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f\x7f]")


def _check_not_binary_text(text: str) -> str:
    sample = text[:_SAMPLE]
    if len(_CONTROL_CHARS.findall(sample)) > max(8, len(sample) // 100):
        raise binary_error()
    return text


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text in UTF-16 without a byte-order mark: NUL bytes, and a plausible reading."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:_SCORE_SAMPLE]
        if not sample:
            continue
        common = _common_gb() | _common_big5()
        good = 0.0
        for c in sample:
            if " " <= c <= "~" or c in "\t\n\r" or c in common or _is_punctuation(c):
                good += 1
            elif "\u4e00" <= c <= "\u9fff":
                good += 0.5
        if good / len(sample) >= 0.9:
            return _check_not_binary_text(_newlines(text)), "utf-16"
    return None


def _plausibility(text: str) -> float:
    """How much a reading looks like Chinese: 0 (rubbish) to 1.

    The share of non-ASCII characters that are common hanzi (simplified or traditional) or
    punctuation; and, where there are enough hanzi to tell, at least a third of them must be among
    the few hundred most frequent ones, as in any real Chinese text (Korean EUC-KR read as GBK, for
    one, gives common hanzi in a random order, almost none of them frequent).
    """
    sample = text[:_SCORE_SAMPLE]
    common = _common_gb() | _common_big5()
    rarer = _rarer_gb() | _rarer_big5()
    total = hanzi = frequent = 0
    good = 0.0
    for c in sample:
        if c < "\x80":
            continue
        total += 1
        if c in common:
            good += 1
            hanzi += 1
            frequent += c in _FREQUENT
        elif _is_punctuation(c):
            good += 1
        elif c in rarer:
            good += 0.5
            hanzi += 1
    if not total:
        return 0.0
    if hanzi >= 8 and frequent < hanzi * 0.3:
        return min(good / total, frequent / hanzi)
    return good / total


_PUNCTUATION = re.compile(
    "[\u3000-\u303f\uff01-\uff5e\u2010-\u2027\u2030-\u203b\u00b7\u00d7\u00f7\u00b1\u00b0\u2103\u2116\u2160-\u216b\u2460-\u249b\u3220-\u3229]"
)


def _is_punctuation(c: str) -> bool:
    return _PUNCTUATION.match(c) is not None


def _table(codec: str, leads: range, trails: tuple[range, ...]) -> frozenset[str]:
    out: set[str] = set()
    for a in leads:
        for trail in trails:
            for b in trail:
                char = bytes((a, b)).decode(codec, errors="replace")
                if len(char) == 1 and char != "\ufffd":
                    out.add(char)
    return frozenset(out)


@cache
def _common_gb() -> frozenset[str]:
    """GB2312 level-1 hanzi: the 3,755 most common characters (first byte 0xB0–0xD7)."""
    return _table("gb2312", range(0xB0, 0xD8), (range(0xA1, 0xFF),))


@cache
def _rarer_gb() -> frozenset[str]:
    """GB2312 level-2 hanzi (first byte 0xD8–0xF7)."""
    return _table("gb2312", range(0xD8, 0xF8), (range(0xA1, 0xFF),))


_BIG5_TRAILS = (range(0x40, 0x7F), range(0xA1, 0xFF))


@cache
def _common_big5() -> frozenset[str]:
    """Big5 常用字 (0xA440–0xC67E)."""
    return _table("cp950", range(0xA4, 0xC6), _BIG5_TRAILS) | _table(
        "cp950", range(0xC6, 0xC7), (range(0x40, 0x7F),)
    )


@cache
def _rarer_big5() -> frozenset[str]:
    """Big5 次常用字 (0xC940–0xF9D5)."""
    return _table("cp950", range(0xC9, 0xFA), _BIG5_TRAILS)


# The most frequent hanzi of modern Chinese, and of the language of policy documents, in simplified
# and traditional forms: not a frequency table, only a set to tell real text from mojibake.
_FREQUENT = frozenset(
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可"
    "她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三"
    "已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女"
    "问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由"
    "却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路"
    "期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八"
    "特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花"
    "快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程"
    "告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委"
    "早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴质推"
    "坚施施快善障升境源保护环能源绿色态态农村乡域促稳增标水准支持众健康育就收入创营营改革优级"
    "效率加快实施坚持全面经济社会体系产业生态创新能力加强推动提升保障治理服务现代质量安全重点工作"
    "制度完善体制机制项目战略领导城乡区域文化资源市场企业投资开放合作基础增长目标水平支持群众健康"
    "教育就业消费格局布局融合协调共享深化贯彻落实精神全区自治蒙古民族团结边疆草原森林覆盖粮食生产"
    "装机电力新型储能煤炭矿产规模亿元万吨亿斤比例年均以上左右达到超过提高扩大稳定确保力争基本建成"
    "形成打造构建培育壮大做强做优做大巩固拓展持续统筹协同高效集群链条数字智能科技人才引进"
    "這個們來說時會為國對發經過後與於學當還進實現點動開長樣種應問關機從兩體間無見場電頭給數產業區"
    "設據決務組織黨員義對導創興財幹護協調農鄉環態標價質檢報處辦規劃結構類積極綜總計劃層級條線"
)
