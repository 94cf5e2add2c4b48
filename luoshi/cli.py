"""The ``luoshi`` command: a thin click group over the library.

Keep this module's imports light: ``luoshi extract`` must start fast, so Django and the heavy
libraries are imported inside the commands that need them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__

SHARED_DECISION = Path("..") / "shared" / "corpus" / "im-decision-2022.txt"


def _language() -> str:
    """The CLI's language: LUOSHI_LANGUAGE, else zh-hans (the default interface language)."""
    return os.environ.get("LUOSHI_LANGUAGE", "zh-hans")


def _fail(zh: str, en: str) -> click.ClickException:
    return click.ClickException(zh if _language().startswith("zh") else en)


text_or_json = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format: text for people, json for other programs.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="luoshi")
def cli() -> None:
    """luoshi (落实): turn a policy decision into a checklist, and see it carried out."""


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md", "xlsx"]),
    default="json",
    show_default=True,
    help="json is the stable contract; md a readable checklist; xlsx a 任务清单 workbook.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Where to write (default: standard output; xlsx needs a file name or a pipe).",
)
@click.option("--year", type=int, default=None, help="The document's own year, for 今年/明年.")
def extract(file: str, fmt: str, output: str, year: int | None) -> None:
    """Read a decision (txt, docx, pdf, html, or - for standard input) and print its checklist.

    Example:

        luoshi extract decision.txt --format md
    """
    from .document import DocumentError
    from .document import extract as run

    try:
        if file == "-":
            doc = run(sys.stdin.buffer, name="-", year=year)
        else:
            if not os.path.isfile(file):
                raise _fail(f"找不到文件：{file}", f"No such file: {file}")
            doc = run(Path(file), year=year)
    except DocumentError as e:
        raise _fail(e.zh, e.en) from None
    if "no_structure" in doc.warnings:
        raise _fail(
            "未能识别出任何结构：没有标题层次，也没有中文任务语句。请确认这是一份决定、意见或工作报告。",
            "No recognisable structure: no headings and no Chinese task sentences. "
            "Is this a decision, an opinion or a work report?",
        )
    _write(doc, fmt, output)


def _write(doc: Any, fmt: str, output: str) -> None:
    if fmt == "xlsx":
        if output == "-":
            if sys.stdout.isatty():
                raise _fail("Excel 输出请用 -o 指定文件名。", "Give a file name with -o for Excel output.")
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
    except Exception as e:  # a bad setting: say which, without a traceback
        raise _fail(f"配置有误：{e}", f"Bad configuration: {e}") from None
    Path(settings.HOME).mkdir(parents=True, exist_ok=True)
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def _shared_decision() -> Path | None:
    for candidate in (
        SHARED_DECISION,
        Path(__file__).resolve().parents[2] / "shared" / "corpus" / SHARED_DECISION.name,
    ):
        if candidate.is_file():
            return candidate
    return None


@cli.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--into", "into", type=int, default=None, help="The id of the decision this text revises.")
@click.option("--year", type=int, default=None, help="The document's own year, for 今年/明年.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--sample", is_flag=True, help="Mark the decision as a sample text (not a real document).")
def import_(file: str, into: int | None, year: int | None, dry_run: bool, sample: bool) -> None:
    """Import a decision into the ledger: one task per extracted item, with targets and places.

    The same text imported again changes nothing; a revised text is matched to its decision (by
    title, or --into) and the changes are listed.

    Example:

        luoshi import decision.docx
    """
    if not os.path.isfile(file):
        raise _fail(f"找不到文件：{file}", f"No such file: {file}")
    _django()
    from .document import DocumentError
    from .ledger.importing import apply_import, plan_import, read
    from .ledger.models import Decision

    decision = None
    if into is not None:
        decision = Decision.objects.filter(pk=into).first()
        if decision is None:
            raise _fail(f"没有编号为 {into} 的决定。", f"No decision with id {into}.")
    try:
        text, doc = read(Path(file), year=year)
    except DocumentError as e:
        raise _fail(e.zh, e.en) from None
    plan = plan_import(text, doc, decision)
    c = plan.counts
    if plan.identical:
        click.echo(f"文本与已导入的决定（编号 {plan.decision.pk}）相同，未作任何改动。")
        return
    target = f"决定（编号 {plan.decision.pk}）的修订稿" if plan.decision else "新决定"
    click.echo(
        f"{target}：新增 {c['added']} 项，修改 {c['changed']} 项，删除 {c['removed']} 项，未变 {c['unchanged']} 项；"
        f"{len(doc.sections)} 个章节，{len(doc.targets)} 个量化目标。"
    )
    for change in plan.changes:
        if plan.decision is not None and change.kind != "unchanged":
            mark = {"added": "+", "changed": "~", "removed": "-"}[change.kind]
            click.echo(f"  {mark} {change.key} {(change.new_text or change.old_text)[:60]}")
    if dry_run:
        click.echo("（试运行，未写入。）")
        return
    if not doc.items and plan.decision is None:
        raise _fail(
            "未能从该文件中识别出任何任务条目，没有导入。",
            "No task items found in this file; nothing imported.",
        )
    result = apply_import(plan, source_name=Path(file).name, is_sample=sample)
    click.echo(f"已导入：决定编号 {result.pk}，{result.tasks.count()} 项任务。")


@cli.command(name="load-units")
@click.argument("file", type=click.Path(dir_okay=False), required=False)
def load_units(file: str | None) -> None:
    """Load the unit catalogue: the bundled Inner Mongolia one, or a CSV/Excel file.

    Columns: 代码, 名称, 简称, 类别, 上级代码, 行政区划代码, 排序 (or code, name, short, kind, parent,
    division_code, order). Units are created or updated by code, never deleted; a file with any bad row
    is refused whole.

    Example:

        luoshi load-units units.xlsx
    """
    if file is not None and not os.path.isfile(file):
        raise _fail(f"找不到文件：{file}", f"No such file: {file}")
    _django()
    from django.core.exceptions import ValidationError

    from .ledger.catalogue import import_units, load_inner_mongolia, read_units_file

    try:
        result = import_units(read_units_file(file)) if file else load_inner_mongolia()
    except ValidationError as e:
        raise _fail("；".join(e.messages), "; ".join(e.messages)) from None
    click.echo(f"单位名录：{result}。")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(host: str, port: int) -> None:
    """Migrate the database and serve the web app (Django's server; see docs/configuration.md for production).

    Example:

        luoshi serve --port 8000
    """
    _django()
    from django.core.management import call_command

    call_command("runserver", f"{host}:{port}", use_reloader=False)


@cli.command()
@click.option("--dry-run", is_flag=True, help="Write nothing and send nothing; show what a run would do.")
@text_or_json
@click.option("--today", default=None, help="Supervise as of this day (YYYY-MM-DD); default: today.")
@click.option("--no-send", is_flag=True, help="Create the notices but leave them in the outbox.")
def supervise(dry_run: bool, fmt: str, today: str | None, no_send: bool) -> None:
    """Compute the lights, create and send reminders, 催办, 督办单 and 通报, check reports, score units.

    For cron or a systemd timer: idempotent and safe to run concurrently; nothing is sent twice.
    A real run then recomputes the dashboard's figures (luoshi dashboard refresh).

    Example:

        luoshi supervise --dry-run --format json
    """
    _django()
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
        raise _fail(str(e), str(e)) from None


@cli.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []}
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command (createsuperuser, migrate, makemigrations --check …).

    Example:

        luoshi manage createsuperuser
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["luoshi manage", *args])


@cli.command()
@click.option("--no-serve", is_flag=True, help="Do everything except serving.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def demo(no_serve: bool, port: int) -> None:
    """Build a fresh demo database (decision, units, assignments, sample reports) and serve it.

    The database is LUOSHI_HOME/demo.sqlite3, recreated each time; your own database is not touched.

    Example:

        luoshi demo --no-serve
    """
    home = Path(os.environ.get("LUOSHI_HOME") or "./var").expanduser().resolve()
    home.mkdir(parents=True, exist_ok=True)
    db = home / "demo.sqlite3"
    for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        leftover.unlink(missing_ok=True)
    os.environ["LUOSHI_DATABASE_URL"] = f"sqlite:///{db}"
    _django()
    from .progress.demo import build

    source = _shared_decision()
    if source is not None:
        click.echo(f"载入决定：{source}")
        result = build(source, is_sample=False)
    else:
        from .samples import SAMPLE_DECISION

        click.echo("载入决定：示例决定（团队自拟的样例文本，并非真实文件）")
        result = build(SAMPLE_DECISION, is_sample=True)
    decision = result["decision"]
    click.echo(
        f"决定“{decision.title}”：{decision.tasks.count()} 项任务，{decision.targets.count()} 个量化目标；"
        f"单位名录{result['units']}；已确认 {result['assigned']} 项分工；演示报告 {result['reports']} 份（均标为演示数据）。"
    )
    sup = result.get("supervision")
    if sup:
        click.echo(
            f"督查：红灯任务 {sup['red']} 项，督办单 {sup['orders']} 份，通报 {sup['circulars']} 份，考核得分 {sup['scores']} 条。"
        )
    if result.get("indicators"):
        click.echo(
            f"指标：内置内蒙古数据，{result['indicators']}；评估见 /indicators/ 或 luoshi indicators assess。"
        )
    if result["catalogue_note"]:
        click.echo(f"注意：{result['catalogue_note']}")
    click.echo(f"\n数据库：{db}\n演示账号（密码均为 {result['accounts'][0].password}）：")
    for acc in result["accounts"]:
        unit = f"（{acc.unit.name}）" if acc.unit else ""
        click.echo(f"  {acc.username:<12} {acc.role.label}{unit} {acc.name}")
    if no_serve:
        return
    from django.core.management import call_command

    click.echo(f"\n打开 http://127.0.0.1:{port}/ （按 Ctrl+C 停止）")
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)


@cli.command()
@click.argument("kinds", nargs=-1)
def reindex(kinds: tuple[str, ...]) -> None:
    """Rebuild the full-text search index (tasks, reports, notices …) from the records.

    Saving a record keeps its entry up to date; rebuild after loading data in bulk, or to refresh
    titles (a renamed unit). Give kinds (task, report) to rebuild only those.

    Example:

        luoshi reindex
    """
    _django()
    from django.core.management import call_command

    call_command("reindex", *kinds)


@cli.group()
def dashboard() -> None:
    """The leaders' dashboard (领导驾驶舱): its precomputed figures.

    Example:

        luoshi dashboard refresh
    """


@dashboard.command(name="refresh")
@click.option("--today", default=None, help="Compute as of this day (YYYY-MM-DD); default: today.")
@text_or_json
def dashboard_refresh(today: str | None, fmt: str) -> None:
    """Recompute the dashboard's figures for the whole ledger (a real luoshi supervise run does it too).

    luoshi supervise does it after every real run; the page recomputes small ledgers by itself.

    Example:

        luoshi dashboard refresh
    """
    _django()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command("refresh_dashboard", "--format", fmt, *(["--today", today] if today else []))
    except CommandError as e:
        raise _fail(str(e), str(e)) from None


@cli.group()
def indicators() -> None:
    """Indicators: measured series, and how confident the office can be that each target is met.

    Example:

        luoshi indicators assess --format table
    """


@indicators.command(name="assess")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option("--decision", "decision_id", type=int, default=None, help="Only the targets of this decision.")
@click.option("--today", default=None, help="Assess as of this day (YYYY-MM-DD); default: today.")
@click.option("--bundled", is_flag=True, help="Assess the bundled Inner Mongolia series; needs no database.")
def indicators_assess(fmt: str, decision_id: int | None, today: str | None, bundled: bool) -> None:
    """Print each target's status, delivery confidence and the sentence that explains it.

    The same assessment as the web overview (/indicators/): measured series against the targets,
    combined with the progress of the targets' tasks; an override by the office is marked with *.

    Example:

        luoshi indicators assess --format json --decision 1
    """
    import datetime as dt
    import json

    day = None
    if today:
        try:
            day = dt.date.fromisoformat(today)
        except ValueError:
            raise _fail(f"日期格式应为 YYYY-MM-DD：{today}", f"Dates are YYYY-MM-DD: {today}") from None
    en = not _language().startswith("zh")
    if bundled:
        from .indicators import assess_bundled

        deliveries = assess_bundled(today=day)
        if fmt == "json":
            click.echo(json.dumps(_bundled_json(deliveries, day), ensure_ascii=False, indent=2))
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
    _django()
    from django.utils import translation

    from .indicators.assessing import assess_targets, table_of
    from .ledger.models import Decision, Target

    translation.activate("en" if en else "zh-hans")
    targets = Target.objects.filter(withdrawn=False).order_by("decision_id", "id")
    if decision_id is not None:
        if not Decision.objects.filter(pk=decision_id).exists():
            raise _fail(f"没有编号为 {decision_id} 的决定。", f"No decision with id {decision_id}.")
        targets = targets.filter(decision_id=decision_id)
    results = assess_targets(targets, today=day)
    if fmt == "json":
        data = {
            "schema_version": 1,
            "today": (day or dt.date.today()).isoformat(),
            "targets": [r.as_dict() for r in results],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not results:
        click.echo(
            "数据库中没有量化目标。先导入决定（luoshi import），或用 --bundled 评估内置数据。"
            if not en
            else "No targets in the database. Import a decision first (luoshi import), or use --bundled."
        )
        return
    click.echo(table_of(results))


def _bundled_json(deliveries: list[Any], day: Any) -> dict[str, Any]:
    import datetime as dt

    return {
        "schema_version": 1,
        "today": (day or dt.date.today()).isoformat(),
        "source": "bundled",
        "targets": [
            {
                "indicator": d.assessment.indicator,
                "status": d.status.value,
                "status_zh": d.label_zh,
                "status_en": d.label_en,
                "confidence": d.confidence.value,
                "ratio": d.ratio if d.ratio is None or abs(d.ratio) != float("inf") else None,
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
    """Load the bundled Inner Mongolia series (with their sources, breaks and caveats) and the aliases
    that match them to the decision's targets. Loading again adds only what is missing.

    Example:

        luoshi indicators load
    """
    _django()
    from .indicators.importing import load_bundled

    click.echo(f"内置指标数据：{load_bundled()}。")


@indicators.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False))
def indicators_import(file: str) -> None:
    """Import measured values from a CSV or Excel file (the bundled CSV's columns, or 指标, 年份, 数值,
    单位, 时点, 来源, 来源链接, 原文, 备注). Every row is checked first; a file with a bad row is refused
    whole and each error is printed with its row number.

    Example:

        luoshi indicators import values.xlsx
    """
    if not os.path.isfile(file):
        raise _fail(f"找不到文件：{file}", f"No such file: {file}")
    _django()
    from django.core.exceptions import ValidationError

    from .indicators.importing import import_observations, read_rows

    try:
        result = import_observations(read_rows(Path(file)), by=None)
    except ValidationError as e:
        raise _fail("；".join(e.messages), "; ".join(e.messages)) from None
    if not result.ok:
        for error in result.errors:
            click.echo(str(error), err=True)
        raise _fail(
            f"有 {len(result.errors)} 行出错，未导入任何数据。",
            f"{len(result.errors)} rows have errors; nothing was imported.",
        )
    click.echo(f"已导入 {result.created} 条数据；{result.skipped} 条与已有数据相同，未重复导入。")


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "pdf"]),
    default="docx",
    show_default=True,
    help="docx: Word in GB/T 9704 layout; pdf: through LibreOffice when installed, else reportlab.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="The file to write.")
@click.option("--decision", "decision_id", type=int, default=None, help="The decision (default: the latest).")
@click.option("--period", default=None, help="2026Q3 or 2026M09 (default: the latest reported).")
@click.option("--title", default="", help="The title (default: the office's, else generated).")
@click.option("--addressee", default="", help="主送机关 (default: the one the decision names).")
@click.option("--issuer", default="", help="发文机关署名 (default: the supervision office's name).")
@click.option("--date", "day", default=None, help="成文日期, YYYY-MM-DD (default: today).")
@click.option("--demo", is_flag=True, help="Use the demo database that `luoshi demo` built.")
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
    """Write the implementation report to the committee (学习宣传贯彻情况报告) as Word or PDF.

    An overview, progress per part of the decision, the targets with their delivery confidence, and
    the sections 存在的问题 and 下一步工作 as the office edited them on the web (else generated).

    Example:

        luoshi report --format pdf -o 情况报告.pdf
    """
    import datetime as dt

    date = None
    if day:
        try:
            date = dt.date.fromisoformat(day)
        except ValueError:
            raise _fail(f"日期格式应为 YYYY-MM-DD：{day}", f"Dates are YYYY-MM-DD: {day}") from None
    home = Path(os.environ.get("LUOSHI_HOME") or "./var").expanduser().resolve()
    demo_db = home / "demo.sqlite3"
    if demo:
        if not demo_db.is_file():
            raise _fail("没有演示数据库：先运行 luoshi demo。", "No demo database: run luoshi demo first.")
        os.environ["LUOSHI_DATABASE_URL"] = f"sqlite:///{demo_db}"
    elif (
        not os.environ.get("LUOSHI_DATABASE_URL")
        and not (home / "luoshi.sqlite3").exists()
        and demo_db.is_file()
    ):
        # no database of one's own yet, only the demo's: report on it, and say so
        click.echo(f"使用演示数据库：{demo_db}", err=True)
        os.environ["LUOSHI_DATABASE_URL"] = f"sqlite:///{demo_db}"
    _django()
    from django.utils import translation

    from .exchange import report as reports
    from .ledger.models import Decision

    translation.activate("zh-hans" if _language().startswith("zh") else "en")
    if decision_id is not None:
        decision = Decision.objects.filter(pk=decision_id).first()
        if decision is None:
            raise _fail(f"没有编号为 {decision_id} 的决定。", f"No decision with id {decision_id}.")
    else:
        decision = Decision.objects.order_by("-created_at", "-id").first()
        if decision is None:
            raise _fail(
                "数据库中没有决定：先导入决定（luoshi import），演示数据库请加 --demo。",
                "No decision in the database: import one first (luoshi import); for the demo add --demo.",
            )
    try:
        result = reports.build(decision, period, title=title, addressee=addressee, issuer=issuer, date=date)
    except ValueError as e:
        raise _fail(str(e), str(e)) from None
    out = Path(output) if output else Path(result.filename(fmt))
    if fmt == "pdf":
        from .exchange.pdf import to_pdf

        pdf = to_pdf(result.text())
        for warning in pdf.warnings:
            click.echo(warning, err=True)
        out.write_bytes(pdf.data)
        how = f"PDF，{pdf.engine}" + (f"，字体 {pdf.font}" if pdf.font else "")
    else:
        out.write_bytes(reports.to_docx(result))
        how = "Word"
    click.echo(f"已写入 {out}（{how}）：{result.title}")


def main() -> None:
    cli(prog_name="luoshi")


if __name__ == "__main__":
    main()
