"""Atomic publish: a killed or interrupted build leaves the previous package intact."""
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import build, validate

ARTICLE = ("Police in {city} arrested {n} protesters on Monday after a march against fuel prices "
           "turned violent, officials said.\n\nThe protesters had blocked the main road for hours.\n")


def write_raw(raw: Path, cities: list[str]) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    for i, city in enumerate(cities):
        (raw / f"{i}.txt").write_text(f"Arrests in {city}\n\n" + ARTICLE.format(city=city, n=i + 3))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("publish")
    write_raw(tmp / "raw", ["Nairobi", "Lagos"])
    build.build(tmp / "raw", tmp / "out", log=lambda m: None)
    return tmp


@pytest.mark.parametrize("sig,delay", [(signal.SIGKILL, 0.5), (signal.SIGKILL, 2.5),
                                       (signal.SIGKILL, 5.0), (signal.SIGINT, 2.5)])
def test_a_killed_build_leaves_the_previous_package(published, sig, delay):
    out = published / "out"
    before = snapshot(out)
    write_raw(published / "raw2", ["Nairobi", "Lagos", "Accra", "Dakar", "Kampala"])
    p = subprocess.Popen([sys.executable, "-m", "pipeline", "build", "--no-cache", "--raw",
                          str(published / "raw2"), "--out", str(out)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    p.send_signal(sig)
    _, err = p.communicate(timeout=120)
    after = snapshot(out)
    if after != before:  # the swap happened before the signal: the new package must be whole
        assert p.returncode in (0, -signal.SIGKILL), err
        validate.validate_package(out / "datapackage.json")
        assert "articles.parquet" in after and len(after) == len(before)
    elif p.returncode == 130:
        assert "previous package was left in place" in err
    assert not list(published.glob(".out.old"))


def test_a_rerun_after_a_kill_completes(published):
    out = published / "out"
    build.build(published / "raw2", out, log=lambda m: None)
    validate.validate_package(out / "datapackage.json")
    assert not list(published.glob(".out.partial-*"))
