"""The matcher and its renderings never import Django (they run in `luoshi align` without a database)."""

from __future__ import annotations

import subprocess
import sys


def test_the_matcher_imports_no_django():
    code = "import sys, luoshi.alignment.matching, luoshi.alignment.rendering;print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
