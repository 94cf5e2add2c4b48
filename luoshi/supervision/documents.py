"""督办单 and 通报 as documents: one content model (``Paper``), rendered as a web page (template
``supervision/paper.html``) and as Word in the official layout of GB/T 9704-2012 by the shared writer
``luoshi.exchange.officialdoc`` (page, margins, fonts, headings, signature, page numbers; see there),
with a head (版头) in red — for a 督办单 in the colour of its level — and the 签收回执 table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from luoshi.exchange.officialdoc import Block, OfficialDocument, sentence, subject
from luoshi.exchange.officialdoc import cn_number as cn_number  # re-exported for the views and tests
from luoshi.exchange.officialdoc import numbered as numbered
from luoshi.web.display import day, moment

from . import reasons
from .models import Level, Notice, NoticeKind, Rules

COLORS = {Level.BLUE: "0070C0", Level.YELLOW: "C09000", Level.RED: "E00000", "": "E00000"}
LEVEL_WORDS = {Level.BLUE: "蓝色督办", Level.YELLOW: "黄色督办", Level.RED: "红色督办"}


@dataclass
class Paper:
    mark: str  # the issuer's mark at the head (版头)
    color: str  # hex, without '#'
    number: str
    title: str
    addressee: str
    blocks: list[Block]
    signer: str
    date: str
    receipt: list[tuple[str, str]] = field(default_factory=list)
    copy_to: str = ""  # 版记: 抄送
    printer: str = ""  # 版记: 印发机关

    @property
    def css_color(self) -> str:
        return f"#{self.color}"


def paper(notice: Notice, rules: Rules | None = None) -> Paper:
    """The content of a 督办单 or 通报, whatever it is rendered as."""
    rules = rules or Rules.get()
    if notice.kind == NoticeKind.CIRCULAR:
        return _circular(notice, rules)
    return _order(notice, rules)


def order_title(text: str) -> str:
    """A 督办单's title: the task's first clause, whole (“…”的督办单), never a text cut with ……"""
    phrase = subject(text)
    if phrase:
        return _("关于督促办理“%(task)s”的督办单") % {"task": phrase}
    return _("关于督促办理重点任务的督办单")


def _receipt(notice: Notice) -> list[tuple[str, str]]:
    rows = []
    for r in notice.receipts.select_related("unit").order_by("unit__order", "unit_id"):
        signed = f"{r.signer_name}　{moment(r.signed_at)}" if r.signed_at else _("未签收")
        rows.append((r.unit.name, signed))
    return rows


def _order(notice: Notice, rules: Rules) -> Paper:
    task = notice.task
    level = LEVEL_WORDS.get(notice.level, "")
    blocks = []
    if task is not None:
        blocks.append(
            Block(
                _(
                    "根据《%(decision)s》任务分工，你单位牵头负责的下列事项未按要求推进。现予%(level)s，请高度重视，抓紧办理。"
                )
                % {"decision": task.decision.title, "level": level or _("督办")}
            )
        )
        blocks.append(Block(_("督办事项"), 1))
        blocks.append(Block(sentence(task.text)))
    blocks.append(Block(_("督办原因"), 1))
    blocks.append(Block(sentence(notice.reason or notice.title)))
    blocks.append(Block(_("办结时限"), 1))
    if notice.due:
        blocks.append(Block(_("请于%(due)s前办结。") % {"due": day(notice.due)}))
    blocks.append(Block(_("反馈要求"), 1))
    blocks.append(Block(notice.feedback or rules.feedback))
    return Paper(
        mark=_("督 办 单"),
        color=COLORS.get(notice.level, COLORS[""]),
        number=notice.number + (f"（{level}）" if level else ""),
        title=order_title(task.text) if task is not None else notice.title,
        addressee=f"{notice.unit.name}：" if notice.unit_id else "",
        blocks=blocks,
        signer=rules.office_name,
        date=day(notice.issued_on),
        receipt=_receipt(notice),
        copy_to=rules.copy_to,
        printer=rules.printing_office,
    )


def _circular(notice: Notice, rules: Rules) -> Paper:
    rows = notice.rows()
    period = reasons.period_label(notice.period)
    missed = sum(r["missed"] for r in rows)
    table = [[_("序号"), _("单位"), _("未按期报送（份）"), _("逾期未办结任务（项）")]]
    table += [
        [str(n), r["name"], str(r["missed"]), str(r.get("overdue", 0))] for n, r in enumerate(rows, start=1)
    ]
    blocks = [
        Block(_("按照督查工作安排，现将%(period)s重点任务进展报告报送情况通报如下。") % {"period": period}),
        Block(_("基本情况"), 1),
        Block(
            _("截至%(date)s，共有%(units)s个单位未按期报送%(period)s进展报告，合计%(missed)s份。")
            % {"date": day(notice.issued_on), "units": len(rows), "period": period, "missed": missed}
        ),
        Block(_("未按期报送的单位"), 1),
        Block("", rows=table),
        Block(_("有关要求"), 1),
        Block(_("限期补报"), 2),
        Block(
            _("请上述单位于%(due)s前补报，并书面说明未按期报送的原因。")
            % {"due": day(notice.due) if notice.due else ""}
        ),
        Block(_("压实责任"), 2),
        # not the 督办单's 反馈要求 (rules.feedback): a 通报 sets no 办结时限 to report back by
        Block(
            _(
                "各单位主要负责同志要亲自过问，明确专人负责进展报告的填报和审核，今后按报送日历如期报送。"
                "未按期报送的情况计入单位考核。"
            )
        ),
    ]
    return Paper(
        mark=_("督 查 通 报"),
        color=COLORS[""],
        number=notice.number,
        title=notice.title,
        addressee=_("各有关单位："),
        blocks=blocks,
        signer=rules.office_name,
        date=day(notice.issued_on),
        receipt=_receipt(notice),
        copy_to=rules.copy_to,
        printer=rules.printing_office,
    )


def to_docx(page: Paper) -> bytes:
    """The paper as a .docx in GB/T 9704 layout: 版头, title, body, 署名 and date; the 签收回执 as an
    attachment on its own page (附件说明 under the body); the 版记 at the foot of the last page."""
    doc = OfficialDocument()
    doc.head(page.mark, page.number, page.color)  # 版头: the issuer's mark, the number, a rule
    doc.title(page.title)
    doc.blank()
    if page.addressee:
        doc.addressee(page.addressee)
    doc.blocks(page.blocks)
    receipt = _("签收回执")
    if page.receipt:
        doc.blank()
        doc.paragraph(_("附件：%(name)s") % {"name": receipt}, indent=True)
    doc.signature(page.signer, page.date)
    if page.receipt:
        doc.attachment(receipt)
        doc.table([[_("签收单位"), _("签收人及时间")], *[list(r) for r in page.receipt]])
    if page.printer:
        doc.imprint(page.copy_to, page.printer, page.date)
    return doc.to_bytes()


def filename(notice: Notice) -> str:
    base = notice.number or notice.get_kind_display()
    return f"{base}.docx".replace("/", "-")
