"""Ingest end to end on raw folders written into tmp_path."""
from __future__ import annotations

import csv
import datetime
import gzip
import json
import multiprocessing
import os
import pickle
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import ingest as ing
from pipeline.ingest import ARTICLE_FIELDS, LOG_FIELDS, ingest

TODAY = datetime.date(2024, 6, 1)
SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "000_144555d4b5dd0c2b.txt"
REASONS = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "ingest_reasons.csv"
PARAS = [
    "Iraqi forces captured the town of Al-Qaim on Friday, the prime minister said in a statement.",
    "The offensive began last week and drove the militants from the surrounding villages and roads.",
    "Aid groups warned that thousands of residents had fled toward the Syrian border in recent days.",
]
STORY = "\n\n".join(PARAS)
FRENCH = ("Les forces irakiennes ont repris vendredi la ville d'Al-Qaim, dernier bastion du groupe "
          "dans le pays, a annoncé le Premier ministre dans un communiqué publié dans la journée.")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # surrogatepass: generated text may hold lone surrogates; their bytes are invalid UTF-8,
    # which is one more kind of hostile input for ingest
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return path


def run(raw: Path, **kw) -> tuple[list[dict], list[dict], dict[str, dict]]:
    articles, log = ingest(raw, TODAY, **kw)
    return articles, log, {r["source_file"]: r for r in log}


def reason_codes(reason: str | None) -> list[str]:
    if not reason:
        return []
    return [code for part in reason.split(";") for code in
            [part.split(":")[0], *(part.split(":")[1].split(",") if ":" in part else [])]]


def jsonl(*records: dict | str) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


# --- the shared sample ---------------------------------------------------------------------

def test_sample_article(tmp_path: Path) -> None:
    if SAMPLE.exists():
        shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    else:  # the same shape as the shared sample, so the test means the same thing anywhere
        title = "Iraqi forces enter al-Qaim, last ISIS bastion in Iraq"
        write(tmp_path / SAMPLE.name, f"{title}\n\n\n{title}\n\nIraqi forces Friday captured the "
              f"biggest town.\n\n{STORY}\n\nStarcraft II Goes Free-To-Play\nMarseille suspend Evra")
    articles, log, _ = run(tmp_path)
    assert len(articles) == 1 and log[0]["status"] == "accepted"
    a = articles[0]
    assert a["title"] == "Iraqi forces enter al-Qaim, last ISIS bastion in Iraq"
    assert a["body_text"].startswith("Iraqi forces Friday captured")
    assert "Starcraft" not in a["body_text"] and "Marseille" not in a["body_text"]
    assert a["title"] not in a["body_text"]
    assert a["body_text"].rstrip().endswith(".")
    assert a["removed_char_count"] > 0 and a["removed_char_count"] == log[0]["removed_char_count"]
    assert "repeated_title" in log[0]["reason"] and "teaser_headline" in log[0]["reason"]
    assert a["source_id"] == SAMPLE.stem and a["language_code"] == "en"
    assert set(a) == set(ARTICLE_FIELDS) and set(log[0]) == set(LOG_FIELDS)


# --- formats ---------------------------------------------------------------------------------

def test_txt_with_sidecar_and_dateline(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", f"Town captured\n\nBAGHDAD (Reuters) - {STORY}")
    write(tmp_path / "a.json", json.dumps({"url": "https://ex.org/x", "published": "2017-11-03T09:00:00+03:00",
                                           "language": "en-GB"}))
    articles, log, rows = run(tmp_path)
    assert list(rows) == ["a.txt"]  # the sidecar has no row of its own
    a = articles[0]
    assert a["url"] == "https://ex.org/x" and a["published_date"] == datetime.date(2017, 11, 3)
    assert a["dateline_place"] == "Baghdad" and a["source_name"] == "Reuters"
    assert a["body_text"].startswith("BAGHDAD (Reuters) - Iraqi")
    assert a["language_code"] == "en" and rows["a.txt"]["reason"] is None


def test_malformed_sidecar_affects_only_its_article(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", f"Town captured\n\n{STORY}")
    write(tmp_path / "a.json", "{not json")
    write(tmp_path / "b.txt", "Other story\n\n" + STORY.replace("Iraqi", "Syrian").replace("Friday", "Monday"))
    write(tmp_path / "b.json", json.dumps({"source": "Example Wire"}))
    articles, log, rows = run(tmp_path)
    assert rows["a.txt"]["status"] == "accepted" and rows["a.txt"]["reason"] == "sidecar_invalid"
    assert rows["b.txt"]["status"] == "accepted" and rows["b.txt"]["reason"] is None
    assert {a["source_file"]: a["source_name"] for a in articles} == {"a.txt": None, "b.txt": "Example Wire"}


def test_jsonl_text_is_kept_byte_identical(tmp_path: Path) -> None:
    texts = ["  The 50-year-old widow was found murdered at her Reshimbagh home.\n",
             "“Quoted,” he said — in Mosul  on Friday.", "Aid under attack in Kunduz"]
    write(tmp_path / "set.jsonl", jsonl(*({"id": str(i), "title": "", "text": t} for i, t in enumerate(texts))))
    articles, log, rows = run(tmp_path)
    assert sorted(a["body_text"] for a in articles) == sorted(texts)
    assert all(r["status"] == "accepted" and r["reason"] is None for r in log)
    assert [r["source_file"] for r in log] == ["set.jsonl:1", "set.jsonl:2", "set.jsonl:3"]
    assert [r["line_number"] for r in log] == [1, 2, 3]
    assert {a["source_id"] for a in articles} == {"0", "1", "2"}


def test_bad_jsonl_lines_affect_only_themselves(tmp_path: Path) -> None:
    write(tmp_path / "x.jsonl", jsonl({"id": 1, "text": STORY}, "", "{broken", "[1, 2]",
                                      {"id": 5, "title": "t"}, {"text": PARAS[0], "url": 5}))
    articles, log, rows = run(tmp_path)
    assert [rows[f"x.jsonl:{n}"]["reason"] for n in range(1, 7)] == [
        None, "empty_line", "invalid_json", "not_an_object", "missing_text", "field_invalid"]
    assert rows["x.jsonl:6"]["source_id"] == "x:6" and rows["x.jsonl:6"]["status"] == "accepted"
    assert len(articles) == 2


def test_html_page(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAS)
    html = ("<html lang='en'><head><title>Town captured</title>"
            "<meta property='article:published_time' content='2018-01-05'>"
            "<link rel='canonical' href='https://news.example/town'></head><body>"
            "<nav><a href='/'>Home</a> | <a href='/w'>World</a></nav>"
            f"<article><h1>Town captured</h1>{paragraphs}</article><footer>Contact us</footer></body></html>")
    write(tmp_path / "p.html", html)
    articles, log, rows = run(tmp_path)
    assert rows["p.html"]["status"] == "accepted", rows
    a = articles[0]
    assert a["title"] == "Town captured" and a["body_text"].startswith("Iraqi forces captured")
    assert a["published_date"] == datetime.date(2018, 1, 5)
    assert a["url"] == "https://news.example/town"


def test_gzip_formats_and_corrupt_archive(tmp_path: Path) -> None:
    write(tmp_path / "a.txt.gz", gzip.compress(f"Town captured\n\n{STORY}".encode()))
    write(tmp_path / "b.jsonl.gz", gzip.compress(jsonl({"id": "b", "text": FRENCH}).encode()))
    write(tmp_path / "c.txt.gz", b"\x1f\x8b\x08\x00 not really gzip")
    articles, log, rows = run(tmp_path)
    assert rows["a.txt.gz"]["status"] == "accepted" and rows["a.txt.gz"]["source_id"] == "a"
    assert rows["b.jsonl.gz:1"]["status"] == "accepted"
    assert rows["c.txt.gz"]["reason"] == "decompress_error"


# --- encodings and junk ------------------------------------------------------------------------

@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("utf-16-le", b""), ("cp1252", b"")])
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = f"Café reopens\n\nThe “café” in Zürich reopened, its owner said. {STORY}"
    write(tmp_path / "e.txt", prefix + text.encode(encoding))
    articles, _, _ = run(tmp_path)
    assert articles[0]["title"] == "Café reopens"
    assert "The “café” in Zürich reopened" in articles[0]["body_text"]


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    text = f"Caf\u00c3\u00a9 reopens\n\nThe caf\u00c3\u00a9 reopened on Friday. {STORY}"
    write(tmp_path / "m.txt", text)
    articles, _, _ = run(tmp_path)
    assert articles[0]["title"] == "Café reopens" and "The café reopened" in articles[0]["body_text"]


def test_junk_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", b"  \n\n ")
    write(tmp_path / "bin.txt", bytes(range(256)) * 3)
    write(tmp_path / "pdf.txt", b"%PDF-1.4 binary")
    write(tmp_path / "short.txt", "Title\n\nToo short")
    write(tmp_path / "big.txt", "Big\n\n" + "word " * 400)
    write(tmp_path / "notes.docx", b"PK\x03\x04")
    write(tmp_path / "README.md", "# raw data")
    write(tmp_path / ".gitkeep", "")
    write(tmp_path / "orphan.json", "{}")
    write(tmp_path / "empty.jsonl", b"")
    _, log, rows = run(tmp_path, max_bytes=1000)
    assert {k: r["reason"] for k, r in rows.items()} == {
        "empty.txt": "empty_file", "blank.txt": "empty_file", "bin.txt": "binary_file",
        "pdf.txt": "binary_file", "short.txt": "too_short", "big.txt": "too_large",
        "notes.docx": "unsupported_format", "README.md": "not_an_article",
        ".gitkeep": "not_an_article", "orphan.json": "orphan_sidecar", "empty.jsonl": "empty_file"}
    assert all(r["status"] == "skipped" for r in log)


def test_symlinks_are_never_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.txt", f"Secret\n\n{STORY}")
    raw = tmp_path / "raw"
    write(raw / "sub" / "real.txt", "Real story\n\n" + STORY.replace("Iraqi", "Kurdish"))
    os.symlink(outside, raw / "link.txt")
    os.symlink(outside.parent, raw / "linkdir")
    articles, log, rows = run(raw)
    assert rows["link.txt"]["reason"] == "symlink" and rows["linkdir"]["reason"] == "symlink"
    assert [a["source_file"] for a in articles] == ["sub/real.txt"]
    assert rows["sub/real.txt"]["source_id"] == "sub/real"


# --- language, dates, duplicates, ids ------------------------------------------------------------

def test_non_english_is_kept_and_flagged(tmp_path: Path) -> None:
    write(tmp_path / "fr.jsonl", jsonl({"id": "fr", "text": FRENCH}, {"id": "en", "text": PARAS[0]}))
    articles, _, rows = run(tmp_path)
    assert {a["source_id"]: a["language_code"] for a in articles} == {"fr": "fr", "en": "en"}
    assert rows["fr.jsonl:1"]["status"] == "accepted" and rows["fr.jsonl:1"]["reason"] == "not_english"


def test_language_metadata_wins(tmp_path: Path) -> None:
    write(tmp_path / "l.jsonl", jsonl({"id": "x", "text": PARAS[0], "language": "German"}))
    articles, _, _ = run(tmp_path)
    assert articles[0]["language_code"] == "de"


def test_short_english_sentences_are_english() -> None:
    for text in ("Aid under attack", "Troops, police patrol", "Ukraine says Russia shelled Kharkiv.",
                 "Kenya deployed a police unit to Haiti on 25 June 2024."):
        assert ing.detect_language(text) == "en", text


def test_invalid_and_future_dates_are_rejected_not_guessed(tmp_path: Path) -> None:
    records = [{"id": "ok", "text": PARAS[0], "published": "2017-11-03"},
               {"id": "bad", "text": PARAS[1], "published": "2017-02-30"},
               {"id": "future", "text": PARAS[2], "published": "2031-01-01T00:00:00Z"},
               {"id": "rfc", "text": STORY, "published": "Fri, 03 Nov 2017 10:00:00 GMT"}]
    write(tmp_path / "d.jsonl", jsonl(*records))
    articles, _, rows = run(tmp_path)
    dates = {a["source_id"]: a["published_date"] for a in articles}
    assert dates == {"ok": datetime.date(2017, 11, 3), "bad": None, "future": None,
                     "rfc": datetime.date(2017, 11, 3)}
    assert rows["d.jsonl:2"]["reason"] == "date_invalid" and rows["d.jsonl:3"]["reason"] == "date_future"


def test_dateline_date_used_only_with_a_year() -> None:
    assert ing.parse_date("March 3, 2021", TODAY) == (datetime.date(2021, 3, 3), None)
    assert ing.parse_date("3 March 2021", TODAY) == (datetime.date(2021, 3, 3), None)
    assert ing.parse_date("yesterday", TODAY) == (None, "date_invalid")
    assert ing.parse_date(True, TODAY) == (None, "date_invalid")
    assert ing.parse_date(12345, TODAY) == (None, "date_invalid")
    assert ing.parse_date(1509700000, TODAY) == (datetime.date(2017, 11, 3), None)
    assert ing.parse_date(1509700000000, TODAY) == (datetime.date(2017, 11, 3), None)


def test_duplicates_keep_first_by_source_file(tmp_path: Path) -> None:
    long_story = " ".join(PARAS * 3)
    write(tmp_path / "b.txt", f"Town captured\n\n{long_story}")
    write(tmp_path / "a.txt", f"Town captured\n\n{long_story}\n\nUnrelated Teaser Headline")
    write(tmp_path / "c.txt", "Town captured\n\n" + long_story.replace("Friday", "Thursday", 1) + " More later.")
    articles, log, rows = run(tmp_path)
    assert [a["source_file"] for a in articles] == ["a.txt"]
    kept = articles[0]["article_id"]
    assert rows["b.txt"]["status"] == "duplicate" and rows["b.txt"]["duplicate_of"] == kept
    assert rows["b.txt"]["reason"].startswith("exact_duplicate")
    assert rows["c.txt"]["status"] == "duplicate" and rows["c.txt"]["reason"].startswith("near_duplicate")
    assert rows["c.txt"]["duplicate_of"] == kept and rows["c.txt"]["article_id"] is None


def test_ids_are_stable_across_renames_and_runs(tmp_path: Path) -> None:
    write(tmp_path / "one" / "x.txt", f"Town captured\n\n{STORY}")
    write(tmp_path / "two" / "renamed.txt", f"Town captured\n\n{STORY}\n\nSome Teaser Of Another Story")
    a1, l1 = ingest(tmp_path / "one", TODAY)
    a2, l2 = ingest(tmp_path / "two", TODAY)
    assert a1[0]["article_id"] == a2[0]["article_id"]
    assert (a1, l1) == ingest(tmp_path / "one", TODAY)
    assert len(a1[0]["article_id"]) == 16 and a1[0]["article_id"].startswith("a")


def test_output_order_and_reasons_documented(tmp_path: Path) -> None:
    write(tmp_path / "z.txt", f"Zed\n\n{STORY}")
    write(tmp_path / "a.jsonl", jsonl(*({"id": str(i), "text": f"Story number {i} has three words or more."}
                                        for i in range(12)), "{bad"))
    write(tmp_path / "b.bin", b"\x00\x01")
    articles, log = ingest(tmp_path, TODAY)
    assert [a["article_id"] for a in articles] == sorted(a["article_id"] for a in articles)
    assert [r["source_file"] for r in log][:3] == ["a.jsonl:1", "a.jsonl:2", "a.jsonl:3"]
    assert [r["source_file"] for r in log][-2:] == ["b.bin", "z.txt"]
    documented = {row["reason"]: row["status"] for row in csv.DictReader(open(REASONS))}
    for row in log:
        for code in reason_codes(row["reason"]):
            assert code in documented and row["status"] in documented[code].split("|"), code


# --- never crash, always account ----------------------------------------------------------------

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(st.sampled_from([".txt", ".html", ".jsonl", ".txt.gz", ".json", ".dat"]),
                                st.binary(max_size=400)), max_size=6))
def test_random_files_never_crash_and_each_gets_one_row(tmp_path_factory, files) -> None:
    raw = tmp_path_factory.mktemp("raw")
    expected = set()
    for i, (ext, data) in enumerate(files):
        write(raw / f"f{i}{ext}", data)
    for i, (ext, data) in enumerate(files):
        if ext == ".json" and (raw / f"f{i}.txt").exists():
            continue
        if ext == ".jsonl":
            lines = data.split(b"\n") if data else []
            if data.endswith(b"\n"):
                lines = lines[:-1]
            expected |= {f"f{i}.jsonl:{n}" for n in range(1, len(lines) + 1)} or {f"f{i}.jsonl"}
        else:
            expected.add(f"f{i}{ext}")
    articles, log = ingest(raw, TODAY)
    assert sorted(r["source_file"] for r in log) == sorted(expected)
    assert all(set(r) == set(LOG_FIELDS) for r in log)
    ids = {a["article_id"] for a in articles}
    assert len(ids) == len(articles)
    assert {r["article_id"] for r in log if r["status"] == "accepted"} == ids


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(
    st.text(alphabet=st.characters(blacklist_characters="\n\r"), max_size=80),
    st.builds(lambda i, t, x: json.dumps({"id": i, "title": t, "text": x}),
              st.one_of(st.integers(), st.text(max_size=5), st.none()), st.text(max_size=20),
              st.text(max_size=120)),
), max_size=12))
def test_random_jsonl_lines_get_one_row_each(tmp_path_factory, lines) -> None:
    raw = tmp_path_factory.mktemp("raw")
    write(raw / "r.jsonl", "".join(line + "\n" for line in lines))
    articles, log = ingest(raw, TODAY)
    if lines:
        assert [r["source_file"] for r in log] == [f"r.jsonl:{n}" for n in range(1, len(lines) + 1)]
    else:
        assert [r["source_file"] for r in log] == ["r.jsonl"]
    for a in articles:
        assert set(a) == set(ARTICLE_FIELDS) and a["word_count"] >= ing.MIN_WORDS


def test_dates_written_in_the_article_are_fallbacks(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", f"Town captured\n\nPublished: March 3, 2021 10:15 AM\n\n{STORY}")
    write(tmp_path / "b.txt", f"Other\n\nMOSUL, Iraq, Nov. 3, 2017 (AP) — {PARAS[1]}\n\n{PARAS[2]}")
    write(tmp_path / "c.txt", f"Third\n\nMOSUL, Iraq, Nov. 3 (AP) — {PARAS[0]}")
    write(tmp_path / "c.json", json.dumps({"url": "https://ex.org/news/2019/07/14/story.html"}))
    write(tmp_path / "d.txt", f"Fourth\n\nKYIV, Feb 24 (Example Wire) - {PARAS[2]}")
    articles, _, rows = run(tmp_path)
    got = {a["source_file"]: (a["published_date"], a["dateline_place"], a["source_name"]) for a in articles}
    assert got == {
        "a.txt": (datetime.date(2021, 3, 3), None, None),
        "b.txt": (datetime.date(2017, 11, 3), "Mosul, Iraq", "AP"),
        "c.txt": (datetime.date(2019, 7, 14), "Mosul, Iraq", "AP"),
        "d.txt": (None, "Kyiv", "Example Wire"),  # no year in the dateline: not guessed
    }
    assert rows["a.txt"]["reason"] == "boilerplate_removed:timestamp"


def test_footer_repeated_across_stories_is_removed(tmp_path: Path) -> None:
    footer = "Example Daily is the region's oldest newspaper, reporting since 1901."
    for i, text in enumerate(PARAS):  # three different stories sharing the footer
        write(tmp_path / f"s{i}.txt", f"Story {i}\n\n{text}\n\nA closing line that differs {i}.\n\n{footer}")
    write(tmp_path / "s3.txt", f"Story 3\n\n{FRENCH}\n\n{footer}")  # two lines only: left alone
    articles, _, rows = run(tmp_path)
    for i in range(3):
        assert rows[f"s{i}.txt"]["reason"] == "boilerplate_removed:repeated_line"
    assert all(footer not in a["body_text"] for a in articles if a["source_file"] != "s3.txt")
    assert rows["s3.txt"]["reason"] == "not_english"


def test_file_name_date_is_used_only_when_consistent(tmp_path: Path) -> None:
    write(tmp_path / "2016-03-22_brussels.txt", f"Brussels\n\nBRUSSELS, March 22 (Example Wire) - {STORY}")
    write(tmp_path / "2016-03-23_clash.txt", f"Clash\n\nBRUSSELS, March 22 (Example Wire) - {PARAS[1]}")
    write(tmp_path / "2017" / "05" / "01" / "plain.txt", f"Plain\n\n{PARAS[2]}")
    write(tmp_path / "1234567890abcdef.txt", f"Hash\n\nKABUL (AP) - {PARAS[0].replace('Iraqi', 'Afghan')}")
    articles, _, _ = run(tmp_path)
    got = {a["source_file"]: a["published_date"] for a in articles}
    assert got == {"2016-03-22_brussels.txt": datetime.date(2016, 3, 22), "2016-03-23_clash.txt": None,
                   "2017/05/01/plain.txt": datetime.date(2017, 5, 1), "1234567890abcdef.txt": None}


# --- the on-disk store (ingest_stream) ------------------------------------------------------------

def mixed_corpus(raw: Path) -> None:
    """Text files with a sidecar, duplicates, a repeated footer, JSONL with bad lines, French."""
    footer = "Example Daily is the region's oldest newspaper, reporting since 1901."
    long_story = " ".join(PARAS * 3)
    write(raw / "a.txt", f"Town captured\n\nBAGHDAD (Reuters) - {STORY}\n\nA closing line 1.\n\n{footer}")
    write(raw / "a.json", json.dumps({"url": "https://ex.org/2017/11/03/x", "language": "en"}))
    write(raw / "b" / "long.txt", f"Long\n\n{long_story}\n\n{footer}")
    write(raw / "b" / "copy.txt", f"Long again\n\n{long_story}")
    write(raw / "c.txt", f"Other\n\n{PARAS[1]}\n\nA closing line 2.\n\n{footer}")
    write(raw / "feed.jsonl", jsonl(
        {"id": "fr", "text": FRENCH, "published": "2016-09-26"}, "{broken",
        {"id": "x", "text": PARAS[2] + "\n\nA closing line 3.\n\n" + footer},
        {"id": "short", "text": "Too short"}, {"id": "dup", "text": STORY.upper()}))
    write(raw / "z.docx", b"PK\x03\x04")


def test_stream_store_gives_the_rows_of_ingest(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    mixed_corpus(raw)
    articles, log = ingest(raw, TODAY)
    store = ing.ingest_stream(raw, tmp_path / "store" / "ingest.sqlite", TODAY)
    try:
        assert [a for chunk in store.iter_articles(2) for a in chunk] == articles
        assert all(len(chunk) <= 2 for chunk in store.iter_articles(2))
        assert [r for chunk in store.iter_log(3) for r in chunk] == log
        assert len(store) == len(articles) and store.log_len() == len(log)
        ids = [a["article_id"] for a in articles]
        assert store.article_ids() == ids
        english = [a["article_id"] for a in articles if a["language_code"] == "en" and a["body_text"]]
        assert store.article_ids(english_with_text=True) == english and len(english) < len(ids)
        wanted = ids[::-1] + ids[:1]
        rows = store.articles(wanted)
        assert [a["article_id"] for a in rows] == wanted and rows[0] == articles[-1]
        assert store.articles([]) == []
        with pytest.raises(KeyError):
            store.articles(["a000000000000000"])
        assert isinstance(rows[0]["published_date"], (datetime.date, type(None)))
        assert {type(a["word_count"]) for a in rows} == {int}
    finally:
        store.close()
        store.close()  # closing twice is harmless
    # reopened, or passed to a worker by pickling, the store reads the same rows
    again = ing.ArticleStore.open(tmp_path / "store" / "ingest.sqlite")
    assert pickle.loads(pickle.dumps(again)).article_ids() == ids
    again.close()
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["ingest.sqlite"]  # no scratch left


def test_stream_store_is_read_from_a_forked_worker(tmp_path: Path) -> None:
    write(tmp_path / "raw" / "a.txt", f"Town captured\n\n{STORY}")
    store = ing.ingest_stream(tmp_path / "raw", tmp_path / "s.sqlite", TODAY)
    ids = store.article_ids()  # the parent's connection is open when the worker is forked
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        rows = pool.apply(_bodies_in_worker, (store, ids))
    assert rows == [a["body_text"] for a in store.articles(ids)]
    store.close()


def _bodies_in_worker(store: ing.ArticleStore, ids: list[str]) -> list[str]:
    return [a["body_text"] for a in store.articles(ids)]


def test_stream_store_is_deterministic_and_replaced(tmp_path: Path) -> None:
    mixed_corpus(tmp_path / "raw")
    for name in ("one.sqlite", "two.sqlite", "two.sqlite"):  # the second "two" replaces the first
        ing.ingest_stream(tmp_path / "raw", tmp_path / name, TODAY).close()
    assert (tmp_path / "one.sqlite").read_bytes() == (tmp_path / "two.sqlite").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    store = ing.ingest_stream(empty, tmp_path / "empty.sqlite", TODAY)
    assert len(store) == 0 and store.log_len() == 0 and list(store.iter_articles()) == []
    store.close()


def test_odd_strings_survive_the_store(tmp_path: Path) -> None:
    # a lone surrogate (a JSON escape) and a NUL are kept as they came, as before the store
    write(tmp_path / "o.jsonl",
          '{"id": "s\\ud800", "url": "u\\udc80", "text": "Body with a lone \\udc80 surrogate here."}\n'
          + json.dumps({"id": "nul\u0000id", "text": "Some\u0000 text with NUL chars."}) + "\n")
    articles, log, rows = run(tmp_path)
    assert {a["source_id"] for a in articles} == {"s\ud800", "nul\u0000id"}
    assert {a["url"] for a in articles} == {"u\udc80", None}


# --- Parquet input ----------------------------------------------------------------------------------

def test_parquet_rows_are_read_like_jsonl_lines(tmp_path: Path) -> None:
    records = [{"id": "a", "title": "Town captured", "text": STORY, "published": "2017-11-03",
                "language": "en"},
               {"id": "b", "title": "French", "text": FRENCH, "published": None, "language": None},
               {"id": None, "title": None, "text": PARAS[1], "published": None, "language": None}]
    write(tmp_path / "j" / "set.jsonl", jsonl(*records))
    (tmp_path / "p").mkdir()
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "p" / "set.parquet", row_group_size=2)
    from_jsonl, _ = ingest(tmp_path / "j", TODAY)
    from_parquet, log = ingest(tmp_path / "p", TODAY)
    assert [r["source_file"] for r in log] == ["set.parquet:1", "set.parquet:2", "set.parquet:3"]
    assert [r["line_number"] for r in log] == [1, 2, 3] and {r["status"] for r in log} == {"accepted"}
    for a in from_jsonl + from_parquet:
        a["source_file"] = a["source_file"].replace(".jsonl", ".parquet")
    assert from_parquet == from_jsonl  # same fields, same meaning; ids fall back to "set:3"


def test_parquet_bad_rows_and_files_are_accounted_for(tmp_path: Path) -> None:
    table = pa.table({
        "id": pa.array([1, 2, 3, 4]),
        "text": pa.array([STORY, None, "", PARAS[1]]),
        "published": pa.array([datetime.datetime(2017, 11, 3, 9), None, None,
                               datetime.datetime(2031, 1, 1)], pa.timestamp("ms")),
        "html": pa.array(["<p>not read</p>"] * 4),
    })
    pq.write_table(table, tmp_path / "rows.parquet", row_group_size=3)
    pq.write_table(pa.table({"text": pa.array([5, 6])}), tmp_path / "numbers.parquet")
    pq.write_table(pa.table({"text": pa.array([], pa.string())}), tmp_path / "none.parquet")
    write(tmp_path / "corrupt.parquet", b"PAR1 this is not a parquet file PAR1")
    write(tmp_path / "packed.parquet.gz", gzip.compress(b"PAR1"))
    articles, log, rows = run(tmp_path)
    assert {k: (r["status"], r["reason"]) for k, r in rows.items()} == {
        "rows.parquet:1": ("accepted", None), "rows.parquet:2": ("skipped", "missing_text"),
        "rows.parquet:3": ("skipped", "missing_text"), "rows.parquet:4": ("accepted", "date_future"),
        "numbers.parquet:1": ("skipped", "missing_text"), "numbers.parquet:2": ("skipped", "missing_text"),
        "none.parquet": ("skipped", "empty_file"), "corrupt.parquet": ("skipped", "read_error"),
        "packed.parquet.gz": ("skipped", "unsupported_format")}
    dates = {a["source_id"]: a["published_date"] for a in articles}
    assert dates == {"1": datetime.date(2017, 11, 3), "4": None}
    documented = {row["reason"] for row in csv.DictReader(open(REASONS))}
    assert all(code in documented for r in log for code in reason_codes(r["reason"]))
