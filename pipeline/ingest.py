"""Ingest: a folder of raw news files in, `articles` and `ingest_log` rows out.

Every file under the raw folder (and every line of a JSONL file, every row of a Parquet
file) gets exactly one log row: accepted, duplicate or skipped with a reason from
`pipeline/data/ingest_reasons.csv`. Nothing in the input can stop the run: each file is read,
decoded and parsed on its own, and a broken one is logged and passed over.

Inputs: `.txt` (with optional `.json` sidecars), `.html`/`.htm`, `.jsonl` (each optionally
`.gz`) and `.parquet` (one article a row, the JSONL field names, read a row group at a time).

Steps: walk the folder (sorted, symlinks never followed) -> read and decode each input into a
candidate (title, body, metadata) -> remove boilerplate per article, then lines that repeat
at the edges of many stories -> minimum length -> dateline, date and language -> exact and
near duplicates (the first by source file is kept) -> rows sorted by id / source file.

The run streams (`ingest_stream`): candidates, cleaned bodies and rows wait in SQLite files,
not in memory, and each pass reads them back in order. Memory holds per-article summaries
only (the duplicate index: content hashes, MinHash signatures and band keys), so it grows
with the number of articles, not with their text. `ingest` returns the same rows as lists.
"""
from __future__ import annotations

import bisect
import datetime
import email.utils
import functools
import gzip
import json
import logging
import pickle
import re
import tempfile
import zlib
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from pipeline import boilerplate, dedup, store
from pipeline.store import ArticleStore, StoreWriter, decode_text, encode_text

# The columns of the two tables ingest produces (defined beside the store that keeps them).
ARTICLE_FIELDS = store.ARTICLE_FIELDS
LOG_FIELDS = store.LOG_FIELDS

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MIN_CHARS = 10
MIN_WORDS = 3
ARTICLE_EXTS = (".txt", ".jsonl", ".html", ".htm", ".parquet")
NOT_ARTICLE_STEMS = ("readme", "license", "licence", "changelog", "notice", "copying", "thumbs")
PARQUET_BATCH_ROWS = 256  # rows converted to Python at a time: a few MB however big the file
PASS_CHUNK = 500  # staged candidates read back per query

# Flags are reported in this order, so a reason string is the same on every run.
FLAG_ORDER = (
    "exact_duplicate", "near_duplicate", "boilerplate_removed", "not_english", "sidecar_invalid",
    "field_invalid", "date_invalid", "date_future", "decoded_legacy_encoding",
)


@dataclass
class Candidate:
    """One input that decoded into an article-shaped record, before cleaning and dedup."""

    source_file: str
    order: tuple[str, int]
    line_number: int | None
    source_id: str | None
    title: str
    body: str
    url: str | None = None
    source_name: str | None = None
    published: Any = None
    language: Any = None
    flags: list[str] = field(default_factory=list)
    removed: int = 0
    kinds: tuple[str, ...] = ()
    timestamps: tuple[str, ...] = ()


class Skip(Exception):
    """An input that cannot become an article; the message is its reason code."""


# --- load: walking and reading -------------------------------------------------------------

def walk(raw_dir: Path) -> list[tuple[str, Path, str]]:
    """(relative posix path, path, kind) for every entry, sorted; kind is file, symlink,
    hidden_dir or special. Symlinks and hidden folders are listed, never entered."""
    out: list[tuple[str, Path, str]] = []

    def visit(folder: Path, prefix: str) -> None:
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError:
            out.append((prefix.rstrip("/") or ".", folder, "unreadable_dir"))
            return
        for p in entries:
            rel = prefix + p.name
            if p.is_symlink():
                out.append((rel, p, "symlink"))
            elif p.is_dir():
                if p.name.startswith("."):
                    out.append((rel, p, "hidden_dir"))
                else:
                    visit(p, rel + "/")
            elif p.is_file():
                out.append((rel, p, "file"))
            else:
                out.append((rel, p, "special"))

    visit(raw_dir, "")
    return sorted(out, key=lambda e: e[0])


def split_name(name: str) -> tuple[str, str, bool]:
    """(stem, extension, gzipped) of a file name: 'a.txt.gz' -> ('a', '.txt', True)."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    base = name[:-3] if gz else name
    dot = base.rfind(".")
    if dot <= 0:
        return base, "", gz
    return base[:dot], base[dot:].lower(), gz


def read_limited(path: Path, gz: bool, max_bytes: int) -> bytes:
    """File bytes (decompressed when gz), raising Skip beyond max_bytes or on a bad archive."""
    if not gz and path.stat().st_size > max_bytes:
        raise Skip("too_large")
    try:
        if gz:
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise Skip("decompress_error") from exc
    except OSError as exc:
        raise Skip("decompress_error" if gz else "read_error") from exc
    if len(data) > max_bytes:
        raise Skip("too_large")
    return data


_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF",
                 b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"Rar!", b"7z\xbc\xaf", b"\x00\x00\x01\x00")
_WESTERN = {"cp1252", "windows_1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250",
            "windows_1250", "iso8859_2", "mac_roman", "mac_latin2", "cp850", "cp437", "ascii"}


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    for enc, ok in (("utf-16-le", zeros_odd > 0.3 and zeros_even < 0.05),
                    ("utf-16-be", zeros_even > 0.3 and zeros_odd < 0.05)):
        if ok:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, bool]:
    """Text of a file's bytes and whether a legacy (non-Unicode) encoding was used.

    BOMs first (UTF-8, UTF-16, UTF-32), then BOM-less UTF-16, then strict UTF-8, then a
    declared charset (HTML), then charset detection preferring cp1252 for Western text.
    Raises Skip('binary_file') for data that is not text.
    """
    for bom, enc in ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
                     (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), False
            except UnicodeDecodeError:
                break
    if data.startswith(_BINARY_MAGIC):
        raise Skip("binary_file")
    text = _utf16_without_bom(data)
    if text is not None:
        return text, False
    if b"\x00" in data:
        raise Skip("binary_file")
    controls = sum(data.count(bytes([c])) for c in (*range(1, 9), *range(14, 27), *range(28, 32)))
    if data and controls / len(data) > 0.05:
        raise Skip("binary_file")
    text = _try_decode(data, "utf-8")
    if text is not None:
        return text, False
    text = _try_decode(data, declared) if declared else None
    if text is not None:
        return text, True
    best = None
    try:
        import charset_normalizer

        best = charset_normalizer.from_bytes(data[:200_000]).best()
    except Exception:
        best = None
    encoding = best.encoding if best is not None else None
    if encoding is None or encoding.lower() in _WESTERN:
        text = _try_decode(data, "cp1252")
        if text is not None:
            return text, True
    text = _try_decode(data, encoding) if encoding else None
    return (text, True) if text is not None else (data.decode("latin-1"), True)


def _try_decode(data: bytes, encoding: str) -> str | None:
    """`data` decoded with `encoding`, or None when the codec is unknown or the bytes don't fit."""
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


# --- load: one reader per format -----------------------------------------------------------

def _str_field(value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None


def read_sidecar(path: Path, max_bytes: int) -> tuple[dict[str, Any], bool]:
    """Metadata of a .json sidecar (url, published, source, language) and whether it was valid."""
    try:
        raw = read_limited(path, False, min(max_bytes, 1_000_000))
        meta = json.loads(decode_bytes(raw)[0])
    except (Skip, ValueError, RecursionError):
        return {}, False
    if not isinstance(meta, dict):
        return {}, False
    out: dict[str, Any] = {}
    valid = True
    for key in ("url", "source", "language"):
        if key in meta and meta[key] is not None:
            if isinstance(meta[key], str):
                out[key] = meta[key]
            else:
                valid = False
    if meta.get("published") is not None:
        if isinstance(meta["published"], (str, int, float)) and not isinstance(meta["published"], bool):
            out["published"] = meta["published"]
        else:
            valid = False
    return out, valid


def read_text_file(rel: str, path: Path, gz: bool, sidecar: Path | None, max_bytes: int) -> Candidate:
    """A .txt article: first non-empty line is the title, the rest the body; sidecar metadata."""
    data = read_limited(path, gz, max_bytes)
    if not data.strip():
        raise Skip("empty_file")
    text, legacy = decode_bytes(data)
    text = boilerplate.normalise_document(text)
    if not text:
        raise Skip("empty_file")
    title, _, body = text.partition("\n")
    stem = rel[: len(rel) - len(Path(rel).name)] + split_name(Path(rel).name)[0]
    cand = Candidate(rel, (rel, 0), None, stem, title.strip(), body.strip())
    if legacy:
        cand.flags.append("decoded_legacy_encoding")
    if sidecar is not None:
        meta, valid = read_sidecar(sidecar, max_bytes)
        if not valid:
            cand.flags.append("sidecar_invalid")
        cand.url = _str_field(meta.get("url"))
        cand.source_name = _str_field(meta.get("source"))
        cand.published = meta.get("published")
        cand.language = meta.get("language")
    return cand


_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-:.]+)", re.I)
_HTML_LANG = re.compile(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", re.I)


def read_html_file(rel: str, path: Path, gz: bool, max_bytes: int) -> Candidate:
    """An HTML page: main text, title, date, URL and site name extracted with trafilatura."""
    import trafilatura

    # Unusable pages are accounted for in the log; trafilatura's own messages would flood it.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    data = read_limited(path, gz, max_bytes)
    if not data.strip():
        raise Skip("empty_file")
    m = _META_CHARSET.search(data[:4096])
    html, legacy = decode_bytes(data, m.group(1).decode("ascii", "ignore") if m else None)
    if "<" not in html:
        raise Skip("no_main_text")
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            deduplicate=False, date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:
        doc = None
    if doc is None:
        raise Skip("no_main_text")
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text") or ""
    # trafilatura puts one paragraph a line; blank-line paragraphs match the .txt layout.
    body = boilerplate.normalise_document(re.sub(r"\n+", "\n\n", text))
    if not body:
        raise Skip("no_main_text")
    title = boilerplate.normalise_document(get("title") or "").replace("\n", " ")
    stem = rel[: len(rel) - len(Path(rel).name)] + split_name(Path(rel).name)[0]
    cand = Candidate(rel, (rel, 0), None, stem, title, body)
    cand.url = _str_field(get("url"))
    cand.source_name = _str_field(get("sitename"))
    cand.published = get("date")
    lang = _HTML_LANG.search(html[:4096])
    cand.language = lang.group(1) if lang else None
    if legacy:
        cand.flags.append("decoded_legacy_encoding")
    return cand


def iter_lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(1-based line number, bytes without newline) per line; None for a line over max_bytes."""
    number = 0
    while True:
        chunk = fh.readline(max_bytes + 2)
        if not chunk:
            return
        number += 1
        if not chunk.endswith(b"\n") and len(chunk) > max_bytes:
            while chunk and not chunk.endswith(b"\n"):  # drain the rest of the long line
                chunk = fh.readline(1 << 20)
            yield number, None
            continue
        yield number, chunk.rstrip(b"\n").rstrip(b"\r")


_TEXT_KEYS = ("text", "body", "maintext", "content")
_DATE_KEYS = ("published", "published_date", "date_publish", "publish_date", "date")
_SOURCE_KEYS = ("source", "source_name", "source_domain")


def record_candidate(rel: str, number: int, raw: bytes) -> Candidate:
    """A JSONL line as a candidate; the text is kept unchanged apart from mojibake/NFC repair."""
    if not raw.strip():
        raise Skip("empty_line")
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            line = decode_bytes(raw)[0]
        except Skip:
            raise Skip("invalid_json") from None
    try:
        rec = json.loads(line)
    except (ValueError, RecursionError):
        raise Skip("invalid_json") from None
    return record_from_object(rel, number, rec)


def record_from_object(rel: str, number: int, rec: Any) -> Candidate:
    """A decoded record (a JSONL line's value, a Parquet row) as a candidate.

    One function for both formats, so a field means the same and is checked the same way
    wherever it comes from; the text is kept unchanged apart from mojibake/NFC repair.
    """
    if not isinstance(rec, dict):
        raise Skip("not_an_object")
    text = next((rec[k] for k in _TEXT_KEYS if isinstance(rec.get(k), str)), None)
    if text is None or not text.strip():
        raise Skip("missing_text")
    flags: list[str] = []
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or str(rid).strip() == "":
        if rid is not None:
            flags.append("field_invalid")
        source_id = f"{rel.rsplit('.', 2 if rel.lower().endswith('.gz') else 1)[0]}:{number}"
    else:
        source_id = str(rid)
    title = rec.get("title")
    if title is not None and not isinstance(title, str):
        flags.append("field_invalid")
    url = rec.get("url")
    if url is not None and not isinstance(url, str):
        flags.append("field_invalid")
    source = next((rec[k] for k in _SOURCE_KEYS if rec.get(k) is not None), None)
    if source is not None and not isinstance(source, str):
        flags.append("field_invalid")
    published = next((rec[k] for k in _DATE_KEYS if rec.get(k) not in (None, "")), None)
    language = rec.get("language", rec.get("lang"))
    title_text = boilerplate.normalise_document(title).replace("\n", " ") if isinstance(title, str) else ""
    cand = Candidate(
        f"{rel}:{number}", (rel, number), number, source_id, title_text,
        boilerplate.normalise_record_text(text),
        url=_str_field(url), source_name=_str_field(source), published=published,
        language=language, flags=sorted(set(flags)),
    )
    return cand


# --- process: dates and language -----------------------------------------------------------

_MONTHS = {m: i for i, names in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"], 1)
    for m in names.split()}
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T?\d{2}:?\d{2})")
_SLASHED = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_MDY = re.compile(r"^\s*(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY = re.compile(r"^\s*(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
MIN_YEAR = 1800
MIN_EPOCH_SECONDS = 315_532_800  # 1980-01-01: smaller numbers are ids or counts, not times


def parse_date(value: Any, today: datetime.date) -> tuple[datetime.date | None, str | None]:
    """(date, None) for a valid date, (None, 'date_invalid'|'date_future') otherwise.

    Accepts ISO dates and datetimes (the date as written, no time-zone shift), YYYYMMDD,
    YYYY/MM/DD, RFC 2822, "March 3, 2021", "3 March 2021" and Unix timestamps. A date after
    `today` or before 1800 is rejected, never adjusted.
    """
    if value is None or value == "":
        return None, None
    parsed: datetime.date | None = None
    try:
        if isinstance(value, bool):
            return None, "date_invalid"
        if isinstance(value, (int, float)):
            # A Unix timestamp in seconds or milliseconds; small numbers are not dates.
            seconds = float(value) / (1000 if abs(value) > 1e11 else 1)
            if seconds < MIN_EPOCH_SECONDS:
                return None, "date_invalid"
            parsed = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date()
        elif isinstance(value, str):
            s = value.strip()
            for pattern, order in ((_ISO, "ymd"), (_COMPACT, "ymd"), (_SLASHED, "ymd"),
                                   (_MDY, "mdy"), (_DMY, "dmy")):
                m = pattern.match(s)
                if not m:
                    continue
                parts = dict(zip(order, m.groups()))
                month = parts["m"]
                month_num = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
                if month_num is None:
                    continue
                parsed = datetime.date(int(parts["y"]), month_num, int(parts["d"]))
                break
            if parsed is None:
                dt = email.utils.parsedate_to_datetime(s) if re.search(r"\d{4}", s) else None
                parsed = dt.date() if dt else None
        else:
            return None, "date_invalid"
    except (ValueError, TypeError, OverflowError, OSError, IndexError):
        return None, "date_invalid"
    if parsed is None or parsed.year < MIN_YEAR:
        return None, "date_invalid"
    if parsed > today:
        return None, "date_future"
    return parsed, None


_DATE_IN_LINE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|"
    r"\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9}\.?,? \d{4}"
)


def date_in_line(line: str) -> str | None:
    """The first full date (with a year) written in a line such as 'Updated: April 5, 2018'."""
    for m in _DATE_IN_LINE.finditer(line):
        word = re.match(r"\d*\s*([A-Za-z]+)", m.group(0))
        if word is None or word.group(1).lower().rstrip(".") in _MONTHS:
            return m.group(0)
    return None


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_/]?(\d{2})[-_/]?(\d{2})(?!\d)")
_MONTH_DAY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})|(\d{1,2})\s+([A-Za-z]{3,9})")


def name_date(source_file: str, dateline_date: str | None) -> str | None:
    """A full date in a file's path ('2016-03-22_brussels.txt', '2016/03/22/x.txt'), as ISO.

    Used last, and only when it agrees with the month and day of a dateline that has no
    year, or when there is no dateline date at all: a conflict means no date, not a choice.
    """
    m = _NAME_DATE.search(source_file)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if dateline_date:
        md = _MONTH_DAY.search(dateline_date)
        if md:
            name, number = (md.group(1), md.group(2)) if md.group(1) else (md.group(4), md.group(3))
            if _MONTHS.get(name.lower().rstrip(".")) != month or int(number) != day:
                return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def url_date(url: str | None) -> str | None:
    """A full date written in a URL path (/2017/11/03/), as ISO text, or None."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


# Function words frequent in English and rare as words of other major languages.
_EN_WORDS = frozenset(
    "the of and to was were is are that for with by from has have had said says which this "
    "it its he she they his her their after been be not but who will would there than also "
    "about into over more when what were we our you your them these those other".split()
)
_LANG_NAMES = {
    "english": "en", "eng": "en", "french": "fr", "fra": "fr", "fre": "fr", "german": "de",
    "deu": "de", "ger": "de", "spanish": "es", "spa": "es", "arabic": "ar", "ara": "ar",
    "russian": "ru", "rus": "ru", "chinese": "zh", "zho": "zh", "chi": "zh", "portuguese": "pt",
    "por": "pt", "italian": "it", "ita": "it", "turkish": "tr", "tur": "tr", "ukrainian": "uk",
    "ukr": "uk", "persian": "fa", "fas": "fa", "per": "fa", "dutch": "nl", "nld": "nl",
    "dut": "nl", "japanese": "ja", "jpn": "ja", "korean": "ko", "kor": "ko", "hindi": "hi",
    "hin": "hi", "urdu": "ur", "urd": "ur", "polish": "pl", "pol": "pl",
}


def language_from_metadata(value: Any) -> str | None:
    """ISO 639-1 code from a metadata value ('en', 'en-US', 'English', 'eng'), or None."""
    if not isinstance(value, str):
        return None
    v = value.strip().lower().replace("_", "-")
    if v in _LANG_NAMES:
        return _LANG_NAMES[v]
    primary = v.split("-")[0]
    if re.fullmatch(r"[a-z]{2}", primary):
        return primary
    return _LANG_NAMES.get(primary)


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # language_code is ISO 639-1: leaving out the model's three-letter languages (Nigerian
    # Pidgin, Crimean Tatar, ...) also stops short English text being read as one of them.
    identifier.set_languages([code for code in identifier.nb_classes if len(code) == 2])
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of a text; an uncertain short Latin-script text counts as English.

    py3langid decides long texts. Short ones (headline-length sentences, as in evaluation
    sets) are often misread as a related small language, so English function words and the
    identifier's confidence decide there; calling an English text foreign would silently drop
    it from extraction, the costlier mistake.
    """
    sample = text[:1500]
    words = re.findall(r"[^\W\d_]+", sample.casefold())
    if not words:
        return "und"
    en_share = sum(1 for w in words if w in _EN_WORDS) / len(words)
    if en_share >= 0.25 and len(words) >= 20:  # plainly English: no need to ask the model
        return "en"
    letters = [c for c in sample if c.isalpha()]
    latin = sum(1 for c in letters if c <= "\u024f") / max(1, len(letters))
    lang, prob = _identifier().classify(sample)
    if lang == "en":
        return "en"
    if latin >= 0.5:
        if en_share >= 0.2:
            return "en"
        if (len(words) < 8 and prob < 0.9) or (len(words) < 20 and prob < 0.7):
            return "en"
    return lang


# --- process: the whole folder --------------------------------------------------------------

def _log_row(source_file: str, status: str, reason: str | None, *, line_number: int | None = None,
             source_id: str | None = None, article_id: str | None = None,
             duplicate_of: str | None = None, removed: int | None = None) -> dict:
    return {"source_file": source_file, "line_number": line_number, "source_id": source_id,
            "status": status, "reason": reason, "article_id": article_id,
            "duplicate_of": duplicate_of, "removed_char_count": removed}


def reason_text(flags: list[str], kinds: tuple[str, ...] = ()) -> str | None:
    """Flags as one reason string: codes in a fixed order joined by ';', with the boilerplate
    kinds after 'boilerplate_removed:' (for example 'boilerplate_removed:repeated_title')."""
    codes = set(flags)
    if kinds:
        codes.add("boilerplate_removed")
    parts = []
    for code in FLAG_ORDER:
        if code in codes:
            parts.append(f"{code}:{','.join(kinds)}" if code == "boilerplate_removed" else code)
    parts += sorted(codes - set(FLAG_ORDER))
    return ";".join(parts) or None


def iter_inputs(raw_dir: Path, max_bytes: int) -> Iterator[tuple[int, Candidate | dict | None]]:
    """(file number, item) for every input under raw_dir, in walk order: a Candidate, a log
    row of a skipped input, or None, which withdraws everything the file gave so far.

    None comes only when a JSONL/Parquet reader fails in an unforeseen way part-way through;
    the file is then accounted for by the one `read_error` row that follows, as if it had
    been read whole and failed. A generator, so a big file never sits in memory.
    """
    entries = walk(raw_dir)
    names = {rel for rel, _, kind in entries if kind == "file"}
    for file_no, (rel, path, kind) in enumerate(entries):
        name = Path(rel).name
        stem, ext, gz = split_name(name)
        if kind != "file":
            reason = {"symlink": "symlink", "hidden_dir": "not_an_article"}.get(kind, "not_a_regular_file")
            yield file_no, _log_row(rel, "skipped", reason)
            continue
        folder = rel[: len(rel) - len(name)]
        if ext == ".json" and not gz:
            if f"{folder}{stem}.txt" in names or f"{folder}{stem}.txt.gz" in names:
                continue  # a sidecar: read with its article, not logged on its own
            yield file_no, _log_row(rel, "skipped", "orphan_sidecar")
            continue
        if name.startswith(".") or stem.lower().split(".")[0] in NOT_ARTICLE_STEMS:
            yield file_no, _log_row(rel, "skipped", "not_an_article")
            continue
        if ext not in ARTICLE_EXTS or (ext == ".parquet" and gz):  # Parquet compresses itself
            yield file_no, _log_row(rel, "skipped", "unsupported_format")
            continue
        given = False
        try:
            if ext in (".jsonl", ".parquet"):
                if ext == ".jsonl":
                    reader = iter_jsonl(rel, path, gz, max_bytes)
                else:
                    reader = iter_parquet(rel, path, max_bytes)
                for item in reader:
                    given = True
                    yield file_no, item
                continue
            if ext == ".txt":
                sidecar = path.with_name(stem + ".json")
                has_sidecar = f"{folder}{stem}.json" in names
                item = read_text_file(rel, path, gz, sidecar if has_sidecar else None, max_bytes)
            else:
                item = read_html_file(rel, path, gz, max_bytes)
            yield file_no, item
        except Skip as skip:
            yield file_no, _log_row(rel, "skipped", str(skip))
        except Exception:  # the last line of defence: one odd file never stops ingest
            if given:
                yield file_no, None
            yield file_no, _log_row(rel, "skipped", "read_error")


def _record_or_skip(rel: str, number: int, read: Callable[..., Candidate], *args: Any) -> Candidate | dict:
    """One JSONL line or Parquet row as a candidate, or its skip row: a bad record affects
    only itself (`read(rel, number, *args)` raises Skip with the reason, or anything else)."""
    try:
        return read(rel, number, *args)
    except Skip as skip:
        return _log_row(f"{rel}:{number}", "skipped", str(skip), line_number=number)
    except Exception:
        return _log_row(f"{rel}:{number}", "skipped", "read_error", line_number=number)


def _jsonl_record(rel: str, number: int, raw: bytes | None) -> Candidate:
    if raw is None:
        raise Skip("too_large")
    return record_candidate(rel, number, raw)


def _parquet_record(rel: str, number: int, rec: dict, max_bytes: int) -> Candidate:
    for key in _DATE_KEYS:  # a date column means what its ISO text would
        if isinstance(rec.get(key), datetime.date):
            rec[key] = rec[key].isoformat()
    if _row_too_large(rec, max_bytes):
        raise Skip("too_large")
    return record_from_object(rel, number, rec)


def iter_jsonl(rel: str, path: Path, gz: bool, max_bytes: int) -> Iterator[Candidate | dict]:
    """Candidates and skip rows of a JSONL file, one per line; a broken line affects itself."""
    lines = 0
    try:
        opener = gzip.open if gz else open
        with opener(path, "rb") as fh:
            for number, raw in iter_lines(fh, max_bytes):
                lines = number
                yield _record_or_skip(rel, number, _jsonl_record, raw)
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError):
        # Lines read so far keep their rows; the file row accounts for the unreadable rest.
        yield _log_row(rel, "skipped", "decompress_error" if gz else "read_error")
        return
    if lines == 0:
        yield _log_row(rel, "skipped", "empty_file")


class Unreadable:
    """Stands in for a Parquet value that pyarrow cannot turn into a Python object (an
    out-of-range timestamp, say): a wrong type for every field, so the field is rejected
    like any other badly typed value and the rest of the row is still used."""

    def __repr__(self) -> str:
        return "<unreadable>"


# Every key `record_from_object` looks at: only these Parquet columns are read.
_RECORD_KEYS = frozenset(("id", "title", "url", "language", "lang", *_TEXT_KEYS, *_DATE_KEYS,
                          *_SOURCE_KEYS))


def _column_values(column: Any) -> list[Any]:
    """A Parquet column chunk as Python values, one bad value spoiling only itself."""
    try:
        return column.to_pylist()
    except Exception:
        out: list[Any] = []
        for k in range(len(column)):
            try:
                out.append(column[k].as_py())
            except Exception:
                out.append(Unreadable())
        return out


def _row_too_large(rec: dict, max_bytes: int) -> bool:
    """Whether a row's strings exceed max_bytes as UTF-8: the Parquet counterpart of a JSONL
    line's length (characters are counted first, so ordinary rows are never encoded)."""
    strings = [v for v in rec.values() if isinstance(v, str)]
    if sum(map(len, strings)) * 4 <= max_bytes:
        return False
    return sum(len(v.encode("utf-8", "surrogatepass")) for v in strings) > max_bytes


def iter_parquet(rel: str, path: Path, max_bytes: int) -> Iterator[Candidate | dict]:
    """Candidates and skip rows of a Parquet file of articles, one per row, like JSONL lines.

    Only the columns a record can use are read, a batch of rows at a time, so neither a big
    file nor a wide one sits in memory. Rows are numbered from 1 ("name.parquet:N"). A file
    that is not Parquet gets one `read_error` row; a file that breaks part-way keeps the rows
    read so far and gets one `read_error` row for the rest; a file without rows, `empty_file`.
    """
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception:  # not Parquet, a truncated footer, an unreadable file
        yield _log_row(rel, "skipped", "read_error")
        return
    number = 0
    try:
        columns = [n for n in pf.schema_arrow.names if n in _RECORD_KEYS]
        if not columns:  # no usable column at all: every row lacks a text
            for number in range(1, pf.metadata.num_rows + 1):
                yield _log_row(f"{rel}:{number}", "skipped", "missing_text", line_number=number)
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns) if columns else ():
            names = batch.schema.names
            for row in zip(*(_column_values(batch.column(k)) for k in range(batch.num_columns))):
                number += 1
                yield _record_or_skip(rel, number, _parquet_record, dict(zip(names, row)), max_bytes)
    except Exception:
        # Rows read so far keep their rows; the file row accounts for the unreadable rest.
        yield _log_row(rel, "skipped", "read_error")
        return
    finally:
        pf.close()
    if number == 0:
        yield _log_row(rel, "skipped", "empty_file")


# --- process: the whole folder, streaming -------------------------------------------------------

def ingest_stream(
    raw_dir: Path,
    store_path: Path,
    today: datetime.date | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    min_chars: int = MIN_CHARS,
    min_words: int = MIN_WORDS,
) -> ArticleStore:
    """Ingest a raw folder into an SQLite store at `store_path` (replaced if it exists).

    The rows are those `ingest` returns, in the same order (see the module docstring and
    the reasons CSV); the store reads them back by id or in chunks. Three passes over
    candidates staged on disk keep memory independent of the corpus text: read -> first
    cleaning, with the near-duplicate clusters and edge-line counts it needs -> second
    cleaning with the corpus-repeated lines, article rows, final duplicates. Scratch files
    beside `store_path` are removed whatever happens. `today` bounds publication dates.
    """
    today = today or datetime.date.today()
    writer = StoreWriter(Path(store_path))
    try:
        con = writer.con
        con.execute("CREATE TABLE work.cand (seq INTEGER PRIMARY KEY, file_no INTEGER, data BLOB)")
        con.execute("CREATE TABLE work.first (seq INTEGER PRIMARY KEY, data BLOB)")
        con.execute("CREATE TABLE work.edge (line BLOB)")
        _load(writer, Path(raw_dir), max_bytes)
        repeated = _first_clean(writer)
        _second_clean(writer, repeated, today, min_chars, min_words)
        return writer.finish()  # the work file, staging tables and all, is deleted there
    except BaseException:
        writer.abort()
        raise


def _load(writer: StoreWriter, raw_dir: Path, max_bytes: int) -> None:
    """Pass 0: stage every candidate (pickled) and every skip row, in walk order.

    Walk order is `Candidate.order` order (sorted relative paths, then line numbers), the
    order in which candidates are cleaned and deduplicated; checked as rows arrive.
    """
    con = writer.con
    seq = 0
    last: tuple[str, int] | None = None
    for file_no, item in iter_inputs(raw_dir, max_bytes):
        if item is None:
            con.execute("DELETE FROM work.cand WHERE file_no = ?", (file_no,))
            writer.discard_file(file_no)
        elif isinstance(item, Candidate):
            if last is not None and not item.order > last:
                raise RuntimeError(f"ingest: inputs out of order at {item.source_file!r}")
            last = item.order
            seq += 1
            con.execute("INSERT INTO work.cand VALUES (?, ?, ?)",
                        (seq, file_no, pickle.dumps(item, pickle.HIGHEST_PROTOCOL)))
            writer.tick()
        else:
            writer.add_log(item, _log_order(item), 0, file_no)


def _staged(con: Any, sql: str) -> Iterator[tuple]:
    """Rows of a staging query `... WHERE seq > ? ORDER BY seq LIMIT ?`, chunk by chunk
    (keyset paging: no read statement stays open across the writer's commits)."""
    last = 0
    while True:
        rows = con.execute(sql, (last, PASS_CHUNK)).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield from rows


def _first_clean(writer: StoreWriter) -> frozenset[str]:
    """Pass 1: per-article boilerplate removal; returns the corpus-repeated edge lines.

    Edge lines count once per cluster of near-duplicate first-pass bodies (its first
    member), so a syndicated story does not make its own paragraphs look like furniture.
    Whether a body starts a cluster is known when it is seen (`DuplicateIndex` is online),
    so its lines go straight into an SQL count instead of a list of every article's lines.
    """
    con = writer.con
    index = dedup.DuplicateIndex()
    for seq, data in _staged(con, "SELECT seq, data FROM work.cand WHERE seq > ? ORDER BY seq LIMIT ?"):
        c: Candidate = pickle.loads(data)
        cl = boilerplate.strip_boilerplate(c.body, c.title, record=c.line_number is not None)
        kept = index.add(cl.body) is None
        edges = boilerplate.edge_lines(cl.body)
        if kept and edges:
            con.executemany("INSERT INTO work.edge VALUES (?)", [(encode_text(e),) for e in edges])
        sig = index.last_signature
        first = (None if cl.body == c.body else cl.body, cl.removed_char_count, cl.kinds,
                 cl.timestamps, tuple(edges), None if sig is None else sig.tobytes())
        con.execute("INSERT INTO work.first VALUES (?, ?)",
                    (seq, pickle.dumps(first, pickle.HIGHEST_PROTOCOL)))
        writer.tick(1 + (len(edges) if kept else 0))
    del index
    # boilerplate.repeated_lines, counted on disk: edge lines of REPEATED_MIN_STORIES+ stories
    rows = con.execute("SELECT line FROM work.edge GROUP BY line HAVING count(*) >= ?",
                       (boilerplate.REPEATED_MIN_STORIES,))
    return frozenset(decode_text(line) for (line,) in rows)


def _second_clean(writer: StoreWriter, repeated: frozenset[str], today: datetime.date,
                  min_chars: int, min_words: int) -> None:
    """Pass 2: bodies with a corpus-repeated edge line are cleaned again from the original;
    then minimum length, the article row, and exact/near duplicates (the first is kept)."""
    con = writer.con
    index = dedup.DuplicateIndex()
    # Kept articles as (index in the duplicate pass, article_id as a number): 16 bytes each,
    # for `duplicate_of`. Indexes grow, so a duplicate finds its kept article by bisection.
    kept_at, kept_id = array("q"), array("Q")
    sql = ("SELECT c.seq, c.data, f.data FROM work.cand c JOIN work.first f ON f.seq = c.seq "
           "WHERE c.seq > ? ORDER BY c.seq LIMIT ?")
    for _, cand_data, first_data in _staged(con, sql):
        c: Candidate = pickle.loads(cand_data)
        body, removed, kinds, stamps, edges, sig_bytes = pickle.loads(first_data)
        body = c.body if body is None else body
        if repeated and any(line in repeated for line in edges):
            cl = boilerplate.strip_boilerplate(c.body, c.title, repeated, record=c.line_number is not None)
            if cl.body != body:  # the first pass's signature is of another text now
                sig_bytes = None
            c = replace(c, body=cl.body, removed=cl.removed_char_count, kinds=cl.kinds,
                        timestamps=cl.timestamps)
        else:
            c = replace(c, body=body, removed=removed, kinds=kinds, timestamps=stamps)
        sig = None if sig_bytes is None else np.frombuffer(sig_bytes, dtype=np.uint64)
        if len(c.body.strip()) < min_chars or boilerplate.word_count(c.body) < min_words:
            row = _log_row(c.source_file, "skipped", "too_short", line_number=c.line_number,
                           source_id=c.source_id, removed=c.removed)
            writer.add_log(row, _log_order(row), 1)
            continue
        h = dedup.content_hash(c.body)
        try:
            article, flags = build_article(c, "a" + h[:15], today)  # dedup.article_id(c.body)
        except Exception:  # never let one odd text stop the run; its row says so
            row = _log_row(c.source_file, "skipped", "read_error", line_number=c.line_number,
                           source_id=c.source_id, removed=c.removed)
            writer.add_log(row, _log_order(row), 2)
            continue
        match = index.add(c.body, h, sig)
        aid = article["article_id"]
        if match is None:
            kept_at.append(index.count - 1)
            kept_id.append(int(aid[1:], 16))
            writer.add_article(article)
            row = _log_row(c.source_file, "accepted", reason_text(flags, c.kinds),
                           line_number=c.line_number, source_id=c.source_id,
                           article_id=aid, removed=c.removed)
        else:
            flags = [f"{match.kind}_duplicate", *flags]
            row = _log_row(c.source_file, "duplicate", reason_text(flags, c.kinds),
                           line_number=c.line_number, source_id=c.source_id,
                           duplicate_of=f"a{kept_id[bisect.bisect_left(kept_at, match.kept)]:015x}",
                           removed=c.removed)
        writer.add_log(row, _log_order(row), 3)


def ingest(
    raw_dir: Path,
    today: datetime.date | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    min_chars: int = MIN_CHARS,
    min_words: int = MIN_WORDS,
) -> tuple[list[dict], list[dict]]:
    """Articles and ingest log of a raw folder (see the module docstring and the reasons CSV).

    Articles are sorted by article_id and have exactly the `articles` fields; the log has one
    row per file and per JSONL line / Parquet row, sorted by source file (lines and rows in
    order), with exactly the `ingest_log` fields. `today` bounds publication dates (default:
    today). Runs `ingest_stream` on a temporary store and returns its rows as lists, for
    callers and tests that want everything at once.
    """
    with tempfile.TemporaryDirectory(prefix="ingest-") as tmp:
        result = ingest_stream(raw_dir, Path(tmp) / "ingest.sqlite", today, max_bytes=max_bytes,
                               min_chars=min_chars, min_words=min_words)
        try:
            articles = [a for chunk in result.iter_articles(10_000) for a in chunk]
            log = [r for chunk in result.iter_log(10_000) for r in chunk]
        finally:
            result.close()
    return articles, log


def _log_order(row: dict) -> tuple[str, int]:
    if row["line_number"] is not None:
        return row["source_file"].rsplit(":", 1)[0], row["line_number"]
    return row["source_file"], 0


def build_article(c: Candidate, aid: str, today: datetime.date) -> tuple[dict, list[str]]:
    """The `articles` row of a cleaned candidate, and its flags (date, language, metadata)."""
    flags = list(c.flags)
    dateline = boilerplate.parse_dateline(c.body)
    published, problem = parse_date(c.published, today)
    if problem:
        flags.append(problem)
    # Fall back to dates written in the article itself, only when they carry a year.
    stamps = [date_in_line(line) for line in c.timestamps]
    for fallback in ((dateline.date_text if dateline else None), *stamps, url_date(c.url)):
        if published is None and fallback and re.search(r"\d{4}", fallback):
            published, problem = parse_date(fallback, today)
            if problem:
                flags.append(problem)
    if published is None and c.line_number is None:
        named = name_date(c.source_file, dateline.date_text if dateline else None)
        if named:
            published, problem = parse_date(named, today)
            if problem:
                flags.append(problem)
    language = language_from_metadata(c.language)
    if c.language is not None and language is None:
        flags.append("field_invalid")
    language = language or detect_language(c.body)
    if language != "en":
        flags.append("not_english")
    source_name = c.source_name or (dateline.agency if dateline else None)
    article = {
        "article_id": aid,
        "source_id": c.source_id,
        "source_file": c.source_file,
        "title": c.title or None,
        "body_text": c.body,
        "url": c.url,
        "source_name": source_name,
        "published_date": published,
        "dateline_place": dateline.place if dateline else None,
        "language_code": language,
        "word_count": boilerplate.word_count(c.body),
        "removed_char_count": c.removed,
    }
    return article, sorted(set(flags), key=flags.index)
