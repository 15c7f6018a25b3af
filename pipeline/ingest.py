"""Ingest: a folder of raw news files in, `articles` and `ingest_log` rows out.

Every file under the raw folder (and every line of a JSONL file) gets exactly one log row:
accepted, duplicate or skipped with a reason from `pipeline/data/ingest_reasons.csv`. Nothing
in the input can stop the run: each file is read, decoded and parsed on its own, and a broken
one is logged and passed over.

Steps: walk the folder (sorted, symlinks never followed) -> read and decode each input into a
candidate (title, body, metadata) -> remove boilerplate per article, then lines that repeat
at the edges of many stories -> minimum length -> dateline, date and language -> exact and
near duplicates (the first by source file is kept) -> rows sorted by id / source file.
"""
from __future__ import annotations

import datetime
import email.utils
import functools
import gzip
import json
import logging
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from pipeline import boilerplate, dedup

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MIN_CHARS = 10
MIN_WORDS = 3
ARTICLE_EXTS = (".txt", ".jsonl", ".html", ".htm")
NOT_ARTICLE_STEMS = ("readme", "license", "licence", "changelog", "notice", "copying", "thumbs")

ARTICLE_FIELDS = (
    "article_id", "source_id", "source_file", "title", "body_text", "url", "source_name",
    "published_date", "dateline_place", "language_code", "word_count", "removed_char_count",
)
LOG_FIELDS = (
    "source_file", "line_number", "source_id", "status", "reason", "article_id",
    "duplicate_of", "removed_char_count",
)
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


def collect(raw_dir: Path, max_bytes: int) -> tuple[list[Candidate], list[dict]]:
    """Read every input under raw_dir: article candidates and log rows of skipped inputs."""
    entries = walk(raw_dir)
    names = {rel for rel, _, kind in entries if kind == "file"}
    candidates: list[Candidate] = []
    log: list[dict] = []
    for rel, path, kind in entries:
        name = Path(rel).name
        stem, ext, gz = split_name(name)
        if kind != "file":
            reason = {"symlink": "symlink", "hidden_dir": "not_an_article"}.get(kind, "not_a_regular_file")
            log.append(_log_row(rel, "skipped", reason))
            continue
        folder = rel[: len(rel) - len(name)]
        if ext == ".json" and not gz:
            if f"{folder}{stem}.txt" in names or f"{folder}{stem}.txt.gz" in names:
                continue  # a sidecar: read with its article, not logged on its own
            log.append(_log_row(rel, "skipped", "orphan_sidecar"))
            continue
        if name.startswith(".") or stem.lower().split(".")[0] in NOT_ARTICLE_STEMS:
            log.append(_log_row(rel, "skipped", "not_an_article"))
            continue
        if ext not in ARTICLE_EXTS:
            log.append(_log_row(rel, "skipped", "unsupported_format"))
            continue
        try:
            if ext == ".jsonl":
                candidates_, rows = read_jsonl(rel, path, gz, max_bytes)
                candidates += candidates_
                log += rows
                continue
            if ext == ".txt":
                sidecar = path.with_name(stem + ".json")
                has_sidecar = f"{folder}{stem}.json" in names
                candidates.append(read_text_file(rel, path, gz, sidecar if has_sidecar else None, max_bytes))
            else:
                candidates.append(read_html_file(rel, path, gz, max_bytes))
        except Skip as skip:
            log.append(_log_row(rel, "skipped", str(skip)))
        except Exception:  # the last line of defence: one odd file never stops ingest
            log.append(_log_row(rel, "skipped", "read_error"))
    return candidates, log


def read_jsonl(rel: str, path: Path, gz: bool, max_bytes: int) -> tuple[list[Candidate], list[dict]]:
    """Candidates and skip rows of a JSONL file, one per line; a broken line affects itself."""
    candidates: list[Candidate] = []
    log: list[dict] = []
    lines = 0
    try:
        opener = gzip.open if gz else open
        with opener(path, "rb") as fh:
            for number, raw in iter_lines(fh, max_bytes):
                lines = number
                try:
                    if raw is None:
                        raise Skip("too_large")
                    candidates.append(record_candidate(rel, number, raw))
                except Skip as skip:
                    log.append(_log_row(f"{rel}:{number}", "skipped", str(skip), line_number=number))
                except Exception:
                    log.append(_log_row(f"{rel}:{number}", "skipped", "read_error", line_number=number))
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError):
        # Lines read so far keep their rows; the file row accounts for the unreadable rest.
        log.append(_log_row(rel, "skipped", "decompress_error" if gz else "read_error"))
        return candidates, log
    if lines == 0:
        log.append(_log_row(rel, "skipped", "empty_file"))
    return candidates, log


def clean(candidates: list[Candidate], cache: dict | None = None) -> list[Candidate]:
    """Boilerplate removal: per article first, then edge lines repeated across many stories.

    `cache` (content hash -> MinHash signature) is shared with the final duplicate pass."""
    out = []
    for c in candidates:
        cl = boilerplate.strip_boilerplate(c.body, c.title, record=c.line_number is not None)
        out.append(replace(c, body=cl.body, removed=cl.removed_char_count, kinds=cl.kinds,
                           timestamps=cl.timestamps))
    reps = dedup.cluster_representatives([c.body for c in out], cache=cache)
    edges = [boilerplate.edge_lines(c.body) for c in out]
    repeated = boilerplate.repeated_lines(edges[i] for i in range(len(out)) if reps[i] == i)
    if not repeated:
        return out
    for n, c in enumerate(out):
        if not any(line in repeated for line in edges[n]):
            continue
        original = candidates[n]
        cl = boilerplate.strip_boilerplate(
            original.body, original.title, repeated, record=original.line_number is not None
        )
        out[n] = replace(c, body=cl.body, removed=cl.removed_char_count, kinds=cl.kinds,
                         timestamps=cl.timestamps)
    return out


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
    row per file and per JSONL line, sorted by source file (JSONL lines in line order), with
    exactly the `ingest_log` fields. `today` bounds publication dates (default: today).
    """
    # Load
    today = today or datetime.date.today()
    raw_dir = Path(raw_dir)
    candidates, log = collect(raw_dir, max_bytes)

    # Process
    candidates.sort(key=lambda c: c.order)
    usable: list[Candidate] = []
    cache: dict = {}
    for c in clean(candidates, cache):
        if len(c.body.strip()) < min_chars or boilerplate.word_count(c.body) < min_words:
            log.append(_log_row(c.source_file, "skipped", "too_short", line_number=c.line_number,
                                source_id=c.source_id, removed=c.removed))
        else:
            usable.append(c)
    built: list[tuple[Candidate, dict, list[str]]] = []
    for c in usable:
        try:
            built.append((c, *build_article(c, dedup.article_id(c.body), today)))
        except Exception:  # never let one odd text stop the run; its row says so
            log.append(_log_row(c.source_file, "skipped", "read_error", line_number=c.line_number,
                                source_id=c.source_id, removed=c.removed))
    matches = dedup.find_duplicates([c.body for c, _, _ in built], cache=cache)
    articles: list[dict] = []
    for (c, article, flags), match in zip(built, matches):
        aid = article["article_id"]
        if match is None:
            articles.append(article)
            log.append(_log_row(c.source_file, "accepted", reason_text(flags, c.kinds),
                                line_number=c.line_number, source_id=c.source_id,
                                article_id=aid, removed=c.removed))
        else:
            flags = [f"{match.kind}_duplicate", *flags]
            log.append(_log_row(c.source_file, "duplicate", reason_text(flags, c.kinds),
                                line_number=c.line_number, source_id=c.source_id,
                                duplicate_of=built[match.kept][1]["article_id"], removed=c.removed))

    # Save (the caller writes the tables)
    articles.sort(key=lambda a: a["article_id"])
    log.sort(key=_log_order)
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
