"""The command line contract: help texts, one-line errors, non-zero exit codes."""
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import cli


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True)


def test_help_explains_each_command():
    top = run("--help")
    assert top.returncode == 0
    for command in ("build", "validate", "site", "evaluate"):
        assert command in top.stdout
        sub = run(command, "--help")
        assert sub.returncode == 0 and "usage:" in sub.stdout


def test_missing_input_folder_is_one_line_and_non_zero(tmp_path):
    p = run("build", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert p.returncode != 0
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "does not exist" in lines[0]
    assert "Traceback" not in p.stderr
    assert not (tmp_path / "out").exists()


def test_debug_shows_the_traceback(tmp_path):
    p = run("--debug", "build", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert p.returncode != 0 and "Traceback" in p.stderr


def test_bad_option_exits_with_usage_error():
    with pytest.raises(SystemExit) as exc:
        cli.main(["build", "--raw"])
    assert exc.value.code == 2


def test_missing_model_says_what_to_do(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Title\n\nPolice arrested two men in Paris on Monday.\n")
    p = run("build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--model", "no_such_model_xx")
    assert p.returncode != 0
    assert "no_such_model_xx" in p.stderr and "not installed" in p.stderr
    assert "Traceback" not in p.stderr


def test_evaluate_without_gold_sets_skips_with_a_message(tmp_path):
    p = run("evaluate", "--eval-dir", str(tmp_path / "none"))
    assert p.returncode == 0 and "does not exist" in p.stderr


def test_disk_full_is_one_line_with_what_to_do(monkeypatch, capsys, tmp_path):
    import errno

    from pipeline import build

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out" / "events.parquet"))

    monkeypatch.setattr(build, "build", full)
    code = cli.main(["build", "--raw", str(tmp_path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1
    assert "No space left on device" in err[0] and "free some disk space" in err[0]


def test_an_interrupt_whose_cleanup_hangs_still_ends_the_process():
    # a Ctrl-C arms a deadline: cleanup that waits forever (here a sleep) is ended by the system
    code = ("import time, pipeline.cli as c\nc.INTERRUPT_GRACE_S = 1\n"
            "try:\n    c._interrupted(2, None)\nexcept KeyboardInterrupt:\n    time.sleep(30)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=25,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == -signal.SIGALRM
