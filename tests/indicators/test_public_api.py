"""The package's public API is what __all__ says, and nothing here imports Django."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import luoshi.indicators

PACKAGE = Path(luoshi.indicators.__file__).parent
PURE = ("__init__.py", "maths.py", "units.py", "bundled.py")


def test_all_lists_every_public_name_and_nothing_else():
    public = {n for n in vars(luoshi.indicators) if not n.startswith("_")}
    modules = {n for n, v in vars(luoshi.indicators).items() if type(v).__name__ == "module"}
    assert set(luoshi.indicators.__all__) == public - modules - {"annotations"}


def test_every_name_in_all_exists():
    for name in luoshi.indicators.__all__:
        assert hasattr(luoshi.indicators, name), name


def test_no_pure_module_imports_django():
    for name in PURE:
        tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n == "django" or n.startswith("django.") for n in names), name


def test_assessing_the_bundled_data_loads_neither_django_nor_the_extractor():
    code = (
        "import sys; from luoshi.indicators import assess_bundled; assess_bundled();"
        "print([m for m in ('django', 'luoshi.document') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_examples_in_the_docstrings_run():
    import doctest

    from luoshi.indicators import bundled, maths, units

    for module in (luoshi.indicators, bundled, maths, units):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_the_docs_name_every_status_and_every_public_function():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "indicators.md").read_text(encoding="utf-8")
    from luoshi.indicators import Confidence, Status

    for status in Status:
        assert f"`{status.value}`" in doc or status.value in doc, status
        assert status.label_zh in doc, status
    for confidence in Confidence:
        assert confidence.value.replace("_", "-") in doc, confidence
    for name in (
        "assess",
        "assess_relation",
        "assess_milestone",
        "project",
        "delivery",
        "load_series",
        "assess_bundled",
        "convert",
        "compatible",
    ):
        assert f"`{name}(" in doc, name
