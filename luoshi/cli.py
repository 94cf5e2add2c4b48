"""The ``luoshi`` command: a thin click group over the library.

Keep this module's imports light: ``luoshi extract`` must start fast, so Django and the heavy
libraries are imported inside the commands that need them.

Everything it says follows ``LUOSHI_LANGUAGE`` (zh-hans by default, or en; ``luoshi.cli_i18n``): the
help texts and messages below are written in Chinese and translated in
``luoshi/locale/en/LC_MESSAGES/cli.po``; click's own words come from ``luoshi/locale/zh_Hans``. Every
command that works on the ledger says on standard error which database it uses
(``luoshi.cli_database``), and a command that only reads never creates one.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .cli_i18n import Group, _, english, version_option

if TYPE_CHECKING:
    from .indicators.maths import Methodology

SHARED_DECISION = Path("..") / "shared" / "corpus" / "im-decision-2022.txt"


def _language() -> str:
    """The CLI's language, as Django names it: zh-hans or en (LUOSHI_LANGUAGE)."""
    return "en" if english() else "zh-hans"


def _fail(message: str, en: str | None = None, /, **params: Any) -> click.ClickException:
    """An error in the command's language: ``message`` is Chinese, its English is in the catalogue;
    ``{name}`` placeholders are filled from ``params``. (``en``, an English text given beside the
    Chinese, is the older way; prefer the catalogue.)"""
    if en is not None and english():
        return click.ClickException(en)
    return click.ClickException(_(message).format(**params))


def _say(message: str, **params: Any) -> None:
    """A line of output, in the command's language."""
    click.echo(_(message).format(**params))


def _note(message: str) -> None:
    """A line on standard error (already translated), so that JSON on standard output stays clean."""
    click.echo(message, err=True)


def _today() -> dt.date:
    """Today in the office's time zone (LUOSHI_TIME_ZONE), without setting up Django."""
    from zoneinfo import ZoneInfo

    try:
        zone = ZoneInfo((os.environ.get("LUOSHI_TIME_ZONE") or "").strip() or "Asia/Shanghai")
    except (ValueError, KeyError, OSError):
        return dt.date.today()
    return dt.datetime.now(zone).date()


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail("日期格式应为 YYYY-MM-DD：{value}", value=value) from None


text_or_json = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式：text 给人读，json 给其他程序。",
)

demo_option = click.option("--demo", is_flag=True, help="使用 luoshi demo 建立的演示数据库。")


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@version_option(__version__, "luoshi")
def cli() -> None:
    """luoshi（落实）：把政策决定读成任务清单，并看着它落实。

    界面语言由 LUOSHI_LANGUAGE 决定：zh-hans（默认）或 en。
    """


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True), metavar="文件")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md", "xlsx"]),
    default="json",
    show_default=True,
    help="json 是稳定的数据格式；md 是可读的任务清单；xlsx 是任务清单工作簿。",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="写到哪里（默认：标准输出；xlsx 需要文件名或管道）。",
)
@click.option("--year", type=int, default=None, help="文件本身的年份，用于理解“今年”“明年”。")
def extract(file: str, fmt: str, output: str, year: int | None) -> None:
    """读取一份决定（txt、docx、pdf、html，或用 - 表示标准输入），输出它的任务清单。

    示例：

        luoshi extract decision.txt --format md
    """
    from .document import DocumentError
    from .document import extract as run

    try:
        if file == "-":
            doc = run(sys.stdin.buffer, name="-", year=year)
        else:
            if not os.path.isfile(file):
                raise _fail("找不到文件：{file}", file=file)
            doc = run(Path(file), year=year)
    except DocumentError as e:
        raise _fail(e.zh, e.en) from None
    from .document import require_structure

    try:
        require_structure(doc)  # the same refusal as `luoshi import` and the web's import
    except DocumentError as e:
        raise _fail(e.zh, e.en) from None
    _write(doc, fmt, output)


@cli.command()
@click.argument("parent", type=click.Path(dir_okay=False), metavar="上级文件")
@click.argument("child", type=click.Path(dir_okay=False), metavar="下级文件")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json", "xlsx"]),
    default="md",
    show_default=True,
    help="md 是可读的对照表；json 给其他程序；xlsx 是对照表工作簿。",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="写到哪里（默认：标准输出；xlsx 需要文件名或管道）。",
)
@click.option("--year", type=int, default=None, help="两份文件的年份，用于理解“今年”“明年”。")
def align(parent: str, child: str, fmt: str, output: str, year: int | None) -> None:
    """对标对表：把下级的实施方案（下级文件）与它落实的上级决定（上级文件）逐条对照，
    列出已承接、承接但弱化、未承接和新增的条目与目标，并写明依据。

    示例：

        luoshi align 决定.docx 实施方案.docx --format xlsx -o 对标对表.xlsx
    """
    from .alignment.matching import align as run_align
    from .document import DocumentError, require_structure
    from .document import extract as run

    docs = []
    for file in (parent, child):
        if not os.path.isfile(file):
            raise _fail("找不到文件：{file}", file=file)
        try:
            docs.append(require_structure(run(Path(file), year=year)))
        except DocumentError as e:
            raise _fail("{file}：{reason}", file=file, reason=e.en if english() else e.zh) from None
    result = run_align(docs[0], docs[1])
    if fmt == "xlsx":
        from .alignment.rendering import to_xlsx

        if output == "-":
            if sys.stdout.isatty():
                raise _fail("Excel 输出请用 -o 指定文件名。")
            to_xlsx(result, sys.stdout.buffer, english=english())
        else:
            to_xlsx(result, output, english=english())
        return
    if fmt == "json":
        import json

        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    else:
        from .alignment.rendering import to_markdown

        text = to_markdown(result, english=english()).rstrip("\n")
    if output == "-":
        click.echo(text)
    else:
        Path(output).write_text(text + "\n", encoding="utf-8")


def _write(doc: Any, fmt: str, output: str) -> None:
    if fmt == "xlsx":
        if output == "-":
            if sys.stdout.isatty():
                raise _fail("Excel 输出请用 -o 指定文件名。")
            doc.to_xlsx(sys.stdout.buffer)
        else:
            doc.to_xlsx(output)
        return
    text = doc.to_json() if fmt == "json" else doc.to_markdown()
    if output == "-":
        click.echo(text)
    else:
        Path(output).write_text(text + "\n", encoding="utf-8")


def _django(*, migrate: bool = True) -> None:
    """Set up Django (imported here, never at module level: ``luoshi extract`` must start fast)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.utils import translation
    except Exception as e:  # a bad setting: say which, without a traceback
        raise _fail("配置有误：{error}", error=e) from None
    translation.activate(_language())
    Path(settings.HOME).mkdir(parents=True, exist_ok=True)
    if migrate:
        from django.core.management import call_command

        from .ops.locks import exclusive

        with exclusive("migrate", wait=True):  # nodes starting together migrate in turn
            call_command("migrate", verbosity=0, interactive=False)


def _ledger(*, reads: bool, demo: bool = False, dry_run: bool = False) -> None:
    """Open the ledger: choose its database, say which on standard error, set up Django.

    A command that only reads (``reads``) never creates a database: beside ``luoshi demo`` it reads
    the demo's, and says so; with nothing to read it stops with what to do (luoshi.cli_database).
    """
    from django.apps import apps

    from . import cli_database

    choice = None
    if not apps.ready:  # in this process Django reads the URL once: choose before it does
        try:
            choice = cli_database.choose(reads=reads, demo=demo, dry_run=dry_run)
        except cli_database.NoDatabase as e:
            raise click.ClickException(str(e)) from None
        if choice.url is not None:
            os.environ["LUOSHI_DATABASE_URL"] = choice.url
        for note in choice.notes:
            _note(_("注意：") + note)
    _django()
    from django.db import connection

    _note(_("数据库：{label}").format(label=cli_database.label(connection.settings_dict)))
    if reads and choice is not None and choice.default:
        from .ledger.models import Decision

        empty = cli_database.empty_note(choice, Decision.objects.exists())
        if empty:
            _note(_("注意：") + empty)


def _shared_decision() -> Path | None:
    for candidate in (
        SHARED_DECISION,
        Path(__file__).resolve().parents[2] / "shared" / "corpus" / SHARED_DECISION.name,
    ):
        if candidate.is_file():
            return candidate
    return None


@cli.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False), metavar="文件")
@click.option("--into", "into", type=int, default=None, help="这份文本修订的是哪个决定（决定编号）。")
@click.option("--year", type=int, default=None, help="文件本身的年份，用于理解“今年”“明年”。")
@click.option("--dry-run", is_flag=True, help="只列出将要发生的变化，不写入。")
@click.option("--sample", is_flag=True, help="把决定标为样例文本（不是真实文件）。")
@click.option("--include-review", is_flag=True, help="连同回顾过去工作的语句和导语一并导入（默认不导入）。")
def import_(
    file: str, into: int | None, year: int | None, dry_run: bool, sample: bool, include_review: bool
) -> None:
    """把一份决定导入台账：每个识别出的任务条目一项任务，连同量化目标和地名。

    回顾过去工作的语句和导语不是任务，默认不导入（--include-review 一并导入）。识别中没有把握之处先在
    标准错误上说明。同一文本再次导入不作任何改动；修订稿按标题（或 --into）对应到原决定，并列出改动。

    示例：

        luoshi import decision.docx
    """
    if not os.path.isfile(file):
        raise _fail("找不到文件：{file}", file=file)
    _ledger(reads=False, dry_run=dry_run)
    from .document import DocumentError
    from .ledger.importing import Choices, apply_import, kind_label, plan_import, read
    from .ledger.models import Decision

    decision = None
    if into is not None:
        decision = Decision.objects.filter(pk=into).first()
        if decision is None:
            raise _fail("没有编号为 {id} 的决定。", id=into)
    try:
        text, doc = read(Path(file), year=year)
    except DocumentError as e:
        raise _fail(e.zh, e.en) from None
    plan = plan_import(text, doc, decision, choices=Choices() if include_review else None)
    for w in doc.warnings:
        _note(_("注意：{warning}").format(warning=w.message(_language())))
    c = plan.counts
    if plan.identical:
        _say("文本与已导入的决定（编号 {id}）相同，未作任何改动。", id=plan.decision.pk)
        return
    target = _("决定（编号 {id}）的修订稿").format(id=plan.decision.pk) if plan.decision else _("新决定")
    _say(
        "{target}：新增 {added} 项，修改 {changed} 项，删除 {removed} 项，未变 {unchanged} 项；"
        "{sections} 个章节，{targets} 个量化目标。",
        target=target,
        added=c["added"],
        changed=c["changed"],
        removed=c["removed"],
        unchanged=c["unchanged"],
        sections=len(doc.sections),
        targets=len(doc.targets),
    )
    if c["excluded"]:
        kinds: dict[str, int] = {}
        for change in plan.changes:
            if change.excluded and change.item is not None:
                label = kind_label(change.item.kind)
                kinds[label] = kinds.get(label, 0) + 1
        _say(
            "未导入 {n} 项（{kinds}），它们不是任务；需要时加 --include-review 一并导入。",
            n=c["excluded"],
            kinds=_("，").join(_("{kind} {n} 项").format(kind=k, n=n) for k, n in kinds.items()),
        )
    for change in plan.changes:
        if plan.decision is not None and change.kind != "unchanged" and not change.excluded:
            mark = {"added": "+", "changed": "~", "removed": "-"}[change.kind]
            click.echo(f"  {mark} {change.key} {(change.new_text or change.old_text)[:60]}")
    if dry_run:
        _say("（试运行，未写入。）")
        return
    if plan.decision is None and not plan.of("added"):
        raise _fail("未能从该文件中识别出任何任务条目，没有导入。")
    result = apply_import(plan, source_name=Path(file).name, is_sample=sample)
    _say("已导入：决定编号 {id}，{tasks} 项任务。", id=result.pk, tasks=result.tasks.count())


@cli.command(name="load-units")
@click.argument("file", type=click.Path(dir_okay=False), required=False, metavar="文件")
def load_units(file: str | None) -> None:
    """载入单位名录：内置的内蒙古名录，或一个 CSV/Excel 文件。

    列：代码、名称、简称、类别、上级代码、行政区划代码、排序（或 code、name、short、kind、parent、
    division_code、order）。单位按代码新建或更新，从不删除；有任何一行出错，整个文件不予导入。

    示例：

        luoshi load-units units.xlsx
    """
    if file is not None and not os.path.isfile(file):
        raise _fail("找不到文件：{file}", file=file)
    _ledger(reads=False)
    from django.core.exceptions import ValidationError

    from .ledger.catalogue import import_units, load_inner_mongolia, read_units_file

    try:
        result = import_units(read_units_file(file)) if file else load_inner_mongolia()
    except ValidationError as e:
        raise click.ClickException(_("；").join(e.messages)) from None
    _say("单位名录：{result}。", result=result)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听的地址。")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="端口。")
@click.option("--dev", is_flag=True, help="改用 Django 自带的开发服务器（单进程）。")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="服务进程数（默认：LUOSHI_WORKERS，否则为 CPU 核数 × 2 + 1，最多 12）。",
)
@demo_option
def serve(host: str, port: int, dev: bool, workers: int | None, demo: bool) -> None:
    """迁移数据库（多个节点依次进行），用生产服务器 gunicorn 提供网页服务。

    进程数按本机配置，静态文件由本程序提供，访问日志写到标准输出；kill -HUP 平滑重启（载入新代码），
    kill -TERM 处理完手头的请求后停止。--dev 改用 Django 的开发服务器。/healthz 和 /readyz 供探测。

    示例：

        luoshi serve --host 0.0.0.0 --port 8000
    """
    _ledger(reads=False, demo=demo)
    if dev:
        from django.core.management import call_command

        _note(_("开发服务器：http://{host}:{port}/ （按 Ctrl+C 停止）").format(host=host, port=port))
        call_command("runserver", f"{host}:{port}", use_reloader=False)
        return
    from django.conf import settings
    from django.db import connections

    from .ops.sizing import default_threads, default_workers

    if workers is not None:
        os.environ["LUOSHI_WORKERS"] = str(workers)
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    os.environ["LUOSHI_BIND"] = bind
    _note(
        _(
            "生产服务器 gunicorn：http://{bind}/，{workers} 个进程 × {threads} 个线程（kill -HUP 平滑重启，kill -TERM 停止）"
        ).format(bind=bind, workers=default_workers(), threads=default_threads())
    )
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # WhiteNoise looks there too
    connections.close_all()  # nothing of this process's is inherited by gunicorn
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        "python:luoshi.ops.gunicorn_conf",
        "luoshi.web.wsgi:application",
    ]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, argv)  # gunicorn becomes this process: systemd and signals reach it


@cli.command()
@click.option("--once", is_flag=True, help="只做一轮（到时则督查，然后发送待发通知）后退出。")
def worker(once: bool) -> None:
    """运行定时工作：每天的督查和待发通知的发送，多个节点之间绝不同时重复运行。

    每天 LUOSHI_SUPERVISE_AT（本地时间）开始督查，当天的督查缺失时立即补做；每 LUOSHI_OUTBOX_SECONDS
    秒发送一次待发通知。收到 SIGTERM 或按 Ctrl+C 时停止。

    示例：

        luoshi worker
    """
    _ledger(reads=False)
    from django.conf import settings

    from .ops.worker import Worker

    w = Worker(echo=_note)
    if once:
        w.tick()
        return
    _note(
        _("调度：每天 {at} 督查，每 {seconds} 秒发送待发通知（kill -TERM 或 Ctrl+C 停止）").format(
            at=settings.SUPERVISE_AT, seconds=settings.OUTBOX_SECONDS
        )
    )
    w.run_forever()
    _note(_("已停止。"))


@cli.command()
@click.option("--dry-run", is_flag=True, help="不写入、不发送，只显示一次运行会做什么。")
@text_or_json
@click.option("--today", default=None, help="按这一天督查（YYYY-MM-DD）；默认：今天。")
@click.option("--no-send", is_flag=True, help="生成通知，但留在发件箱里不发送。")
@demo_option
def supervise(dry_run: bool, fmt: str, today: str | None, no_send: bool, demo: bool) -> None:
    """计算状态灯，生成并发送提醒、催办、督办单和通报，检查报告，为各单位打分。

    供 cron 或 systemd 定时运行：可重复运行、可并发运行，不会重复发送。
    正式运行之后会重新计算驾驶舱的数据（luoshi dashboard refresh）。

    示例：

        luoshi supervise --dry-run --format json
    """
    _day(today)
    _ledger(reads=True, demo=demo)
    from django.core.management import call_command
    from django.core.management.base import CommandError

    args = ["--format", fmt]
    if dry_run:
        args.append("--dry-run")
    if today:
        args += ["--today", today]
    if no_send:
        args.append("--no-send")
    try:
        call_command("supervise", *args)
    except CommandError as e:
        raise click.ClickException(str(e)) from None


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="写入的备份文件（默认：当前目录下的 luoshi-backup-年月日-时分.tar）。",
)
def backup(output: str | None) -> None:
    """在系统运行时把整个台账写进一个备份文件：每张表、每个存储的文件，以及带校验和的清单。

    示例：

        luoshi backup -o /var/backups/luoshi/luoshi.tar
    """
    _ledger(reads=True)
    from django.utils import timezone

    from .ops.backup import backup as run
    from .ops.transfer import TransferError

    out = Path(output or f"luoshi-backup-{timezone.localtime():%Y%m%d-%H%M}.tar")
    try:
        run(out, log=click.echo)
    except TransferError as e:
        raise _fail(e.zh, e.en) from None
    _say("已写入备份：{file}（{size:.1f} MB）", file=out, size=out.stat().st_size / 1024 / 1024)


@cli.command()
@click.argument("archive", type=click.Path(dir_okay=False), metavar="备份文件")
def restore(archive: str) -> None:
    """从备份重建一个实例：写入空的数据库（LUOSHI_DATABASE_URL）和所配置的文件存储。
    写入之前逐一核对备份中的每个成员，写入之后逐表核对行数和校验和。

    示例：

        luoshi restore luoshi-backup-20261203-0230.tar
    """
    if not os.path.isfile(archive):
        raise _fail("找不到文件：{file}", file=archive)
    _ledger(reads=False)
    from .ops.backup import restore as run
    from .ops.transfer import TransferError

    try:
        done = run(Path(archive), log=click.echo)
    except TransferError as e:
        raise _fail(e.zh, e.en) from None
    _say(
        "已恢复：{tables} 张表，{rows} 行，{files} 个文件；行数与校验和均与备份一致。",
        tables=len(done.tables),
        rows=f"{sum(t.rows for t in done.tables.values()):,}",
        files=done.files,
    )


@cli.command(name="migrate-data")
@click.option("--to", "to", required=True, help="要复制到的空数据库：postgresql://用户:密码@主机/库名。")
def migrate_data(to: str) -> None:
    """把正在使用的台账（含佐证材料记录和留痕）复制到另一个空数据库，并核对：
    每张表的行数和校验和，以及存储中每个文件的摘要。

    示例：

        luoshi migrate-data --to postgresql://luoshi:secret@127.0.0.1:5432/luoshi
    """
    _ledger(reads=True)
    from django.db import connections

    from . import cli_database
    from .ops.backup import migrate_data as run
    from .ops.transfer import TransferError, add_database
    from .web.env import SettingError, database_from_url

    try:
        target = add_database("luoshi-target", database_from_url(to, name="--to"))
        connections[target].ensure_connection()
    except SettingError as e:
        raise _fail("目标数据库地址有误：{error}", error=e) from None
    except Exception as e:
        raise _fail("无法连接目标数据库：{error}", error=e) from None
    _note(_("目标数据库：{label}").format(label=cli_database.label(connections[target].settings_dict)))
    try:
        done = run(target, log=click.echo)
    except TransferError as e:
        raise _fail(e.zh, e.en) from None
    _say(
        "已复制并核对：{tables} 张表，{rows} 行，行数与校验和一致。",
        tables=len(done.tables),
        rows=f"{sum(t.rows for t in done.tables.values()):,}",
    )
    if done.missing or done.altered:
        _say("存储中的文件：{n} 个。", n=done.files)
    else:
        _say("存储中的文件：{n} 个，均与上传时的校验和一致。", n=done.files)
    for name in done.missing:
        _note(_("注意：文件缺失：{name}").format(name=name))
    for name in done.altered:
        _note(_("注意：文件与上传时的校验和不符：{name}").format(name=name))
    _say("下一步：把 LUOSHI_DATABASE_URL 设为目标数据库，再启动 luoshi serve。")


@cli.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []}
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED, metavar="参数")
def manage(args: tuple[str, ...]) -> None:
    """运行 Django 的管理命令（createsuperuser、migrate、makemigrations --check ……）。

    示例：

        luoshi manage createsuperuser
    """
    from . import cli_database

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
    try:
        choice = cli_database.choose(reads=False)
        _note(_("数据库：{label}").format(label=choice.label))
    except cli_database.NoDatabase as e:
        raise click.ClickException(str(e)) from None
    try:
        import django

        django.setup()
    except Exception as e:  # a bad setting: say which, without a traceback
        raise _fail("配置有误：{error}", error=e) from None
    from django.core.management import execute_from_command_line

    execute_from_command_line(["luoshi manage", *args])


@cli.command()
@click.option("--no-serve", is_flag=True, help="完成其余一切，但不启动网页服务。")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="端口。")
def demo(no_serve: bool, port: int) -> None:
    """新建演示数据库（决定、单位、分工、演示报告）并启动网页服务。

    数据库是 LUOSHI_HOME/demo.sqlite3，每次重建；你自己的数据库不受影响。

    示例：

        luoshi demo --no-serve
    """
    from . import cli_database

    home = cli_database.home()
    home.mkdir(parents=True, exist_ok=True)
    db = home / cli_database.DEMO_NAME
    for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        leftover.unlink(missing_ok=True)
    os.environ["LUOSHI_DATABASE_URL"] = f"sqlite:///{db}"
    _django()
    from .progress.demo import build

    source = _shared_decision()
    if source is not None:
        _say("载入决定：{source}", source=source)
        result = build(source, is_sample=False)
    else:
        from .samples import SAMPLE_DECISION

        _say("载入决定：示例决定（团队自拟的样例文本，并非真实文件）")
        result = build(SAMPLE_DECISION, is_sample=True)
    decision = result["decision"]
    _say(
        "决定“{title}”：{tasks} 项任务，{targets} 个量化目标；单位名录{units}；已确认 {assigned} 项分工；"
        "演示报告 {reports} 份（均标为演示数据）。",
        title=decision.title,
        tasks=decision.tasks.count(),
        targets=decision.targets.count(),
        units=result["units"],
        assigned=result["assigned"],
        reports=result["reports"],
    )
    sup = result.get("supervision")
    if sup:
        _say(
            "督查：红灯任务 {red} 项，督办单 {orders} 份，通报 {circulars} 份，考核得分 {scores} 条。",
            red=sup["red"],
            orders=sup["orders"],
            circulars=sup["circulars"],
            scores=sup["scores"],
        )
    if result.get("indicators"):
        _say(
            "指标：内置内蒙古数据，{indicators}；评估见 /indicators/ 或 luoshi indicators assess。",
            indicators=result["indicators"],
        )
    if result["catalogue_note"]:
        _say("注意：{note}", note=result["catalogue_note"])
    story = result.get("story")
    if story is not None:
        from .web.display import day

        _say(
            "演示的时间线：{start}启用本系统、确认分工，各单位按季度报送至{period}；今天是{today}。",
            start=day(story.go_live),
            period=story.periods[-1].label,
            today=day(story.today),
        )
    click.echo("")
    _say("数据库：{db}", db=db)
    _say("演示账号（密码均为 {password}），登录后先试：", password=result["accounts"][0].password)
    for acc in result["accounts"]:
        unit = f"（{acc.unit.name}）" if acc.unit else ""
        click.echo(f"  {acc.username:<12} {acc.role.label}{unit} {acc.name}")
        for hint in acc.todo:
            click.echo(f"               · {hint}")
    if no_serve:
        return
    from django.core.management import call_command

    click.echo("")
    _say("打开 http://127.0.0.1:{port}/ （按 Ctrl+C 停止）", port=port)
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)


@cli.command()
@click.argument("kinds", nargs=-1, metavar="类别")
@demo_option
def reindex(kinds: tuple[str, ...], demo: bool) -> None:
    """从记录重建全文检索索引（任务、报告、通知……）。

    保存记录时索引会随之更新；批量载入数据之后，或要刷新标题（单位改名）时重建。
    给出类别（task、report）则只重建这些。

    示例：

        luoshi reindex
    """
    _ledger(reads=True, demo=demo)
    from django.core.management import call_command

    call_command("reindex", *kinds)


@cli.group()
def dashboard() -> None:
    """领导驾驶舱：预先计算的数据。

    示例：

        luoshi dashboard refresh
    """


@dashboard.command(name="refresh")
@click.option("--today", default=None, help="按这一天计算（YYYY-MM-DD）；默认：今天。")
@text_or_json
@demo_option
def dashboard_refresh(today: str | None, fmt: str, demo: bool) -> None:
    """为整个台账重新计算驾驶舱的数据（luoshi supervise 正式运行后也会这样做）。

    页面在台账较小时会自己重新计算。

    示例：

        luoshi dashboard refresh
    """
    _day(today)
    _ledger(reads=True, demo=demo)
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command("refresh_dashboard", "--format", fmt, *(["--today", today] if today else []))
    except CommandError as e:
        raise click.ClickException(str(e)) from None


@cli.group()
def indicators() -> None:
    """指标：实测数据，以及每个量化目标能否实现的把握。

    示例：

        luoshi indicators assess --format table
    """


@indicators.command(name="assess")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="输出格式。",
)
@click.option("--decision", "decision_id", type=int, default=None, help="只评估这个决定的量化目标。")
@click.option("--today", default=None, help="按这一天评估（YYYY-MM-DD）；默认：今天。")
@click.option("--bundled", is_flag=True, help="评估内置的内蒙古数据；不需要数据库。")
@click.option(
    "--method",
    "methodology",
    type=click.Choice(["luoshi", "open_sdg"]),
    default=None,
    help="本次改用的评估方法（默认：督查室为各决定或目标设置的方法，未设置时为落实方法）。",
)
@click.option(
    "--base-year",
    type=click.IntRange(1900, 2100),
    default=None,
    help="本次使用的基年，此前的数据不参与计算（默认：督查室的设置，未设置时为数据的第一年）。",
)
@demo_option
def indicators_assess(
    fmt: str,
    decision_id: int | None,
    today: str | None,
    bundled: bool,
    methodology: str | None,
    base_year: int | None,
    demo: bool,
) -> None:
    """输出每个量化目标的进度、实现把握和解释它的一句话。

    与网页上的总览（/indicators/）是同一个评估：实测数据对照目标，结合目标相关任务的进展；
    督查室调整过的以 * 标出。--method open_sdg 按 Open SDG 的方法评估（所需增速从基年起算），
    不改变督查室的设置。

    示例：

        luoshi indicators assess --format json --decision 1 --method open_sdg --base-year 2015
    """
    import json

    day = _day(today)
    en = english()
    if bundled:
        from .indicators import assess_bundled

        deliveries = assess_bundled(
            today=day or _today(),
            methodology="open_sdg" if methodology == "open_sdg" else "luoshi",
            base_year=base_year,
        )
        if fmt == "json":
            click.echo(json.dumps(_bundled_json(deliveries, day or _today()), ensure_ascii=False, indent=2))
            return
        from .indicators.tables import confidence_short, text_table

        click.echo(
            text_table(
                ["indicator", "status", "confidence"] if en else ["指标", "进度", "信心"],
                [
                    [
                        d.assessment.indicator,
                        d.label_en if en else d.label_zh,
                        confidence_short(d.confidence, english=en),
                    ]
                    for d in deliveries
                ],
                [d.sentence_en if en else d.sentence_zh for d in deliveries],
            )
        )
        return
    _ledger(reads=True, demo=demo)
    from django.utils import timezone

    from .indicators.assessing import assess_targets, table_of
    from .ledger.models import Decision, Target

    targets = Target.objects.filter(withdrawn=False).order_by("decision_id", "id")
    if decision_id is not None:
        if not Decision.objects.filter(pk=decision_id).exists():
            raise _fail("没有编号为 {id} 的决定。", id=decision_id)
        targets = targets.filter(decision_id=decision_id)
    how: Methodology | None = None
    if methodology is not None:
        how = "open_sdg" if methodology == "open_sdg" else "luoshi"
    results = assess_targets(targets, today=day, methodology=how, base_year=base_year)
    if fmt == "json":
        from .indicators.assessing import open_sdg_summary, summary_dict

        data = {
            "schema_version": 1,
            "today": (day or timezone.localdate()).isoformat(),
            "method": methodology,
            "base_year": base_year,
            "open_sdg_summary": summary_dict(open_sdg_summary(results)),
            "targets": [r.as_dict() for r in results],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not results:
        _say("数据库中没有量化目标。先导入决定（luoshi import），或用 --bundled 评估内置数据。")
        return
    click.echo(table_of(results))


def _bundled_json(deliveries: list[Any], day: dt.date) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "today": day.isoformat(),
        "source": "bundled",
        "targets": [
            {
                "indicator": d.assessment.indicator,
                "status": d.status.value,
                "status_zh": d.label_zh,
                "status_en": d.label_en,
                "confidence": d.confidence.value,
                "ratio": d.ratio if d.ratio is None or abs(d.ratio) != float("inf") else None,
                "methodology": d.assessment.methodology,
                "score": d.assessment.score,
                "explanation_zh": d.assessment.explanation_zh,
                "explanation_en": d.assessment.explanation_en,
                "sentence_zh": d.sentence_zh,
                "sentence_en": d.sentence_en,
            }
            for d in deliveries
        ],
    }


@indicators.command(name="load")
def indicators_load() -> None:
    """载入内置的内蒙古指标数据（连同来源、口径断点和说明），以及把它们对应到决定中量化目标的别名。
    再次载入只补充缺少的部分。

    示例：

        luoshi indicators load
    """
    _ledger(reads=False)
    from .indicators.importing import load_bundled

    _say("内置指标数据：{result}。", result=load_bundled())


@indicators.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False), metavar="文件")
def indicators_import(file: str) -> None:
    """从 CSV 或 Excel 文件导入实测数据（内置 CSV 的列，或 指标、年份、数值、单位、时点、来源、
    来源链接、原文、备注）。先逐行检查；有任何一行出错，整个文件不予导入，并按行号列出每个错误。

    示例：

        luoshi indicators import values.xlsx
    """
    if not os.path.isfile(file):
        raise _fail("找不到文件：{file}", file=file)
    _ledger(reads=False)
    from django.core.exceptions import ValidationError

    from .indicators.importing import import_observations, read_rows

    try:
        result = import_observations(read_rows(Path(file)), by=None)
    except ValidationError as e:
        raise click.ClickException(_("；").join(e.messages)) from None
    if not result.ok:
        for error in result.errors:
            click.echo(str(error), err=True)
        raise _fail("有 {n} 行出错，未导入任何数据。", n=len(result.errors))
    _say(
        "已导入 {created} 条数据；{skipped} 条与已有数据相同，未重复导入。",
        created=result.created,
        skipped=result.skipped,
    )


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "pdf"]),
    default="docx",
    show_default=True,
    help="docx：GB/T 9704 版式的 Word；pdf：装有 LibreOffice 时用它转换，否则用 reportlab。",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="写入的文件。")
@click.option("--decision", "decision_id", type=int, default=None, help="哪个决定（默认：最新的）。")
@click.option("--period", default=None, help="2026Q3 或 2026M09（默认：最近报送的一期）。")
@click.option("--title", default="", help="标题（默认：督查室改过的，否则自动生成）。")
@click.option("--addressee", default="", help="主送机关（默认：决定中写明的）。")
@click.option("--issuer", default="", help="发文机关署名（默认：督查室的名称）。")
@click.option("--date", "day", default=None, help="成文日期，YYYY-MM-DD（默认：今天）。")
@demo_option
def report(
    fmt: str,
    output: str | None,
    decision_id: int | None,
    period: str | None,
    title: str,
    addressee: str,
    issuer: str,
    day: str | None,
    demo: bool,
) -> None:
    """把向党委报送的学习宣传贯彻情况报告写成 Word 或 PDF。

    总体进展、决定各部分的进展、量化目标及其实现把握，以及督查室在网页上修改过的“存在的问题”
    “下一步工作”（未修改的按数据生成）。

    示例：

        luoshi report --format pdf -o 情况报告.pdf
    """
    date = _day(day)
    _ledger(reads=True, demo=demo)
    from .exchange import report as reports
    from .ledger.models import Decision

    if decision_id is not None:
        decision = Decision.objects.filter(pk=decision_id).first()
        if decision is None:
            raise _fail("没有编号为 {id} 的决定。", id=decision_id)
    else:
        decision = Decision.objects.order_by("-created_at", "-id").first()
        if decision is None:
            raise _fail("数据库中没有决定：先导入决定（luoshi import），演示数据库请加 --demo。")
    try:
        result = reports.build(decision, period, title=title, addressee=addressee, issuer=issuer, date=date)
    except ValueError as e:
        raise click.ClickException(str(e)) from None
    out = Path(output) if output else Path(result.filename(fmt))
    if fmt == "pdf":
        from .exchange.pdf import to_pdf

        pdf = to_pdf(result.text())
        for warning in pdf.warnings:
            click.echo(warning, err=True)
        if pdf.faces:
            click.echo(pdf.faces, err=True)
        out.write_bytes(pdf.data)
        how = _("PDF，{engine}").format(engine=pdf.engine)
        if pdf.font:
            how += _("，字体 {font}").format(font=pdf.font)
    else:
        out.write_bytes(reports.to_docx(result))
        how = "Word"
    _say("已写入 {out}（{how}）：{title}", out=out, how=how, title=result.title)


def main() -> None:
    cli(prog_name="luoshi")


if __name__ == "__main__":
    main()
