"""Targets: numeric, relational and milestone targets in a task sentence.

The rules, in the order they are applied to a sentence (each has its tests in
tests/document/test_targets_*.py):

1. Years. 到2035年, 2030年前, 2024—2027年 (a plan period: its end year), 今年/明年 (the document's own
   year), “十五五” (2030). A year governs the figures after it in the same sentence until another
   year appears. 比2020年 and 2020年以来 are base years, not deadlines.
2. A figure shared by listed subjects: 玉米、奶业2个产值超千亿元 → one target per subject.
3. 分别: 一产、二产、三产增加值分别增长4.5%、6%和6%左右 → one target per subject, each its figure.
4. Relations between two indicators: 新能源装机规模超过火电装机规模; 居民收入增长与经济增长同步.
5. Every other figure with a unit, where the sentence makes it a target: a comparator before it
   (达到, 超过, 控制在 …), a growth verb (增长, 下降 …), a modifier after it (以上, 左右, 以内), a
   verb of work to be done (新建, 建成, 培育 …), or a year that governs it. A figure that only
   counts what is enacted (落实…12条措施) or describes (2400多万各族人民) is not a target.
6. Milestones: a deadline and a deed without a figure (到2025年基本消除重污染天气), and plans
   with their period (制定实施2022—2025年人才发展规划).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from ._numbers import Quantity, find_quantities
from ._text import cn_to_int, fold_width

# -- years -------------------------------------------------------------------------------------------

# What may stand before a year and make it a deadline (到2035年) or a date (截至2024年).
_YEAR_PRE = re.compile(r"(?:力争到|力争在|争取到|确保到|预计到|计划到|到|至|在|于|力争|争取|确保|截至|截止)$")
_YEAR = re.compile(
    r"(?=[\d二〇零一三四五六七八九今明后本年全去上“\"十第])"
    r"(?:(?P<y1>[12]\d{3})\s*年?\s*[—–－~～\-至到]\s*(?P<y2>[12]\d{3})\s*年"
    r"|(?P<y>[12]\d{3}|[二〇零一三四五六七八九]{4})\s*年(?!度)(?:\s*(?P<month>\d{1,2})\s*月(?:份)?(?P<day>\s*\d{1,2}\s*日)?)?"
    r"|(?P<rel>今年|明年|后年|本年度|年内|全年|去年|上年|(?<![每今明上去后本一两\d])年底(?=前)"
    r"|(?<![\d年月至到—－~～\-])\d{1,2}\s*月(?:底|末|中旬|上旬|下旬)?(?=前|以前|之前))"
    r"|[“\"]?(?P<plan>十[一二三四五六七八九]五|第十[一二三四五六七八九]个五年)[”\"]?(?P<planpost>期间|时期|末|期末)?)"
    r"(?P<post>年底前|底前|以前|之前|前|底|末|以来|以后|起|开始)?"
)
_BASE_BEFORE = re.compile(r"(?:比|较|与|同|和|对比|相比|相较于?|超过|高于|低于)\s*$")
_BASE_AFTER = re.compile(r"^\s*(?:的?基础上|水平|相比|同期|比|的水平|翻)")
_DEADLINE_POST = {"年底前", "底前", "以前", "之前", "前", "底", "末"}
_QUALIFIES = re.compile(r"[\u4e00-\u9fff]{1,4}的")  # 2000年底前建成的: a year inside a description
# “十五五”开局之年, “十五五”良好开局, 开好局、起好步, “十五五”第一年: the plan's start, not its end
_PLAN_START = re.compile(r"[”\"]?(?:良好|的)?(?:开局|开好局|起步|起好步|首年|第一年|头一年)")
# 2035年远景目标: a vision named by its year
_NAMES_A_VISION = re.compile(r"(?:远景|愿景)")


@dataclass(frozen=True, slots=True)
class YearExpr:
    start: int
    end: int
    year: int | None
    start_year: int | None = None
    deadline: bool = False  # 到2025年, 2030年前: a deadline, not only a date
    governs: bool = True  # False for base years (比2020年) and 2020年以来
    named: bool = False  # a plan's name (“十五五”规划): dates a heading about it, not a figure


def find_years(s: str, doc_year: int | None) -> list[YearExpr]:
    out: list[YearExpr] = []
    for m in _YEAR.finditer(s):
        start, end = m.span()
        post = m.group("post")
        p = _YEAR_PRE.search(s, max(0, start - 3), start)
        pre = p.group() if p else None
        if p:
            start = p.start()
        start_year: int | None = None
        if m.group("y2"):
            year: int | None = int(m.group("y2"))
            start_year = int(m.group("y1"))
            if start_year >= year:  # type: ignore[operator]
                continue
        elif m.group("y"):
            raw = m.group("y")
            year = int(raw) if raw.isdigit() else cn_to_int(raw)
            if year is None or not 1949 <= year <= 2100:
                continue
        elif m.group("rel"):
            rel = m.group("rel")
            if rel in ("今年", "本年度", "年内", "全年", "年底") or rel[-1] in "月底末旬":
                year = doc_year
            elif rel in ("去年", "上年"):
                year = doc_year - 1 if doc_year else None
            elif rel == "明年":
                year = doc_year + 1 if doc_year else None
            else:
                year = doc_year + 2 if doc_year else None
            if year is None and not pre:
                continue
        else:
            plan = m.group("plan")
            n = cn_to_int(plan.removeprefix("第")[:2]) if plan else None
            if n is None:
                continue
            year = 2005 + 5 * (n - 10)
            if not post and _PLAN_START.match(s, end):
                year -= 4  # “十五五”开局之年, 良好开局, 第一年: the plan's first year, not its last
        governs = True
        named = bool(m.group("plan")) and s.startswith(("规划", "时期规划"), end)
        if not pre and not post and _NAMES_A_VISION.match(s, end):
            named = True  # 实现2035年远景目标: a vision named by its year, not a deadline of this sentence
        if named or (post in _DEADLINE_POST and _QUALIFIES.match(s, end)):
            governs = False  # 2000年底前建成的小区, “十四五”规划目标: a year that names a thing
        elif m.group("day") or (m.group("month") and post not in _DEADLINE_POST):
            governs = False  # a date (2023年1月12日), not a deadline
        elif post in ("以来", "以后", "起", "开始") or (
            not pre and (_BASE_BEFORE.search(s, 0, start) or _BASE_AFTER.match(s[end : end + 6]))
        ):
            governs = False
        deadline = governs and (
            bool(pre and pre not in ("在", "于", "截至", "截止"))
            or post in _DEADLINE_POST
            or m.group("rel") in ("今年", "明年", "后年", "年内", "年底")
        )
        out.append(YearExpr(start, end, year, start_year, deadline, governs, named))
    return out


_YEAR_WITH_PRE = re.compile("(?:" + _YEAR_PRE.pattern.removesuffix("$") + ")?" + _YEAR.pattern)


def strip_years(s: str) -> str:
    """The text without its years and what makes them deadlines (到2035年, 力争2030年前)."""
    return _YEAR_WITH_PRE.sub("", s)


# -- the words around a figure -------------------------------------------------------------------------

_CMP_LEFT = re.compile(
    r"(?:分别|均|都|将|要|力争|争取)?"
    r"(?P<cmp>提升至|提升到|提高至|提高到|扩大到|扩大至|增加到|增加至|增长到|增长至|增至|升至|上升到|上升至"
    r"|稳定在|保持在|稳定|达到|达|不低于|不少于|至少|迈上|跨上|登上|超过|(?<!赶)超|突破|(?<![通经度越])过|高于|大于|多于"
    r"|不超过|不高于|控制在|控制到|降至|降到|降低到|降低至|下降到|下降至|减少到|减少至|减至|压减到|压减至"
    r"|压缩到|压缩至|缩短到|缩短至|缩小到|缩小至|低于|小于|少于|(?<![作成认称以行因视])为|(?<![就还别但而于正也])是|占)\s*$"
)
_GROWTH_ONLY = re.compile(r"(?:年均|同比)?(?:增长|下降|提高|降低|减少|增加)")
_CMP_OF = re.compile(
    r"(?P<cmp>提升至|提升到|提高至|提高到|达到|超过|不低于|保持在|稳定在)[\u4e00-\u9fff]{2,12}的\s*$"
)
_CMP = {
    **dict.fromkeys(
        [
            "提升至",
            "提升到",
            "提高至",
            "提高到",
            "扩大到",
            "扩大至",
            "增加到",
            "增加至",
            "增长到",
            "增长至",
            "增至",
            "升至",
            "上升到",
            "上升至",
            "稳定在",
            "保持在",
            "稳定",
            "达到",
            "达",
            "不低于",
            "不少于",
            "至少",
            "迈上",
            "跨上",
            "登上",
        ],
        ">=",
    ),
    **dict.fromkeys(["超过", "超", "突破", "过", "高于", "大于", "多于"], ">"),
    **dict.fromkeys(
        [
            "不超过",
            "不高于",
            "控制在",
            "控制到",
            "降至",
            "降到",
            "降低到",
            "降低至",
            "下降到",
            "下降至",
            "减少到",
            "减少至",
            "减至",
            "压减到",
            "压减至",
            "压缩到",
            "压缩至",
            "缩短到",
            "缩短至",
            "缩小到",
            "缩小至",
        ],
        "<=",
    ),
    **dict.fromkeys(["低于", "小于", "少于"], "<"),
    **dict.fromkeys(["为", "是", "占"], "="),
}
_GROWTH_LEFT = re.compile(
    r"(?:年均|平均|累计|同比|比上年|分别)?(?:增长|下降|提高|降低|减少|增加|提升|上升|缩小|回落|下降了|增长了)\s*$"
)
_WORK_VERB = re.compile(
    r"(?:实现|新建|新增|建成|建设|完成|培育|打造|创建|改造|引进|招引|开工|投资|实施|建立|造林|种草|治理|修复|推广|转移"
    r"|吸纳|安置|淘汰|化解|压减|发放|培训|提供|争取|认定|新培育|新认定|新创建|新开工|落地|储备|带动|吸引|扩建|改建"
    r"|整治|解决|资助|筹集|盘活|营造|补植|退耕|节约|节水|回收|处置|消纳|外送|输送|生产|种植|养殖|存栏|出栏"
    r"|办好|办实|安排|打通|选派|举办|组织|开展|形成|建强|组建|设立|消除|帮扶|惠及|引导|动员|开行|开通|新开|培养"
    r"|引育|布局|创作|设置|招募|救助|筛查|抽检|检测|接种|派驻|遴选|评定|命名|贯通|投放|增设|配备|招收|扩招|筹措)"
)
_ENACTED = re.compile(r"(?:落实|出台|制定|印发|推出|贯彻|执行|修订|颁布|发布|学习|宣传|实施)")
# What a count counts: 个, 家, 名 … (万名, 万批次 too)
_COUNT_UNIT = re.compile(
    r"(?:万|亿)?(?:个|家|所|件|项|名|场|场次|条|处|座|支|批次|户|人|人次|辆|台|套|部|艘|列|班次|期|只|头|株|张|间"
    r"|床|栋|次|位|批|趟|架|块|片|宗|款)"
)
# A head that is only a verb or a preposition (为超2万名…儿童提供…): what follows the count says what it is
_SERVES = r"为|向|对|给|帮助|帮扶|资助|支持|引导|动员|惠及|选择|组织|带动|吸引|服务|救助|覆盖|培养|选派|招募|吸纳|筹措|扶持"
_WEAK_HEAD = re.compile(
    rf"(?:{_SERVES}|增加|整体提升|提升|提升改造|推动|推进|打造|培育|建设|新建|建成|实现|开展|办好|新增|完成|累计)"
)
# 为超2万名视力、听力残疾儿童提供…: the object of these runs to the end of the clause, lists and all
_SERVES_HEAD = re.compile(rf"(?:{_SERVES})")
# 国家级、省级: a level, whose noun follows the next figure (新建6个国家级、20个省级临床重点专科)
_LEVEL = re.compile(r"[\u4e00-\u9fff]{1,4}级$")
_LIST_JOIN = re.compile(r"(?:和|及|与|以及|、)$")
_SIZE_OF = re.compile(r"(?:规模|总规模|总额|总投资)$")
_RESTATED = re.compile(r"的[\u4e00-\u9fff]{0,4}目标")  # 4.5%左右的增长目标
_PLAN_PARTS = re.compile(
    r"的?(?:方面|领域|维度|[\u4e00-\u9fff]{0,4}指标)"
)  # 18个领域的重点任务, 29项主要指标
_A_BATCH = re.compile(r"(?:一批|一些|若干)$")
_SUM = re.compile(r"(?:合计|共计|总计|累计)")
_ENACTED_NOUN = re.compile(r"^(?:措施|意见|举措|政策|条例|规定|办法|要求|精神|制度|方面|重点|任务|原则|方针)")
_SCOPE = re.compile(r"(?:全区|全自治区|全省|全市|全国|全盟|全州|全县|全旗|全地区)")
_LEAD = re.compile(
    r"^(?:[、，,和及与]|并(?![网购联轨行])|并且|其中|同时|到|至|在|于|将|把|使|让|推动|推进|促进|确保|力争|争取|努力|实现|保持|进一步"
    r"|持续|稳步|逐步|加快|大力|着力|每年|年内|底前|底|前|末|以上|要|使得|带动|做到|预期目标是|主要预期目标是"
    r"|目标是|主要目标是|目标为|预计|其中|力求|全年|[一二三四五六七八九十]{1,3}是)+"
)
_CUT_AFTER = re.compile(r".*(?:使|让|将|把|推动|确保|力争|促进|带动|推进|实现|提高|提升)")
_HEADS = (
    "增加值",
    "产值",
    "产量",
    "收入",
    "规模",
    "比重",
    "总量",
    "增速",
    "投资",
    "面积",
    "装机",
    "发电量",
    "覆盖率",
    "利用率",
    "率",
)
_REL_VERB = re.compile(
    r"超过|高于|大于|快于|多于|不低于|不少于|低于|慢于|少于|赶超|达到(?=(?:全国|全省|全区)?平均水平)"
    r"|(?:保持在|稳定在|高于)(?=(?:全国|全省|全区)?平均水平(?:以上|之上))"
)
_REL_CMP = {
    "达到": ">=",
    "保持在": ">=",
    "稳定在": ">=",
    "超过": ">",
    "高于": ">",
    "大于": ">",
    "快于": ">",
    "多于": ">",
    "赶超": ">",
    "不低于": ">=",
    "不少于": ">=",
    "低于": "<",
    "慢于": "<",
    "少于": "<",
}
_REL_HEAD = re.compile(
    r"(?:规模|总量|产量|水平|增速|速度|增长|比重|收入|产值|装机|发电|平均|增幅|占比|同期|均值|总额|能力)"
)
_SYNC = re.compile(
    r"(?P<x>[^，；。：、与和同]{2,30})(?:与|和|同)(?P<y>[^，；。：、与和同]{2,20}?)(?:基本|保持)?同步"
    r"(?!规划|建设|设计|推进|实施|部署|谋划|开展|验收|投运|运行)"
)
_MILESTONE_VERB = re.compile(
    r"完成|实现|建成|消除|形成|达标|覆盖|建立|健全|取得|进入|迈入|跻身|成为|达峰|中和|退出|清零|通达|通车|投产|投运"
    r"|并网|竣工|贯通|完善|全面|基本|全部|率先|落成|上线|消灭|根除|摘帽|脱贫|制定|编制|出台|印发|启动"
)
# 加快长赣高铁建设，确保明年建成通车: a deed without an object takes it from the clause before
_BARE_DEED = re.compile(
    r"(?:基本|全面|如期|全部|率先)?(?:建成|完成|竣工|投产|投运|通车|运营|开通|见效|落地|达产|使用)"
    r"(?:通车|投运|投产|运营|使用|并网|达产|交付)?"
)
_PROJECT_TAIL = re.compile(r"(?:建设|工程|项目建设|改造|工作)$")
# 取得重要进展, 迈上新台阶: a direction, not a deed that is done or not by its deadline
_VAGUE = re.compile(
    r"取得[\u4e00-\u9fff]{0,4}(?:进展|成效|突破|成果|成绩)|迈上[\u4e00-\u9fff]{0,2}台阶|(?:明显|显著|不断|持续|进一步)"
    r"(?:提升|增强|提高|改善|优化|加强|加快)|更加(?:完善|巩固|健全|牢固|坚实|彰显)"
)
_DONE_END = re.compile(
    r"(?:基本|全面|全部|彻底)(?:消除|完成|建成|实现全覆盖|覆盖)|实现全覆盖|动态清零|全部清零"
)
_CONCRETE = re.compile(r"完成|建成|消除|达标|达峰|实现|全覆盖|清零|退出|投产|投运|通车")
_ONGOING = re.compile(r"(?:扎实|持续|深入|继续)?(?:推进|推动|保持|坚持|巩固)")


# 奠定…基础, 取得决定性进展, 大幅提升: a deed whose end is a direction, whatever verb opens it
_VAGUE_END = re.compile(
    r"(?:奠定|打下|夯实)[\u4e00-\u9fff]{0,8}基础|取得[\u4e00-\u9fff]{0,5}(?:进展|成效|突破)(?:目标)?"
    r"|(?:大幅|明显|显著)(?:提升|提高|增强|改善)"
)


def _kept_up(seg: str) -> bool:
    """推动重大事故隐患动态清零, 保持零就业家庭动态清零: a state kept up, not a deed done by a date."""
    return "动态" in seg and _ONGOING.match(seg.lstrip("，、 ")) is not None


def _vague(deed: str) -> bool:
    if _VAGUE_END.search(deed) and _VAGUE_END.search(deed).end() == len(deed):  # type: ignore[union-attr]
        return True
    return _VAGUE.search(deed) is not None and _CONCRETE.search(deed) is None


_PLAN_NAME = re.compile(r"(?:规划|计划|方案|纲要|行动)$")
_BOUNDARY = re.compile(r"[，；：。！？,;:!?]")
_OUTSIDE_PARENS_DUN = re.compile(r"、(?![^（(]*[）)])")  # a 、 that is not inside （市、区）

# Does a sentence need the full treatment? A digit, or one of these words.
_CANDIDATE = re.compile(
    # the class in front lets most positions fail at once, before the alternatives are tried
    r"(?=[\d０-９千百十两三四五六七八九万超过破达造成设建育增局立今明后年全二〇高快不同])(?:"
    r"[\d０-９]|[千百十两三四五六七八九][万亿]|万亿|[超过破达][十百千]|[造成设建育增局立][两二三四五六七八九]个|百分之|今年|明年|后年|年内|全年|年底前"
    r"|十[一二三四五六七八九]五"
    r"|[二〇][〇零一二三四五六七八九]{3}年|超过|高于|快于|不低于|同步)"
)
_LIST_SEP = re.compile(r"[、和及与]")
_SHARED_CMP = "超过|超|过|突破|达到|达|稳定在|保持在"  # the verbs of a figure that listed subjects share
_N_SHARED = re.compile(
    r"(?P<etc>等)?(?P<n>\d+|[两二三四五六七八九十]+)个(?P<noun>(?:(?!设置|提出|明确|安排|部署|了)[\u4e00-\u9fff]){1,10}?)"
    r"(?<![和及与])"
    rf"(?P<cmp>(?:均|都)?(?:{_SHARED_CMP}))?\s*$"
)
# 扎赉特旗、科右前旗2个旗县…: the listed subjects are places, and each is the scope of its figure
_PLACE_CLASS = re.compile(
    r"^(?:旗县市区|旗县区|旗县市|旗县|盟市|市州|地市|县区|县市区|县市|区县|市县|城市|地区|市|县|旗|区|州|盟)"
)
_PLACE_SUFFIX = "(?:自治旗|自治县|旗|县|市|盟|区|州)"
_PLACE_END = re.compile(rf"[\u4e00-\u9fff]{{1,6}}{_PLACE_SUFFIX}$")
_PLACE_START = re.compile(rf"[\u4e00-\u9fff]{{1,6}}?{_PLACE_SUFFIX}")  # 突泉县肉牛存栏: the place in front
_COUNT = re.compile(r"(?:\d+|[两二三四五六七八九十]+)个")
_ALL_SHARED = re.compile(
    r"(?P<list>[^，；、]{1,12}(?:、[^，；、]{1,12})*、[^，；、]{2,24}?)(?:均|都)"
    rf"(?P<cmp>{_SHARED_CMP})\s*$"
)
_ALIKE_SHARED = re.compile(
    r"(?P<list>[\u4e00-\u9fff]{2,8}?(?:、[\u4e00-\u9fff]{2,8}?)+)"
    rf"(?P<cmp>{_SHARED_CMP})?(?P<growth>(?:年均|同比)?(?:增长|下降|提高|降低))?\s*$"
)
_RESPECTIVELY = re.compile(r"分别(?P<verb>[\u4e00-\u9fff]{0,4}?)\s*$")
_RESPECTIVELY_FROM = re.compile(r"分别从[^，；。]{0,8}$")
_VERB_PREFIX = re.compile(
    r"^(?:进一步|做大做强|做大|做强|做优|做精|做实|发展|培育|打造|壮大|建设|推动|加快|提升|巩固|形成|建成|重点|支持"
    r"|扶持|大力|着力|全力|积极|围绕|聚焦|推进|实施)+"
)


@dataclass(frozen=True, slots=True)
class Found:
    """A target found in a sentence, before it gets its id."""

    kind: str
    indicator: str
    scope: str | None
    comparator: str | None
    value: float | None
    unit: str | None
    year: int | None
    reference: str | None
    text: str
    value_max: float | None = None
    start_year: int | None = None
    pos: int = 0


def targets_in(
    sentence: str, *, doc_year: int | None = None, context_year: int | None = None, results: bool = False
) -> list[Found]:
    """The targets a sentence sets, in the order they appear. ``results`` reads a sentence that
    reports what was done: its figures, whatever their year, and no milestones."""
    if not _CANDIDATE.search(sentence) and (context_year is None or not _DONE_END.search(sentence)):
        return []
    s = fold_width(sentence)
    years = find_years(s, doc_year)
    quantities = [q for q in find_quantities(s) if not _inside_year(q, years)]
    bounds = [m.start() for m in _BOUNDARY.finditer(s)]
    ctx = _Sentence(sentence, s, years, bounds, doc_year, context_year)
    found: list[Found] = []
    used: set[int] = set()
    _shared_figures(ctx, quantities, used, found)
    _respectively(ctx, quantities, used, found)
    if not results:
        _relations(ctx, found)
    _numeric(ctx, quantities, used, found)
    found.sort(key=lambda f: f.pos)
    if results:
        return found
    _milestones(ctx, quantities, found)
    found.sort(key=lambda f: f.pos)
    return [r for f in found if not _is_past(f, ctx) for r in range_ends(f)]


def range_ends(f: Found) -> list[Found]:
    """增长4.5%—5%: a range is two targets, at least the low end and at most the high end."""
    if f.kind != "numeric" or f.value_max is None:
        return [f]
    return [
        replace(f, comparator=">=", value_max=None),
        replace(f, comparator="<=", value=f.value_max, value_max=None),
    ]


# -- the sentence and its helpers ----------------------------------------------------------------------


@dataclass(slots=True)
class _Sentence:
    original: str
    s: str  # width-folded: same positions as original
    years: list[YearExpr]
    bounds: list[int]  # positions of clause boundaries
    doc_year: int | None
    context_year: int | None

    def clause_start(self, pos: int) -> int:
        k = bisect_left(self.bounds, pos)
        return self.bounds[k - 1] + 1 if k else 0

    def clause_end(self, pos: int) -> int:
        k = bisect_left(self.bounds, pos)
        return self.bounds[k] if k < len(self.bounds) else len(self.s)

    def year_at(self, pos: int) -> YearExpr | None:
        """The year that governs a figure at ``pos``: the last governing year before it."""
        best: YearExpr | None = None
        for y in self.years:
            if y.end > pos:
                break
            if y.governs and y.year is not None:
                best = y
        return best

    def year_for(self, pos: int) -> tuple[int | None, int | None, bool]:
        y = self.year_at(pos)
        if y is not None:
            return y.year, y.start_year, y.deadline
        return self.context_year, None, False

    def scope_at(self, pos: int) -> str | None:
        last = None
        for m in _SCOPE.finditer(self.s, 0, pos):
            last = m.group()
        return "全区" if last == "全自治区" else last

    def text(self, start: int, end: int) -> str:
        return self.original[start:end].strip("，、；,; ")


def _inside_year(q: Quantity, years: list[YearExpr]) -> bool:
    return any(y.start <= q.start < y.end for y in years)


def _is_past(f: Found, ctx: _Sentence) -> bool:
    """A figure for a year before the document's own is a result, not a target."""
    if f.year is None or ctx.doc_year is None or f.year >= ctx.doc_year:
        return False
    if f.year < ctx.doc_year - 2:
        return True  # no document sets a deadline years before it was written
    return not any(y.deadline and y.year == f.year for y in ctx.years)


_BASE_PHRASE = re.compile(r"(?:比|较|与|同)(?:[12]\d{3}\s*年|上年|去年|上年度)(?:末|底)?(?:相比)?")
_EVERY_YEAR = re.compile(r"^每年|每年$")
_TRAILING_RESOLVE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:力争|确保|争取|努力|力求)$")


def clean_indicator(raw: str) -> str:
    s = _BASE_PHRASE.sub("", raw)
    s = strip_years(s)
    s = _SCOPE.sub("", s)
    s = s.strip("，、；：,;: ")
    s = _LEAD.sub("", s)
    if len(s) > 18:
        m = _CUT_AFTER.match(s)
        if m and len(s) - m.end() >= 2:
            s = s[m.end() :]
            s = _LEAD.sub("", s)
    s = _EVERY_YEAR.sub("", s.rstrip("的，、 "))
    return _TRAILING_RESOLVE.sub("", s)


def _comparator(cmp_word: str | None, q: Quantity) -> str:
    comp = _CMP[cmp_word] if cmp_word else "="
    if q.suffix in ("以上", "之上"):
        comp = ">" if comp == ">" else ">="
    elif q.suffix in ("左右", "上下"):
        comp = "≈"
    elif q.suffix in ("以内", "以下", "之内"):
        comp = "<="
    if q.approx and comp == "=":
        comp = ">"
    if q.value_max is not None and comp == "=":
        comp = ">="
    return comp


# -- 2. one figure for several listed subjects ---------------------------------------------------------


def _split_subjects(raw: str) -> list[str]:
    parts = [p.strip() for p in _LIST_SEP.split(raw) if p.strip()]
    if not parts:
        return []
    if parts[-1].endswith("等"):
        parts[-1] = parts[-1][:-1]
    others = [len(p) for p in parts[1:]] or [len(parts[0])]
    longest = max(others)
    first = parts[0]
    if len(first) > longest:
        first = _VERB_PREFIX.sub("", clean_indicator(first) or first) or first
        if len(first) > longest + 2:
            first = first[-longest:]
    parts[0] = first
    return [p for p in parts if p]


def _share_head(subjects: list[str]) -> list[str]:
    """城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入: the last subject
    carries the noun the others share. Short subjects of one length (城镇、农村; 一产、二产、三产增加值)
    share what follows that length in the last; otherwise a known head noun (产值, 收入 …)."""
    *first, last = subjects
    # 奶产业、肉牛产业全产业链产值: the word the others end with marks where the shared noun starts
    word = first[0][-2:] if len(first[0]) >= 3 else ""
    if word and all(f.endswith(word) for f in first) and (k := last.find(word)) > 0 and k + 2 < len(last):
        head = last[k + 2 :]
        return [f + head for f in first] + [last]
    lengths = {len(s) for s in first}
    if len(lengths) == 1 and (n := lengths.pop()) <= 3 and len(last) > n + 1:
        head = last[n:]
        return [s + head for s in first] + [last]
    head = next((h for h in _HEADS if last.endswith(h) and len(last) > len(h)), "")
    return [s if s.endswith(head) else s + head for s in subjects] if head else subjects


def _shared_figures(ctx: _Sentence, qs: list[Quantity], used: set[int], out: list[Found]) -> None:
    for i, q in enumerate(qs):
        if i in used:
            continue
        cs = ctx.clause_start(q.start)
        left = ctx.s[cs : q.start]
        m = _N_SHARED.search(left)
        if m is None:
            m = _ALL_SHARED.search(left)  # 奶产业、肉牛产业全产业链产值均突破千亿元: no count, but 均
            if m is None:
                m = _ALIKE_SHARED.search(left)  # 工业投资、民间投资年均增长6%左右: subjects of one kind
                if (
                    m is None
                    or len({p[-2:] for p in m.group("list").split("、")}) != 1
                    or not (m.group("cmp") or m.group("growth"))
                ):
                    continue
            subjects = _split_subjects(m.group("list"))
            if len(subjects) < 2:
                continue
            subjects = _share_head(subjects)
        elif "分别" in m.group("noun"):
            continue
        else:
            subjects = _split_subjects(left[: m.start()])
        if len(subjects) < 1:
            continue
        noun = (m.groupdict().get("noun") or "") + (m.groupdict().get("growth") or "")
        cmp_word = m.group("cmp")
        if cmp_word and cmp_word[0] in "均都":
            cmp_word = cmp_word[1:]
        scopes: list[str | None] = [ctx.scope_at(q.start)] * len(subjects)
        place_class = _PLACE_CLASS.match(noun)
        if (
            place_class
            and all(_PLACE_END.fullmatch(p) for p in subjects)
            and len(noun) > place_class.end() + 1
        ):
            scopes, subjects = list(subjects), [""] * len(subjects)
            noun = noun[place_class.end() :]
        year, start_year, _ = ctx.year_for(q.start)
        used.add(i)
        if "n" in m.groupdict():
            count_at = cs + m.start("n")
            used.update(k for k, other in enumerate(qs) if other.start == count_at)  # the 2个 itself
        for subj, scope in zip(subjects, scopes, strict=True):
            out.append(
                Found(
                    "numeric",
                    subj + noun,
                    scope,
                    _comparator(cmp_word, q),
                    q.value,
                    q.unit,
                    year,
                    None,
                    ctx.text(cs, q.end),
                    q.value_max,
                    start_year,
                    q.start,
                )
            )


def _run(s: str, qs: list[Quantity], i: int) -> int:
    """The index after the figures from ``i`` on that are joined by 、 和 及."""
    j = i + 1
    while j < len(qs) and re.fullmatch(r"\s*[、和及与,，]\s*", s[qs[j - 1].end : qs[j].start]):
        j += 1
    return j


def _without_count(subjects: list[str]) -> list[str]:
    """现代煤化工、有色金属、钢铁3个产业链产值: the count goes, and what follows it is shared."""
    *first, last = subjects
    m = _COUNT.search(last)
    if not m or m.start() == 0 or m.end() >= len(last):
        return subjects
    noun = last[m.end() :]
    return [p + noun for p in first] + [last[: m.start()] + noun]


def _place_subjects(subjects: list[str]) -> tuple[list[str], list[str]]:
    """科右中旗、突泉县肉牛存栏分别…: places listed before a shared indicator give one scope each."""
    *first, last = subjects
    if not all(_PLACE_END.fullmatch(p) for p in first):
        return subjects, []
    m = _PLACE_START.match(last)
    if not m or len(last) - m.end() < 2:
        return subjects, []
    indicator = last[m.end() :]
    return [indicator] * len(subjects), [*first, m.group()]


# -- 3. 分别 ---------------------------------------------------------------------------------------------


def _respectively(ctx: _Sentence, qs: list[Quantity], used: set[int], out: list[Found]) -> None:
    i = 0
    while i < len(qs):
        q = qs[i]
        if i in used:
            i += 1
            continue
        cs = ctx.clause_start(q.start)
        left = ctx.s[cs : q.start]
        m = _RESPECTIVELY.search(left)
        base = None if m else _RESPECTIVELY_FROM.search(left)
        if base is not None:
            # 分别从每人每月209元、280元提高到217元、290元: the figures after the verb are the targets
            end = _run(ctx.s, qs, i)
            raised = _CMP_LEFT.search(ctx.s[qs[end - 1].end : qs[end].start]) if end < len(qs) else None
            if raised is not None and _run(ctx.s, qs, end) - end == end - i:
                used.update(range(i, end))
                m = _RESPECTIVELY.search(left[: base.start()] + "分别" + raised.group("cmp"))
                i = end
                q = qs[i]
        if not m:
            i += 1
            continue
        verb = m.group("verb")
        cmp_m = _CMP_LEFT.search(verb) if verb else None
        growth = bool(verb) and not cmp_m and bool(_GROWTH_LEFT.search(verb))
        # the figures that follow, joined by 、 和 及
        group = [i]
        j = i + 1
        while j < len(qs) and re.fullmatch(r"\s*[、和及与,，]\s*", ctx.s[qs[j - 1].end : qs[j].start]):
            group.append(j)
            j += 1
        subjects = _split_subjects(clean_indicator(left[: m.start()]) or left[: m.start()])
        if len(subjects) == 1 and subjects[0].startswith("城乡") and len(group) == 2:
            subjects = ["城镇" + subjects[0][2:], "农村" + subjects[0][2:]]  # 城乡居民收入分别增长5%和7%
        if len(subjects) < 2:
            i += 1
            continue
        scopes: list[str | None] = [ctx.scope_at(q.start)] * len(subjects)
        subjects, places = _place_subjects(subjects)
        if places:
            scopes = list(places)
        else:
            subjects = _share_head(_without_count(subjects))
        last_suffix = qs[group[-1]].suffix
        cmp_word = cmp_m.group("cmp") if cmp_m else None
        for subj, scope, k in zip(subjects, scopes, group, strict=False):
            qk = qs[k]
            if qk.suffix is None and last_suffix:
                qk = Quantity(qk.start, qk.end, qk.value, qk.unit, qk.value_max, qk.approx, last_suffix)
            year, start_year, _ = ctx.year_for(qk.start)
            used.add(k)
            out.append(
                Found(
                    "numeric",
                    subj + (verb if growth else ""),
                    scope,
                    _comparator(cmp_word, qk),
                    qk.value,
                    qk.unit,
                    year,
                    None,
                    ctx.text(cs, qs[group[-1]].end),
                    qk.value_max,
                    start_year,
                    qk.start,
                )
            )
        i = j


# -- 4. relations ----------------------------------------------------------------------------------------


def _reference(raw: str) -> str:
    """The other side of a relation keeps its scope: 全国平均水平, not 平均水平."""
    return _AT_LEAST.sub("", strip_years(raw).strip("，、；：,;: ")).rstrip("的")


_AT_LEAST = re.compile(r"(?:以上|之上)$")


def _relations(ctx: _Sentence, out: list[Found]) -> None:
    s = ctx.s
    last_x, last_end = "", -1
    for m in _REL_VERB.finditer(s):
        seg_start = max(ctx.clause_start(m.start()), s.rfind("、", 0, m.start()) + 1)
        seg_end = ctx.clause_end(m.end())
        dun = s.find("、", m.end(), seg_end)
        if dun != -1:
            seg_end = dun
        x_raw, y_raw = s[seg_start : m.start()], s[m.end() : seg_end]
        if not x_raw and seg_start == last_end + 1 and last_x:
            x_raw = last_x  # 居民收入增速高于经济增速、高于全国平均水平: one subject, two relations
        if any(c.isdigit() for c in y_raw) or not (_REL_HEAD.search(y_raw) or _REL_HEAD.search(x_raw)):
            continue
        x, y = clean_indicator(x_raw), _reference(y_raw)
        last_x, last_end = x_raw, seg_end
        if len(x) < 2 or len(y) < 2 or any(c.isdigit() for c in x):
            continue
        year, start_year, _ = ctx.year_for(m.start())
        out.append(
            Found(
                "relational",
                x,
                ctx.scope_at(m.start()),
                _REL_CMP[m.group()],
                None,
                None,
                year,
                y,
                ctx.text(seg_start, seg_end),
                None,
                start_year,
                seg_start,
            )
        )
    for m in _SYNC.finditer(s) if "同步" in s else ():
        x, y = clean_indicator(m.group("x")), clean_indicator(m.group("y"))
        if len(x) < 2 or len(y) < 2 or any(c.isdigit() for c in x + y):
            continue
        year, start_year, _ = ctx.year_for(m.start("y"))
        approx = "基本" in s[m.start("y") : m.end()]
        out.append(
            Found(
                "relational",
                x,
                ctx.scope_at(m.start()),
                "≈" if approx else "=",
                None,
                None,
                year,
                y,
                ctx.text(m.start(), m.end()),
                None,
                start_year,
                m.start(),
            )
        )


# -- 5. figures ------------------------------------------------------------------------------------------


def _numeric(ctx: _Sentence, qs: list[Quantity], used: set[int], out: list[Found]) -> None:
    s = ctx.s
    prev_end = 0
    last_indicator = ""
    last_work = False
    last_cmp: str | None = None
    for i, q in enumerate(qs):
        if i in used:
            prev_end = q.end
            continue
        cs = max(ctx.clause_start(q.start), prev_end)
        left = s[cs : q.start]
        ce = ctx.clause_end(q.end)
        right = _OUTSIDE_PARENS_DUN.split(s[q.end : ce], maxsplit=1)[0]
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if nxt is not None and nxt.start < q.end + len(right) and not right.startswith(("）", ")", "”")):
            between = s[q.end : nxt.start]
            join = _LIST_JOIN.search(between)
            if join is None or "的" in between:
                continue  # 超百亿元的企业达到20户, 10万元以上的村占比达到60%: a figure that qualifies the next
            right = between[: join.start()]  # 40个绿美点和6条绿美带: a list
        shared = ""  # a noun the next figure names for this one too
        if nxt is not None and _LEVEL.fullmatch(right):
            # 新建6个国家级、20个省级临床重点专科: the noun after the next figure's level is shared
            after = _OUTSIDE_PARENS_DUN.split(s[nxt.end : ctx.clause_end(nxt.end)], maxsplit=1)[0]
            level = re.match(r"[\u4e00-\u9fff]{1,4}级", after)
            if level is not None and len(after) > level.end() and _LIST_JOIN.search(s[q.end : nxt.start]):
                shared = after[level.end() :]
        cmp_m = _CMP_LEFT.search(left)
        if cmp_m is not None and cmp_m.group("cmp") == "为" and not left[: cmp_m.start()].strip("，、 "):
            cmp_m = None  # 为3岁以下婴幼儿提供…: 为 opening a clause is "for", not "is"
        of = None if cmp_m else _CMP_OF.search(left)
        if of is not None:  # 达到全国平均水平的1.2倍: the figure is a multiple or share of another
            cmp_m = of
        growth = None if cmp_m else _GROWTH_LEFT.search(left)
        attributive = bool(right) and not right.startswith(("的", "）", ")", "”"))
        head = left[: cmp_m.start()] if cmp_m else left
        indicator = clean_indicator(head)
        work = bool(_WORK_VERB.search(strip_years(head)))
        y = ctx.year_at(q.start)
        if cmp_m and cmp_m.group("cmp") in ("为", "是", "占") and not (y or ctx.context_year or q.suffix):
            continue  # 为/是 only set a figure where a year or a modifier makes it a target
        if _ENACTED.search(head) and _ENACTED_NOUN.match(right):
            continue  # 落实…12条措施 counts what is enacted, not a target
        if _RESTATED.match(right) or _PLAN_PARTS.match(right) or indicator.endswith("指标"):
            continue  # 确定4.5%左右的增长目标; 18个领域的重点任务, 预期性指标19项: a plan described
        if _A_BATCH.search(left) or (q.chinese and attributive and s[q.start] in "十百千万"):
            continue  # 一批50万千瓦以上…基地, 千亿立方米天然气生产基地: a class, not an amount
        counted = _COUNT_UNIT.fullmatch(q.unit) is not None
        weak = not indicator or _WEAK_HEAD.fullmatch(indicator) is not None
        served = attributive and weak and bool(indicator) and counted  # 为10万名儿童提供…, 帮助8万户群众…
        if attributive and not (cmp_m or growth or work or served):
            valid = False  # 3岁以下婴幼儿, 10万人以上城市: a figure that describes a noun
        elif cmp_m or growth or q.suffix or work or served:
            valid = True
        elif (y is not None or ctx.context_year is not None) and not attributive:
            valid = q.unit not in ("万", "亿")
        else:
            valid = False
        listed = left[:1] in ("、", "和", "及", "与") and len(left) <= 12
        if not valid and last_work and listed and (indicator or attributive):
            valid = True  # 新建幼儿园50所、中小学30所, 40个绿美点和6条绿美带: the verb governs the list
        if not valid:
            continue
        cmp_word = cmp_m.group("cmp") if cmp_m else None
        if cmp_word is None and growth is None and listed and last_cmp and left[:1] == "、":
            cmp_word = last_cmp  # 高新技术企业达到1.5万家、科技型中小企业3.2万家: the verb governs the list
        last_cmp = cmp_word
        last_work = work or (last_work and listed)
        if _GROWTH_ONLY.fullmatch(indicator) and last_indicator:
            indicator = last_indicator + indicator  # 地区生产总值超1万亿元、增长6%
        text_end = q.end
        if (attributive or right.startswith("的")) and _SERVES_HEAD.fullmatch(indicator):
            # 为超2万名视力、听力残疾儿童免费提供…, 选择11个左右的县探索…: the clause after says what
            right = s[q.end : ce]
        # 地区生产总值迈上4万亿元新台阶: the subject is before; 提供不少于10万个就业岗位: a count, after
        stated = cmp_m is not None and not weak and not (work and counted)
        if (attributive or (weak and right.startswith("的"))) and (work or weak or counted) and not stated:
            # 新建5G基站1万个 has its noun before; 选派2000名农村科技特派员: after
            noun = right.lstrip("的") + shared
            indicator = (indicator + noun) if noun else indicator
            text_end += len(right)
        elif _SUM.fullmatch(indicator):
            indicator = _previous_subject(ctx, cs, any_head=True) or indicator  # …大学生，合计6300名
        if right.startswith("的") and _SIZE_OF.search(indicator) and len(right) > 2:
            # 设立规模50亿元的新能源产业发展基金: the size of what follows
            indicator = clean_indicator(right[1:]) + _SIZE_OF.search(indicator).group()  # type: ignore[union-attr]
            text_end += len(right)
        if not indicator and right.startswith("的") and (cmp_m or q.suffix):
            # 全省85%以上的县通过督导评估: the share of what follows
            indicator = clean_indicator(right[1:])
            text_end += len(right)
        if not indicator:
            # 研发投入强度达到2.5%，2030年达到3%: the subject is the one before
            indicator = last_indicator or _previous_subject(ctx, cs)
            if not indicator:
                continue
        last_indicator = indicator
        year, start_year, _ = ctx.year_for(q.start)
        prev_end = text_end  # the next figure's indicator starts after this target
        out.append(
            Found(
                "numeric",
                indicator,
                ctx.scope_at(cmp_m.start() if cmp_m else q.start),
                _comparator(cmp_word, q),
                q.value,
                q.unit,
                year,
                None,
                ctx.text(cs, text_end),
                q.value_max,
                start_year,
                q.start,
            )
        )


def _previous_subject(ctx: _Sentence, clause_start: int, *, any_head: bool = False) -> str:
    """奶类产量稳步提高，力争达到1000万吨: the subject sits in the clause before (the whole clause,
    with ``any_head``: 资助残疾人大学生…，合计6300名)."""
    if clause_start < 2:
        return ""
    prev_start = ctx.clause_start(clause_start - 1)
    prev = clean_indicator(ctx.s[prev_start : clause_start - 1])
    if any_head:
        return prev if 2 <= len(prev) <= 30 else ""
    m = re.match(r"[\u4e00-\u9fff]{2,12}?(?:" + "|".join(_HEADS) + ")", prev)
    return m.group() if m else ""


# -- 6. milestones ----------------------------------------------------------------------------------------


def _milestones(ctx: _Sentence, qs: list[Quantity], out: list[Found]) -> None:
    s = ctx.s
    taken = [(f.pos, f.pos + len(f.text)) for f in out if f.kind == "relational"]
    for k, y in enumerate(ctx.years):
        if not y.governs or y.year is None:
            continue
        nxt = next((later.start for later in ctx.years[k + 1 :] if later.governs), len(s))
        end = min(ctx.clause_end(y.end), nxt)
        start = y.end
        if not s[start:end].strip("，、 "):
            # 到2025年，基本消除…: the deed is in the next clause
            start = end + 1
            end = min(ctx.clause_end(start), nxt)
        seg = s[start:end].rstrip("、， ")
        if not seg or seg[0] in "是为" or any(start <= q.start < end for q in qs):
            continue  # 今年是…攻坚之年 says what the year is
        if any(a <= start < b or start <= a < end for a, b in taken):
            continue
        if _REL_VERB.search(seg):
            continue
        is_plan = y.start_year is not None and bool(_PLAN_NAME.search(seg))
        if not is_plan:
            if not (y.deadline or (ctx.doc_year is None or y.year > ctx.doc_year)):
                continue
            if not _MILESTONE_VERB.search(seg):
                continue
            if not y.deadline and not _MILESTONE_VERB.match(_LEAD.sub("", _SCOPE.sub("", seg))):
                continue
        indicator = _deed(seg) if not is_plan else seg.strip()
        if len(indicator) < 2 or _vague(indicator) or _kept_up(seg):
            continue
        text_start = y.start
        if _BARE_DEED.fullmatch(indicator):
            cs = ctx.clause_start(y.start)
            if cs >= 2 and not any(cs - 1 > yy.start >= ctx.clause_start(cs - 1) for yy in ctx.years):
                subject = _VERB_PREFIX.sub("", clean_indicator(s[ctx.clause_start(cs - 1) : cs - 1]))
                subject = _PROJECT_TAIL.sub("", subject)
                if 2 <= len(subject) <= 30:
                    indicator = subject + indicator
                    text_start = ctx.clause_start(cs - 1)
        taken.append((start, end))
        out.append(_milestone(ctx, indicator, y, start, text=(text_start, end)))
    _later_deeds(ctx, qs, out, taken)
    _undated_deeds(ctx, qs, out, taken)


def _undated_deeds(
    ctx: _Sentence, qs: list[Quantity], out: list[Found], taken: list[tuple[int, int]]
) -> None:
    """劣V类水体基本消除, in a section or document that sets the year: a deed done by then."""
    if ctx.context_year is None or not _DONE_END.search(ctx.s) or any(y.governs for y in ctx.years):
        return
    s = ctx.s
    for a in [0] + [b + 1 for b in ctx.bounds]:
        b = ctx.clause_end(a) if a < len(s) else a
        m = _DONE_END.search(s, a, b)
        if (
            m is None
            or m.end() != b
            or any(a <= q.start < b for q in qs)
            or any(x < b and a < z for x, z in taken)
        ):
            continue
        if _kept_up(s[a:b]):
            continue  # 推进…动态清零, 保持…动态清零: a process kept up, not a deed done by a date
        subject = _LEAD.sub("", _SCOPE.sub("", s[a : m.start()]))
        if not 2 <= len(subject) <= 24 or _VERB_PREFIX.match(subject) or subject.endswith(("的", "要", "将")):
            continue
        taken.append((a, b))
        year = YearExpr(a, a, ctx.context_year, deadline=True)
        out.append(_milestone(ctx, _deed(s[a:b]), year, a, text=(a, b)))


def _milestone(ctx: _Sentence, indicator: str, y: YearExpr, at: int, *, text: tuple[int, int]) -> Found:
    year = y.year
    return Found(
        "milestone",
        indicator,
        ctx.scope_at(at),
        None,
        None,
        None,
        year,
        None,
        ctx.text(*text),
        None,
        y.start_year,
        text[0],
    )


_DEED_LEAD = re.compile(r"^(?:[、，,和及与并且]|力争|确保|争取|努力|要|将|同时|并|全面推动|推动)+")


def _deed(seg: str) -> str:
    """A milestone's indicator: the deed, verb kept (实现碳达峰), without year, scope or 力争."""
    s = _SCOPE.sub("", seg).strip("，、；：,;: ")
    return _DEED_LEAD.sub("", s).rstrip("的，、 ")


_DEED_START = re.compile(r"(?:基本|全面|率先|如期)?(?:建成|完成|实现|消除|形成|达标|达峰|建立)")


def _later_deeds(ctx: _Sentence, qs: list[Quantity], out: list[Found], taken: list[tuple[int, int]]) -> None:
    """到2035年，…达到28%以上，基本建成美丽示例省: a later clause of a deadline sentence that names a
    deed without a figure is a milestone of that deadline."""
    if not any(y.deadline and y.governs for y in ctx.years):
        return
    s = ctx.s
    starts = [0] + [b + 1 for b in ctx.bounds]
    for a in starts:
        if a >= len(s):
            continue
        b = ctx.clause_end(a)
        y = ctx.year_at(a)
        if y is None or not y.deadline or y.start >= a or y.year is None:
            continue
        if any(a <= q.start < b for q in qs) or any(x < b and a < z for x, z in taken):
            continue
        if any(a <= yy.start < b for yy in ctx.years):
            continue
        seg = s[a:b]
        core = _LEAD.sub("", _SCOPE.sub("", seg))
        if not _DEED_START.match(core) or _REL_VERB.search(seg):
            continue
        indicator = _deed(seg)
        if len(indicator) < 2 or _vague(indicator):
            continue
        taken.append((a, b))
        out.append(_milestone(ctx, indicator, y, a, text=(a, b)))
