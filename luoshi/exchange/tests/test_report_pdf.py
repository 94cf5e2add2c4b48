"""The report as PDF: through LibreOffice when it is installed (here a stand-in command that behaves
like ``soffice --convert-to pdf``, or fails, or hangs), else drawn by reportlab with a CJK TrueType
font found on the machine, else with the built-in STSong-Light. Whichever path runs, the PDF's text
layer holds the report's Chinese text."""

from __future__ import annotations

import io
import stat
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pypdf import PdfReader

from luoshi.exchange import pdf, report
from luoshi.exchange.officialdoc import Block, OfficialText

pytestmark = pytest.mark.django_db

FAKE_SOFFICE = f"""#!{sys.executable}
# Behaves like `soffice --headless --convert-to pdf --outdir DIR FILE` (FAKE_SOFFICE_MODE: ok, fail, hang).
import os, sys, time
from pathlib import Path
args = sys.argv[1:]
Path(os.environ["FAKE_SOFFICE_LOG"]).write_text("\\n".join(args), encoding="utf-8")
mode = os.environ.get("FAKE_SOFFICE_MODE", "ok")
if mode == "hang":
    time.sleep(60)
if mode == "fail":
    print("Error: source file could not be loaded", file=sys.stderr)
    sys.exit(1)
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
src = Path(args[-1])
out = Path(args[args.index("--outdir") + 1]) / (src.stem + ".pdf")
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
c = canvas.Canvas(str(out))
c.setFont("STSong-Light", 12)
c.drawString(72, 720, "由办公套件转换的报告")
c.save()
"""


def text_of(data: bytes) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def paper(world: SimpleNamespace) -> OfficialText:
    return report.build(world.decision).text()


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: Any) -> Path:
    exe = tmp_path / "soffice"
    exe.write_text(FAKE_SOFFICE, encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "args.txt"
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
    monkeypatch.setattr(pdf, "soffice", lambda: str(exe))
    return log


def test_the_pdf_holds_the_reports_chinese_text_whichever_path_runs_here(paper: OfficialText) -> None:
    result = pdf.to_pdf(paper)
    assert result.data.startswith(b"%PDF")
    assert result.engine == ("libreoffice" if pdf.soffice() else "reportlab")
    text = text_of(result.data)
    for words in (
        "学习宣传贯彻",
        "一、总体进展",
        "存在的问题",
        "下一步工作",
        "到2035年全市森林覆盖率达到30%",
    ):
        assert words in text


def test_reportlab_draws_it_on_a4_with_page_numbers_and_the_fonts_it_embedded(paper: OfficialText) -> None:
    data, fonts, warnings = pdf.render(paper)
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    assert reader.metadata.title == paper.title
    first = reader.pages[0].extract_text()
    assert "—1—" in "".join(first.split())
    assert "关于2026年第三季度学习宣传贯彻" in "".join(first.split())
    if pdf.find_fonts().files:  # CI installs fonts-wqy-zenhei
        assert warnings == []
        assert fonts == "、".join(pdf.find_fonts().files)
        embedded = {
            f["/FontDescriptor"].get("/FontFile2") is not None
            for page in reader.pages
            for f in (
                page["/Resources"]["/Font"].get_object()[k].get_object() for k in page["/Resources"]["/Font"]
            )
            if "/FontDescriptor" in f
        }
        assert embedded == {True}


def test_without_a_truetype_cjk_font_it_falls_back_to_stsong_light_with_a_warning(
    paper: OfficialText, tmp_path: Path
) -> None:
    (tmp_path / "simfang.ttf").write_bytes(b"not a font at all")  # a candidate that does not load
    fonts = pdf.find_fonts((str(tmp_path),))
    assert (fonts.body, fonts.files) == ("STSong-Light", ())
    assert "fonts-wqy-zenhei" in fonts.warning
    data, used, warnings = pdf.render(paper, fonts)
    assert used == "STSong-Light"
    assert warnings == [fonts.warning]
    assert "量化目标实现情况" in text_of(data)


def test_libreoffice_converts_the_docx_in_a_throwaway_profile(
    paper: OfficialText, fake_soffice: Path
) -> None:
    result = pdf.to_pdf(paper)
    assert (result.engine, result.warnings) == ("libreoffice", [])
    assert "由办公套件转换的报告" in text_of(result.data)
    args = fake_soffice.read_text(encoding="utf-8").splitlines()
    assert "--headless" in args
    assert args[args.index("--convert-to") + 1] == "pdf"
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    assert not Path(profile.split("file://", 1)[1]).exists()  # removed with its temporary directory
    assert args[-1].endswith(".docx")


def test_a_failing_libreoffice_falls_back_to_reportlab_and_says_why(
    paper: OfficialText, fake_soffice: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "fail")
    result = pdf.to_pdf(paper)
    assert result.engine == "reportlab"
    assert "LibreOffice 转换失败（Error: source file could not be loaded）" in result.warnings[0]
    assert "存在的问题" in text_of(result.data)


def test_a_hanging_libreoffice_is_stopped_at_the_time_limit(
    paper: OfficialText, fake_soffice: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("FAKE_SOFFICE_MODE", "hang")
    started = time.monotonic()
    result = pdf.to_pdf(paper, timeout=1)
    assert time.monotonic() - started < 30
    assert result.engine == "reportlab"
    assert "超过 1 秒未完成" in result.warnings[0]


def test_a_missing_command_is_a_conversion_error_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(pdf.ConversionError):
        pdf.convert_with_libreoffice(b"PK", str(tmp_path / "no-such-soffice"), timeout=5)


def test_markup_characters_in_the_text_are_drawn_as_text() -> None:
    data, _fonts, _w = pdf.render(
        OfficialText(
            "关于<b>&“测试”的报告",
            [Block("A&B <i>", 1, body="x<y"), Block("", rows=[["甲", "乙"], ["1", "2"]])],
        )
    )
    assert "关于<b>&“测试”的报告" in text_of(data)
