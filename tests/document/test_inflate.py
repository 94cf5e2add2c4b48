"""Archives and PDFs are counted as they inflate, not as they declare: a 1 MB docx stating 5 KB cost
2.1 GB to read; now it is refused after a few MB, whatever it states."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from attack import measure
from attack.bombs import docx, docx_lying, lie_about_size, pdf_streams, xlsx_shared_strings
from luoshi.document import DocumentError, check_archive, extract, open_workbook, read_source
from luoshi.document._inflate import DOCX, ZipLimits, check_zip, pdf_budget

MiB = 1024 * 1024


def test_an_honest_docx_passes_and_its_real_sizes_are_returned() -> None:
    data = docx(["一、总体要求", "（一）加强组织领导。"])
    sizes = check_archive(data, "docx")
    assert sizes["word/document.xml"] == len(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def test_a_member_inflating_beyond_what_it_states_is_refused_as_a_bomb() -> None:
    with pytest.raises(DocumentError) as e:
        read_source(docx_lying(inflated_mb=40, declared=5000))
    assert e.value.code == "too_large"
    assert "声明" in e.value.zh


def test_the_lie_is_caught_after_inflating_little_more_than_the_stated_size(tmp_path: Path) -> None:
    bomb = tmp_path / "lying.docx"
    bomb.write_bytes(docx_lying(inflated_mb=200, declared=5000))
    cost = measure.python(
        "import sys\nfrom luoshi.document import DocumentError, check_archive\n"
        f"try: check_archive(open({str(bomb)!r}, 'rb').read(), 'docx')\n"
        "except DocumentError as e: print(e.code)"
    )
    assert cost.stdout.strip() == "too_large"
    assert cost.peak_mb < 100  # 1 MiB of output at a time, nothing kept (it used to be all 200 MiB)


def test_an_archive_over_the_running_total_is_refused_before_it_is_all_inflated() -> None:
    limits = ZipLimits(total=2 * MiB, xml=2 * MiB, ratio=10**9)
    with pytest.raises(DocumentError) as e:
        check_zip(xlsx_shared_strings(8), limits)
    assert "超过 2 MB" in e.value.zh


def test_a_workbook_with_more_shared_strings_than_a_reader_may_parse_is_refused() -> None:
    with pytest.raises(DocumentError) as e:
        open_workbook(xlsx_shared_strings(100))
    assert e.value.code == "too_large"


def test_a_damaged_member_is_corrupt_not_a_crash() -> None:
    data = bytearray(docx(["推进工作。" * 200]))
    data[200:260] = bytes(60)
    with pytest.raises(DocumentError) as e:
        check_zip(bytes(data), DOCX)
    assert e.value.code == "corrupt"


def test_a_member_that_states_a_bigger_size_than_it_has_is_corrupt() -> None:
    data = docx(["推进工作。"])
    with pytest.raises(DocumentError) as e:
        check_zip(lie_about_size(data, "word/document.xml", 10**6), DOCX)
    assert e.value.code == "corrupt"


def test_pdf_streams_inflating_past_the_budget_are_refused() -> None:
    import pypdf

    def read_all() -> None:
        with pdf_budget(total=8 * MiB, stream=16 * MiB):
            for page in pypdf.PdfReader(io.BytesIO(pdf_streams(pages=6, mb_per_page=2))).pages:
                page.extract_text()

    with pytest.raises(DocumentError) as e:
        read_all()
    assert e.value.code == "too_large"


def test_a_pdf_with_a_stream_bomb_on_every_page_is_refused_by_extract() -> None:
    with pytest.raises(DocumentError) as e:
        extract(pdf_streams(pages=5, mb_per_page=70))
    assert e.value.code in {"too_large", "corrupt"}


def test_a_text_of_more_characters_than_a_decision_holds_is_refused() -> None:
    from luoshi.document import MAX_CHARS

    with pytest.raises(DocumentError) as e:
        extract("推进工作。" * (MAX_CHARS // 5 + 1))
    assert e.value.code == "too_large"
    with pytest.raises(DocumentError):
        read_source(("推进工作。\n" * (MAX_CHARS // 6 + 10)).encode("utf-8"), name="huge.txt")


def test_every_workbook_luoshi_reads_is_opened_through_the_running_limit() -> None:
    """``load_workbook`` is called in one place, after the archive was inflated once with a limit."""
    package = Path(__file__).resolve().parents[2] / "luoshi"
    callers = sorted(
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if "tests" not in p.parts and "load_workbook(" in p.read_text()
    )
    assert callers == ["document/_inflate.py"]
