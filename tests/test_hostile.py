"""A generated hostile corpus never crashes the build, never writes outside the output folder,
and every input is accounted for in ingest_log."""
import gzip
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline import build

GOOD = ("Soldiers attacked a village near Goma on Tuesday, killing four people, local officials "
        "said.\n\nResidents fled toward the city.\n")


def hostile_corpus(raw: Path, outside: Path) -> int:
    """Write the hostile inputs; returns how many ingest_log rows they must produce."""
    raw.mkdir()
    (raw / "sub" / "deeper").mkdir(parents=True)
    n = 0
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 64,
        "nul.txt": b"Title\n\nSome\x00text\x00with NUL bytes " * 20,
        "invalid_utf8.txt": b"Title\n\nCaf\xe9 \xff\xfe broken \xc3\x28 bytes. " * 30,
        "utf16.txt": ("Title\n\n" + GOOD).encode("utf-16"),
        "deep.html": b"<html><body>" + b"<div>" * 20000 + b"text" + b"</div>" * 20000 + b"</body></html>",
        "huge.txt": b"word " * (10 * 1024 * 1024),  # 50 MB
        "sub/deeper/good.txt": ("Clashes in Goma\n\n" + GOOD).encode(),
        "bad_sidecar.txt": ("Clashes near Bukavu\n\n" + GOOD.replace("Goma", "Bukavu")).encode(),
        "huge_sidecar.txt": ("Fighting in Uvira\n\n" + GOOD.replace("Goma", "Uvira")).encode(),
        "notes.docx": b"PK\x03\x04 not really",
        "truncated.txt.gz": gzip.compress(("Title\n\n" + GOOD).encode())[:30],
    }
    for name, data in files.items():
        (raw / name).write_bytes(data)
        n += 1
    (raw / "bad_sidecar.json").write_bytes(b"{not json at all")
    (raw / "huge_sidecar.json").write_text(json.dumps({"url": "x" * (8 * 1024 * 1024)}))
    lines = [
        json.dumps({"id": "../../etc/passwd", "title": "T", "text": GOOD}),
        json.dumps({"id": 5, "title": None, "text": ["not", "a", "string"]}),
        json.dumps({"id": {"nested": 1}, "text": GOOD.replace("Goma", "Beni"), "published": 12345}),
        json.dumps({"id": "future", "text": GOOD.replace("Goma", "Butembo"), "published": "2999-01-01"}),
        "{broken json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "nul\u0000id", "text": "\u0000" * 50}),
    ]
    (raw / "feed.jsonl").write_text("\n".join(lines) + "\n")
    n += len(lines)
    (outside / "secret.txt").write_text("Secret\n\n" + GOOD)
    os.symlink(outside / "secret.txt", raw / "link_out.txt")
    os.symlink(outside, raw / "link_dir")
    n += 2
    return n


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    outside = tmp / "outside"
    outside.mkdir()
    expected = hostile_corpus(tmp / "raw", outside)
    before = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if "raw" not in p.parts)
    build.build(tmp / "raw", tmp / "out", log=lambda m: None)
    return tmp, expected, before


def test_the_build_accounts_for_every_input(result):
    tmp, expected, _ = result
    log = pd.read_parquet(tmp / "out" / "ingest_log.parquet")
    assert len(log) >= expected - 1  # the blank JSONL line may be logged or not, never more than once
    assert len(log) <= expected
    assert log["status"].notna().all()
    skipped = log[log["status"] == "skipped"]
    assert skipped["reason"].notna().all(), "every skip has a reason"
    names = set(log["source_file"])
    for must in ("empty.txt", "binary.txt", "huge.txt", "notes.docx", "link_out.txt", "truncated.txt.gz"):
        assert must in names, must
    assert set(log.loc[log["source_file"].isin(["empty.txt", "binary.txt", "huge.txt", "link_out.txt"]), "status"]) == {"skipped"}


def test_good_articles_survive_their_bad_neighbours(result):
    tmp, _, _ = result
    arts = pd.read_parquet(tmp / "out" / "articles.parquet")
    bodies = " ".join(arts["body_text"])
    for town in ("Goma", "Bukavu", "Uvira"):
        assert town in bodies, town
    assert "Secret" not in " ".join(arts["title"].fillna(""))
    assert arts["published_date"].isna().all() or (arts["published_date"].dropna() < pd.Timestamp("2999-01-01").date()).all()


def test_nothing_is_written_outside_the_output_folder(result):
    tmp, _, before = result
    after = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*")
                   if "raw" not in p.parts and p.parts[len(tmp.parts)] != "out")
    assert after == [b for b in before if b.split("/")[0] != "out"]
    assert "outside/secret.txt" in after
    assert (tmp / "outside" / "secret.txt").read_text().startswith("Secret")
