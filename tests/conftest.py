"""Fixtures shared by several test modules."""
import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests replay the same generated cases every run, so a landing never
# depends on luck; on a developer machine they explore new cases each time.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def made(tmp_path_factory):
    """Run the full `make` on the sample corpus, with the package and site in a temporary folder.

    Returns (package folder, site folder). The generated pages land in docs/ as with any make.
    """
    tmp = tmp_path_factory.mktemp("make")
    out, site = tmp / "processed", tmp / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    p = subprocess.run(["make", "-C", str(ROOT), f"OUT={out}", f"SITE={site}"],
                       capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stdout[-2000:] + p.stderr[-2000:]
    return out, site
