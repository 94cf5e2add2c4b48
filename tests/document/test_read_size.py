"""Size: a huge file is refused at once, without being read into memory."""

from __future__ import annotations

import io
import subprocess
import sys
import tracemalloc

import pytest

from luoshi.document import MAX_BYTES, DocumentError, _read, read_source

from .sources import DECISION_TEXT


def test_the_limit_is_64_mib():
    assert MAX_BYTES == 64 * 1024 * 1024


def test_it_refuses_a_200_mb_file_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as e:
            read_source(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert e.value.code == "too_large"
    assert "文件过大（200 MB）" in e.value.zh
    assert "64 MB" in e.value.zh
    assert peak < 1024 * 1024  # it never read the file


class CountingStream(io.RawIOBase):
    """A stream of ``size`` bytes that records how much was asked of it."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.asked: list[int] = []
        self.given = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        self.asked.append(n)
        n = self.left if n is None or n < 0 else min(n, self.left)
        self.left -= n
        self.given += n
        return b"a" * n


def test_it_reads_at_most_one_byte_past_the_limit_from_a_stream(monkeypatch):
    monkeypatch.setattr(_read, "MAX_BYTES", 1000)
    stream = CountingStream(50_000)
    with pytest.raises(DocumentError) as e:
        read_source(stream)  # type: ignore[arg-type]
    assert e.value.code == "too_large"
    assert stream.given == 1001
    assert "上限" in e.value.zh


def test_it_refuses_bytes_over_the_limit(monkeypatch):
    monkeypatch.setattr(_read, "MAX_BYTES", 1000)
    with pytest.raises(DocumentError) as e:
        read_source(b"a" * 1001)
    assert e.value.code == "too_large"


def test_it_reads_a_10_mb_text_file(tmp_path):
    path = tmp_path / "long.txt"
    repeat = 10 * 1024 * 1024 // len(DECISION_TEXT.encode())
    path.write_bytes((DECISION_TEXT * repeat).encode("utf-8"))
    src = read_source(path)  # its speed is measured by `make bench`
    assert len(src.text) == len(DECISION_TEXT) * repeat


def test_it_reads_plain_text_without_importing_the_heavy_libraries():
    code = (
        "import sys; from luoshi.document import read_source; "
        "read_source('一、总体要求'.encode('gbk')); read_source(b'plain'); "
        "print(sorted(m for m in ('docx', 'pypdf', 'openpyxl', 'lxml', 'html.parser') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
