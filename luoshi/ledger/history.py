"""The record in people's words: the one place that turns audit entries into what a person reads.

An :class:`~luoshi.ledger.models.AuditEntry` keeps codes, as it should: ``progress.report``,
``approve``, ``{"lead_unit_id": 41}``, ISO moments in UTC. Every page that shows the trail (the audit
list, a task's 修改记录, a report's, a request's and a notice's history) reads it through
:func:`describe`, the way Django's admin reads its ``LogEntry`` through ``get_change_message()``:

- the verb in Chinese (提交, 审核通过, 退回, 签收, 创建, 修改 …), per kind of record where it differs;
- the kind of record by its ``verbose_name`` (进展报告), and the record by its current name;
- each changed field by its label (``verbose_name``), its values as the forms show them: a unit or a
  person by name, a choice by its label, 是/否, dates in Chinese, moments in local time, empty as —;
- the moment in local time, the channel (网页, Excel 导入, 命令行, 接口, 系统) in words.

The names behind ids are fetched in one query per kind of record for a whole page of entries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from luoshi.web.display import day, moment, stamp

EMPTY = "—"
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _verb(word: str) -> Any:
    """A verb of the trail, in its own context: 提交 here is "submitted", not the button "Submit"."""
    return pgettext_lazy("留痕", word)


# verbs, by action code; then the few that read differently for one kind of record
VERBS: dict[str, Any] = {
    "create": _verb("创建"),
    "update": _verb("修改"),
    "delete": _verb("删除"),
    "submit": _verb("提交"),
    "approve": _verb("审核通过"),
    "unit_return": _verb("退回修改"),
    "accept": _verb("采纳"),
    "return": _verb("退回"),
    "withdraw": _verb("撤回"),
    "restore": _verb("恢复"),
    "sign": _verb("签收"),
    "assign": _verb("分工"),
    "reword": _verb("修改表述"),
    "split": _verb("拆分"),
    "merge": _verb("合并"),
    "revise": _verb("按修订稿更新"),
    "rollup": _verb("汇总子任务进展"),
    "progress": _verb("更新进展"),
    "extend": _verb("同意延期"),
    "complete": _verb("同意办结"),
    "file": _verb("提出申请"),
    "refuse": _verb("不同意"),
    "attach": _verb("上传附件"),
    "suspend": _verb("暂缓督办"),
    "lift": _verb("恢复督办"),
    "dismiss": _verb("排除线索"),
    "load_bundled": _verb("载入内置数据"),
    "bundled": _verb("载入内置数据"),
    "import": _verb("文件导入"),
    "import_choices": _verb("选定导入的条目"),
    "report": _verb("随进展报告采纳"),
    "mark": _verb("标记断点"),
    "link": _verb("关联指标"),
    "enable": _verb("启用"),
    "disable": _verb("停用"),
    "reset_password": _verb("重置密码"),
    "override": _verb("调整实现把握"),
    "clear_override": _verb("恢复系统计算"),
    "choose_method": _verb("设置评估方法"),
    "issue": _verb("发放"),
    "revoke": _verb("吊销"),
    "generate": _verb("生成"),
    "urge": _verb("催办"),
    "reject": _verb("剔除"),
}
VERBS_FOR: dict[tuple[str, str], Any] = {
    ("supervision.request", "approve"): _verb("同意"),
    ("supervision.request", "withdraw"): _verb("撤回申请"),
    ("ledger.task", "withdraw"): _verb("撤销"),
    ("ledger.task", "create"): _verb("建立"),
    ("progress.evidence", "create"): _verb("上传"),
    ("supervision.notice", "sign"): _verb("签收"),
    ("study.question", "reword"): _verb("修改试题"),
    ("study.question", "revise"): _verb("按文本更新"),
    ("study.studysession", "create"): _verb("登记"),
    ("study.sessionfile", "create"): _verb("上传"),
}
CHANNELS: dict[str, Any] = {
    "web": gettext_lazy("网页"),
    "excel": gettext_lazy("Excel 导入"),
    "cli": gettext_lazy("命令行"),
    "api": gettext_lazy("接口"),
    "system": gettext_lazy("系统"),
}
# fields kept for the record but meaningless to a reader
HIDDEN = frozenset({"id", "version", "sha256", "digest", "content_type", "file"})
# labels of fields whose model gives none in Chinese, and of values recorded beside the fields
LABELS: dict[str, Any] = {
    "created_by_id": gettext_lazy("创建人"),
    "assigned_by_id": gettext_lazy("分工确认人"),
    "uploaded_by_id": gettext_lazy("上传人"),
    "uploaded_at": gettext_lazy("上传时间"),
    "updated_by_id": gettext_lazy("修改人"),
    "filed_by_id": gettext_lazy("申请人"),
    "decided_by_id": gettext_lazy("审批人"),
    "set_by_id": gettext_lazy("设置人"),
    "decision_id": gettext_lazy("决定"),
    "task_id": gettext_lazy("任务"),
    "report_id": gettext_lazy("进展报告"),
    "request_id": gettext_lazy("申请"),
    "user_id": gettext_lazy("用户"),
    "parent_id": gettext_lazy("上级"),
    "order": gettext_lazy("排序"),
    "inferred": gettext_lazy("推断的章节"),
    "archived": gettext_lazy("已归档"),
    "units": gettext_lazy("承办单位"),
    "signed_at": gettext_lazy("签收时间"),
    # an account's own fields (Django's labels say 名字, 有效)
    "first_name": gettext_lazy("姓名"),
    "is_active": gettext_lazy("可以登录"),
}
# labels of what an entry records beside a record's fields (an import's choices): used only where
# the record has no field of that name, so a channel's own ``kinds`` stays 通知类别
NOT_FIELDS: dict[str, Any] = {
    "excluded": gettext_lazy("未导入的条目"),
    "kinds": gettext_lazy("改定的类型"),
}
# what else to fetch with a record to name it (its __str__ reads these)
NAMED_WITH: dict[str, tuple[str, ...]] = {
    "progress.report": ("task", "unit"),
    "progress.measurement": ("target",),
    "ledger.profile": ("user",),
    "ledger.suggestionrule": ("unit",),
    "supervision.request": ("task",),
    "supervision.suspension": ("task",),
    "supervision.reportschedule": ("decision",),
    "exchange.reportdraft": ("decision",),
    "indicators.indicatoralias": ("indicator",),
    "indicators.indicatorbreak": ("indicator",),
    "indicators.observation": ("indicator",),
    "indicators.targetindicator": ("target", "indicator", "reference"),
    "indicators.confidenceoverride": ("target",),
    "indicators.assessmentmethod": ("decision", "target"),
    "supervision.copyflag": ("report__task", "report__unit"),
    "study.guide": ("decision",),
    "study.studysession": ("unit",),
}


@dataclass
class Change:
    key: str
    label: str
    before: str
    after: str


@dataclass
class Line:
    """One entry of the trail, as a person reads it."""

    entry: Any
    ref: str  # progress.report:102, to tell the record a history belongs to from the others
    when: str  # 2026年12月3日 23:21, local time
    stamp: str  # 2026-12-03 23:21, for tables
    who: str
    verb: str
    kind: str  # 进展报告
    what: str  # the record's name
    note: str
    channel: str
    task: Any  # the task it belongs to (key and text), or None
    created: bool
    changes: list[Change] = field(default_factory=list)

    @property
    def sentence(self) -> str:
        """李强 提交 进展报告“1.2 · 自治区发展和改革委员会 · 2026年第三季度”：说明"""
        text = f"{self.who} {self.verb} {self.kind}“{self.what}”"
        return f"{text}：{self.note}" if self.note else text

    @property
    def changes_text(self) -> str:
        """The changes in one line of text (for exports): 进展：正常推进 → 有风险；完成：40% → 55%."""
        if self.created:
            parts = [f"{c.label}：{c.after}" for c in self.changes]
        else:
            parts = [f"{c.label}：{c.before} → {c.after}" for c in self.changes]
        return "；".join(parts)


def verb(model: str, action: str) -> str:
    word = VERBS_FOR.get((model, action)) or VERBS.get(action)
    return str(word) if word is not None else _("操作")


def kind(model: str) -> str:
    cls = _model(model)
    return str(cls._meta.verbose_name) if cls is not None else _("记录")


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _fields(cls: type[models.Model] | None) -> dict[str, models.Field]:
    if cls is None:
        return {}
    return {f.attname: f for f in cls._meta.concrete_fields}


def field_label(cls: type[models.Model] | None, key: str) -> str:
    if key in LABELS:
        return str(LABELS[key])
    f = _fields(cls).get(key)
    if f is not None:
        return str(f.verbose_name)
    if key in NOT_FIELDS:
        return str(NOT_FIELDS[key])
    return _("其他")


def _person(user: Any) -> str:
    return user.get_full_name() or user.get_username()


class Names:
    """The names behind ids, fetched in one query per kind of record."""

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
        self.names: dict[tuple[type[models.Model], str], str] = {}

    def want(self, cls: type[models.Model], pk: Any) -> None:
        if pk not in (None, ""):
            self.wanted[cls].add(pk)

    def fetch(self) -> None:
        from django.contrib.auth import get_user_model

        user_model = get_user_model()
        for cls, pks in self.wanted.items():
            qs = cls._default_manager.all()
            related = NAMED_WITH.get(cls._meta.label_lower, ())
            if related:
                qs = qs.select_related(*related)
            good = set()
            pk_field = cls._meta.pk
            for pk in pks:
                try:
                    good.add(pk_field.to_python(pk))
                except Exception:  # a value that was never an id of this model
                    continue
            for obj in qs.filter(pk__in=good):
                name = _person(obj) if cls is user_model else str(obj)
                self.names[(cls, str(obj.pk))] = name
        self.wanted.clear()

    def of(self, cls: type[models.Model], pk: Any) -> str | None:
        return self.names.get((cls, str(pk)))


# fields that hold a reporting period's key (2026Q3), read as 2026年第三季度
PERIOD_FIELDS = frozenset({"period", "progress_period"})


def _period(value: Any) -> str:
    from luoshi.progress.periods import Period

    try:
        return str(Period.parse(str(value)).label)
    except ValueError:
        return str(value)


def _value(f: models.Field | None, value: Any, names: Names) -> str:
    """A stored value as the forms show it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if f is not None and f.name in PERIOD_FIELDS:
        return _period(value)
    if f is None:
        if isinstance(value, list):
            return "、".join(str(v).replace(":", "：", 1) for v in value) or EMPTY
        if isinstance(value, dict):  # an import's kinds: item number → kind
            from .importing import kind_label

            return "；".join(f"{k}：{kind_label(str(v))}" for k, v in value.items()) or EMPTY
        if isinstance(value, bool):
            return _("是") if value else _("否")
        if isinstance(value, str) and ISO_MOMENT.match(value):
            return moment(value)
        return str(value)
    if f.is_relation and f.related_model is not None:
        return names.of(f.related_model, value) or _("（已不存在的记录）")
    if f.choices:
        labels = {str(k): str(v) for k, v in f.flatchoices}
        return labels.get(str(value), str(value))
    if isinstance(f, models.BooleanField):
        return _("是") if value else _("否")
    if isinstance(f, models.DateTimeField):
        return moment(value) if isinstance(value, str | dt.datetime) else str(value)
    if isinstance(f, models.DateField):
        return day(value) if isinstance(value, str | dt.date) else str(value)
    if isinstance(f, models.JSONField):
        # a list of codes a model names in words: ``audit_choices = {"kinds": NoticeKind.choices}``
        words = {str(k): str(v) for k, v in getattr(f.model, "audit_choices", {}).get(f.name, ())}
        if isinstance(value, list):
            return "、".join(words.get(str(v), str(v)) for v in value) or EMPTY
        if isinstance(value, dict):
            return "；".join(f"{k}：{v}" for k, v in value.items()) or EMPTY
    return str(value)


def describe(entries: Iterable[Any]) -> list[Line]:
    """Every entry in people's words, the names behind ids fetched once for all of them."""
    entries = list(entries)
    names = Names()
    from .models import Unit

    for e in entries:
        cls = _model(e.model)
        if cls is not None:
            names.want(cls, e.object_id)
        fields = _fields(cls)
        for values in (e.before or {}, e.after or {}):
            for key, value in values.items():
                f = fields.get(key)
                if f is not None and f.is_relation and f.related_model is not None:
                    names.want(f.related_model, value)
        if e.action == "sign" and e.note.isdigit():  # older receipts noted the unit's id
            names.want(Unit, e.note)
    names.fetch()
    _tasks(entries)
    return [_line(e, names) for e in entries]


def _tasks(entries: list[Any]) -> None:
    """The task of every entry (its key and text), in one query unless already fetched with them."""
    from .models import Task

    wanted = {e.task_id for e in entries if e.task_id and not _task_cached(e)}
    if not wanted:
        return
    tasks = Task.objects.only("key", "text").in_bulk(wanted)
    for e in entries:
        if e.task_id in tasks:
            e.task = tasks[e.task_id]


def _task_cached(entry: Any) -> bool:
    return bool(entry._meta.get_field("task").is_cached(entry))


def _line(e: Any, names: Names) -> Line:
    cls = _model(e.model)
    fields = _fields(cls)
    created = e.before is None and e.after is not None and e.action != "delete"
    changes = []
    before, after = e.before or {}, e.after or {}
    for key in dict.fromkeys([*before.keys(), *after.keys()]):
        if key in HIDDEN:
            continue
        f = fields.get(key)
        old, new = _value(f, before.get(key), names), _value(f, after.get(key), names)
        if created and new == EMPTY:
            continue  # a new record's empty fields say nothing
        if not created and old == new:
            continue
        changes.append(Change(key, field_label(cls, key), old, new))
    note = e.note or ""
    if e.action == "sign" and note.isdigit():
        from .models import Unit

        note = names.of(Unit, note) or ""
    what = (names.of(cls, e.object_id) if cls is not None else None) or e.object_repr or EMPTY
    return Line(
        entry=e,
        ref=f"{e.model}:{e.object_id}",
        when=moment(e.at),
        stamp=stamp(e.at),
        who=e.actor_name or _("系统"),
        verb=verb(e.model, e.action),
        kind=kind(e.model),
        what=what,
        note=note,
        channel=str(CHANNELS.get(e.channel, e.channel)),
        task=e.task if e.task_id else None,
        created=created,
        changes=changes,
    )


# records written to the trail by record() rather than by saving an Audited model
RECORDED_TOO = ("supervision.notice", "supervision.copyflag")


def recorded_kinds() -> list[tuple[str, str]]:
    """Every kind of record the trail may hold, as (code, label), for the audit list's filter."""
    from .models import Audited

    codes = [m._meta.label_lower for m in apps.get_models() if issubclass(m, Audited)]
    codes += [c for c in RECORDED_TOO if _model(c) is not None]
    return sorted(((c, kind(c)) for c in dict.fromkeys(codes)), key=lambda x: x[1])
