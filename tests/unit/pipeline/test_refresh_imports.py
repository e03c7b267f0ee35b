"""Importing the refresh recipe leaves clustering out until a refresh reaches its story step.

Short commands that only add sources, and ``refresh(stories=False)`` (the ingest bench, a worker
that only stores articles), would otherwise pay scikit-learn's and SciPy's import (~1 s of CPU,
~75 MB) for nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHECK = """
import sys
import newsloom.pipeline.refresh
heavy = sorted(m for m in ("sklearn", "scipy", "newsloom.pipeline.stories") if m in sys.modules)
print(",".join(heavy))
"""


def test_refresh_module_imports_no_clustering_stack() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
        timeout=120,
    )
    assert result.stdout.strip() == ""
