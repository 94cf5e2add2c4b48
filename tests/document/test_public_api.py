"""The core's public API is what __all__ says, and the core never imports Django."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import luoshi.document

CORE = Path(luoshi.document.__file__).parent


def test_all_lists_every_public_name_and_nothing_else():
    public = {n for n in vars(luoshi.document) if not n.startswith("_")}
    modules = {n for n, v in vars(luoshi.document).items() if type(v).__name__ == "module"}
    assert set(luoshi.document.__all__) == public - modules - {"annotations", "os", "IO"}


def test_every_name_in_all_exists():
    for name in luoshi.document.__all__:
        assert hasattr(luoshi.document, name), name


def test_no_module_of_the_core_imports_django():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n == "django" or n.startswith("django.") for n in names), path


def test_extracting_loads_neither_django_nor_the_heavy_readers():
    code = (
        "import sys; from luoshi.document import extract; extract('到2035年森林覆盖率达到25%。');"
        "heavy = [m for m in ('django', 'docx', 'pypdf', 'openpyxl') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_cli_module_does_not_import_django_when_loaded():
    code = "import sys, luoshi.cli; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
