"""Text normalisation, boilerplate removal and wire datelines, for one article at a time.

Scraped articles carry text that is not the story: the headline repeated at the top, bylines,
share and cookie lines, marked photo captions, and headlines of unrelated stories trailing the
body. Removal is decided by general signals only: a line's position (leading or trailing
edge), its length, whether it ends like a sentence, its similarity to the title, a few generic
markers ("Photo:", "Read more:"), and repetition of the same edge line across the corpus.

Offsets downstream index into the cleaned body, so removal only ever drops whole lines: a text
with nothing to remove is returned unchanged, character for character. Wire datelines
("BAGHDAD (Reuters) -") are parsed for their place, agency and date but left in the text.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import ftfy

# Order in which boilerplate kinds are reported, so reasons read the same on every run.
KINDS = (
    "repeated_title",
    "navigation",
    "byline",
    "timestamp",
    "caption",
    "advertisement",
    "share",
    "read_more",
    "subscribe",
    "cookie",
    "copyright",
    "credit",
    "teaser_headline",
    "repeated_line",
)

# Repair of mojibake and Unicode forms only: quotes, ligatures, widths and HTML entities are
# kept as written, so a clean text passes through unchanged (gold offsets rely on it).
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization="NFC",
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b]")
_HSPACE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINEBREAK = re.compile(r"\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c")
_TERMINAL = re.compile(r"[.!?:;…)\]\"'”’»]$")
_WORD = re.compile(r"\w+", re.UNICODE)


# --- normalisation ---------------------------------------------------------------------

def fix_unicode(text: str) -> str:
    """Repair mojibake and apply NFC; returns clean NFC text unchanged."""
    if text.isascii():
        return text
    try:
        return ftfy.fix_text(text, _FTFY)
    except Exception:  # ftfy is heuristic; never let it stop ingest
        return unicodedata.normalize("NFC", text)


def normalise_document(text: str) -> str:
    """Unicode repair plus layout normalisation for whole-file inputs (.txt, .html).

    Line breaks become "\\n", control characters go, runs of spaces/tabs and exotic spaces
    become one space, lines are trimmed and paragraphs are separated by exactly one blank
    line. Not applied to JSONL `text`, whose characters gold offsets may point into.
    """
    text = fix_unicode(text)
    text = _LINEBREAK.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = _HSPACE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def normalise_record_text(text: str) -> str:
    """Minimal repair for a JSONL record's text: mojibake, NFC and stray NULs only."""
    text = fix_unicode(text)
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text


def fold(text: str) -> str:
    """Case-, width- and punctuation-insensitive key of a text: lowercase word tokens."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


# --- line classifiers -------------------------------------------------------------------

_SHARE_WORDS = frozenset(
    "share shares sharing tweet facebook twitter x email e mail print whatsapp linkedin "
    "pinterest reddit telegram messenger flipboard copy link comments comment save pin this "
    "article story on via google bookmark sms".split()
)
_SHARE_STRONG = frozenset(
    "share tweet facebook twitter whatsapp linkedin pinterest reddit telegram email print".split()
)
_AD = re.compile(
    r"^(advertisement|advertising|ad|sponsored( content)?|story continues below( advertisement)?|"
    r"continue reading( (the )?(main )?story)?|skip advertisement|scroll to continue( with content)?)"
    r"\W*$",
    re.I,
)
_READ_MORE = re.compile(
    r"^\W*(read more|read also|also read|see also|more on this( story)?|related( (stories|articles|"
    r"content|coverage|news|topics|links))?|recommended( for you| stories)?|most (read|popular|viewed)|"
    r"trending( now| stories)?|you (may|might) also like|more from [\w .'-]{1,40}|"
    r"watch|listen|more stories|latest news|top stories)\s*(:|>>|»|\||$)",
    re.I,
)
_SUBSCRIBE = re.compile(
    r"^\W*(sign up|subscribe|follow (us|@\w+|[\w .'-]{1,40} on (twitter|facebook|x|instagram))|"
    r"click here|get (the latest|our newsletter)|download (the|our) app|join (us|our)|"
    r"like us on facebook)\b",
    re.I,
)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(r"\b(use|accept|consent|policy|settings|browsing|experience|agree)", re.I)
_COPYRIGHT = re.compile(r"^\W*(©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.I)
_CREDIT = re.compile(
    r"^\W*(additional )?(reporting|writing|editing|compiled|edited|produced|translated|"
    r"research) (by|from)\b|^\W*(the )?(associated press|reuters|afp|ap)( writer| correspondent)?s? "
    r"[\w ,.'-]{0,80}contributed( to)?( this)?( report| reporting)?",
    re.I,
)
_CAPTION = re.compile(
    r"^\W*(photo|image|picture|pictured|caption|file photo|photograph|image caption|"
    r"media caption|video|gallery)\s*(credit|courtesy)?\s*(:|\||—|–|-\s)|"
    r"\((ap|afp|reuters|epa|getty|xinhua|ani|pti|anadolu)( images)?( photo)?\s*/[^()]{0,80}\)\s*$|"
    r"\b(photo|photograph|image|picture)\s*(:|by|credit:?)\s*[^.]{0,80}"
    r"(getty images|reuters|ap|afp|epa|shutterstock|xinhua|anadolu)\W*$",
    re.I,
)
_TIMESTAMP = re.compile(
    r"^\W*(published|updated|posted|last updated|first published|last modified)\b\s*(on|at)?\s*[:\-]?",
    re.I,
)
_MONTH = (
    r"(?i:jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?)\.?"
)
_DATE_ONLY = re.compile(
    rf"^\W*((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?({_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    r"[\w :.,/+-]{0,30}$",
    re.I,
)
_BYLINE = re.compile(r"^\W*(by|written by|words by|from)\s+(\S+)", re.I)
_NAV_SEP = re.compile(r"\s(\||›|»|>|/|•)\s")


def _words(line: str) -> list[str]:
    return line.split()


def _is_sentence_end(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


def similar_to_title(line: str, title: str) -> bool:
    """Whether a line repeats the headline (exactly, with small edits, or with a site suffix)."""
    a, b = fold(line), fold(title)
    if not a or not b:
        return False
    if a == b:
        return True
    if a.startswith(b) and len(a) - len(b) <= 40 and not _is_sentence_end(line):
        return True
    if abs(len(a) - len(b)) > max(10, len(b) // 5):
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


def _is_share(line: str) -> bool:
    tokens = [t for t in re.split(r"[\W_]+", line.casefold()) if t]
    return (
        0 < len(tokens) <= 10
        and all(t in _SHARE_WORDS for t in tokens)
        and any(t in _SHARE_STRONG for t in tokens)
    )


def _is_byline(line: str) -> bool:
    m = _BYLINE.match(line)
    words = _words(line)
    if not m or len(words) > 12 or len(line) > 100:
        return False
    if _is_sentence_end(line) and not re.search(r"\b[A-Z]\.$", line) and not line.endswith(")"):
        return False
    rest = words[1:] if m.group(1).lower() in ("by", "from") else words[2:]
    names = [w for w in rest if w.lower() not in ("and", "&", "in", "for", "the", "of", "|", "-", "—")]
    capitalised = sum(1 for w in names if w[:1].isupper() or w[:1] == "@")
    return bool(names) and capitalised / len(names) >= 0.75


def _is_navigation(line: str) -> bool:
    return len(_NAV_SEP.findall(line)) >= 2 and len(_words(line)) <= 20 and not _is_sentence_end(line)


def _is_teaser(line: str) -> bool:
    """A short headline-like line: few words, no sentence-final punctuation."""
    words = _words(line)
    return 1 <= len(words) <= 15 and len(line) <= 120 and not _is_sentence_end(line)


def marked_kind(line: str) -> str | None:
    """Kind of a line that is boilerplate wherever it stands (generic markers only)."""
    if len(line) > 300:
        return None
    if _AD.match(line):
        return "advertisement"
    if _is_share(line):
        return "share"
    if _CAPTION.search(line) and len(_words(line)) <= 60:
        return "caption"
    if _READ_MORE.match(line) and len(_words(line)) <= 25:
        return "read_more"
    return None


def edge_kind(line: str, title: str, leading: bool, repeated: frozenset[str]) -> str | None:
    """Kind of a line that is boilerplate when it stands at the leading or trailing edge."""
    kind = marked_kind(line)
    if kind:
        return kind
    if len(line) > 400:
        return None
    n = len(_words(line))
    if leading and title and similar_to_title(line, title):
        return "repeated_title"
    if _is_navigation(line):
        return "navigation"
    if _is_byline(line):
        return "byline"
    if leading and n <= 15 and (_TIMESTAMP.match(line) or _DATE_ONLY.match(line)):
        return "timestamp"
    if n <= 30 and _SUBSCRIBE.match(line):
        return "subscribe"
    if n <= 60 and _COOKIE.search(line) and _COOKIE_CONTEXT.search(line):
        return "cookie"
    if n <= 40 and _COPYRIGHT.search(line):
        return "copyright"
    if not leading and n <= 40 and _CREDIT.search(line):
        return "credit"
    if repeated and fold(line) in repeated:
        return "repeated_line"
    return None


# --- removal ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Cleaned:
    """Result of boilerplate removal: the body, characters removed, and the kinds found."""

    body: str
    removed_char_count: int = 0
    kinds: tuple[str, ...] = field(default_factory=tuple)
    timestamps: tuple[str, ...] = field(default_factory=tuple)  # removed date lines, in order


def strip_boilerplate(
    body: str, title: str = "", repeated: frozenset[str] = frozenset(), record: bool = False
) -> Cleaned:
    """Drop boilerplate lines from a body; `repeated` holds folded corpus-repeated edge lines.

    Leading and trailing edges are peeled line by line while each line is boilerplate, and
    marked lines (captions, share bars, "Read more:") also go from the middle. Trailing
    headline-like lines are teasers only while a sentence-ending line of five or more words
    remains above them. At least one content line always stays; a body with nothing to
    remove is returned unchanged.

    `record=True` is for a record's given text (JSONL), whose offsets others may annotate:
    there only a repeated title goes from the top and only trailing lines otherwise, so every
    kept character keeps its offset unless the title was repeated.
    """
    lines = body.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2:
        return Cleaned(body)
    drop: dict[int, str] = {}

    # Leading edge.
    for i in content:
        kind = edge_kind(lines[i].strip(), title, True, repeated)
        if record and kind != "repeated_title":
            kind = None
        if kind is None:
            break
        drop[i] = kind
    # Trailing edge, including headline teasers of other stories.
    kept = [i for i in content if i not in drop]
    for pos in range(len(kept) - 1, 0, -1):
        i = kept[pos]
        line = lines[i].strip()
        kind = edge_kind(line, title, False, repeated)
        if kind is None and _is_teaser(line):
            above = [lines[j].strip() for j in kept[:pos]]
            if any(_is_sentence_end(a) and len(_words(a)) >= 5 for a in above):
                kind = "teaser_headline"
        if kind is None:
            break
        drop[i] = kind
    # Marked lines anywhere.
    for i in () if record else content:
        if i not in drop:
            kind = marked_kind(lines[i].strip())
            if kind:
                drop[i] = kind
    if len(drop) >= len(content):  # never remove everything: keep the longest line's block
        keep = max(content, key=lambda i: (len(lines[i]), -i))
        drop.pop(keep, None)
    if not drop:
        return Cleaned(body)

    first_kept = min(i for i in content if i not in drop)
    last_kept = max(i for i in content if i not in drop)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in drop:
            continue
        if i < first_kept or i > last_kept:  # blank lines around removed edges
            continue
        out.append(line)
    new = "\n".join(out)
    if any(first_kept < i < last_kept for i in drop):
        new = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", new)
    # Keep original edge whitespace where that edge had nothing removed.
    if not any(i < first_kept for i in drop):
        new = _lead_ws(body) + new
    if not any(i > last_kept for i in drop):
        new = new + _trail_ws(body)
    kinds = tuple(k for k in KINDS if k in set(drop.values()))
    stamps = tuple(lines[i].strip() for i in sorted(drop) if drop[i] == "timestamp")
    return Cleaned(new, max(0, len(body) - len(new)), kinds, stamps)


def _lead_ws(text: str) -> str:
    """Leading blank lines of a text (whitespace before the first content line's line)."""
    m = re.match(r"(?:[ \t]*\n)*", text)
    return m.group(0) if m else ""


def _trail_ws(text: str) -> str:
    m = re.search(r"(?:\n[ \t]*)*$", text)
    return m.group(0) if m else ""


def edge_lines(body: str, depth: int = 4) -> list[str]:
    """Folded non-empty lines within `depth` lines of either edge, for corpus counting."""
    content = [line.strip() for line in body.split("\n") if line.strip()]
    if len(content) < 3:
        return []
    picked = content[:depth] + content[-depth:] if len(content) > 2 * depth else content
    keys = []
    for line in picked:
        if len(_words(line)) <= 40:
            key = fold(line)
            if key:
                keys.append(key)
    return sorted(set(keys))


REPEATED_MIN_STORIES = 3  # an edge line in this many distinct stories is site furniture


def repeated_lines(
    groups: Iterable[Iterable[str]], min_stories: int = REPEATED_MIN_STORIES
) -> frozenset[str]:
    """Folded edge lines that occur in at least `min_stories` distinct stories.

    Each element of `groups` is the set of edge lines of one story (duplicates of a story
    should be passed once), so a wire story syndicated many times does not make its own last
    paragraph look like site furniture.
    """
    counts: Counter[str] = Counter()
    for lines in groups:
        counts.update(set(lines))
    return frozenset(k for k, n in counts.items() if n >= min_stories)


# --- datelines --------------------------------------------------------------------------

@dataclass(frozen=True)
class Dateline:
    """A wire dateline at the start of a body: place, agency and the date text if any."""

    place: str
    agency: str | None
    date_text: str | None
    end: int


_CAPS_PLACE = r"[A-Z][A-Z.'’\-]*(?:(?:\s+|/)[A-Z][A-Z.'’\-]*){0,3}"
_ANY_PLACE = r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}"
# (a country or region of several words, "Democratic Republic of the Congo", "Bosnia and Herzegovina")
_REGION = r"[A-Z][\w.'’\-]*(?:\s+(?:(?:of|the|and|de|du|del|da|do)\s+){0,2}[A-Z][\w.'’\-]*){0,3}"
_DL_DATE = rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?"
_DASH = r"(?:-{1,2}|–|—|:)(?=\s|$)"
_DATELINE_CAPS = re.compile(
    rf"^(?P<place>{_CAPS_PLACE})(?:,\s*(?P<region>{_REGION}))?(?:,\s*(?P<date>{_DL_DATE}))?"
    rf"\s*(?:\((?P<agency>[^()\n]{{2,40}})\))?\s*{_DASH}\s*"
)
_DATELINE_AGENCY = re.compile(
    rf"^(?P<place>{_ANY_PLACE})(?:,\s*(?P<region>{_REGION}))?(?:,\s*(?P<date>{_DL_DATE}))?"
    rf"\s*\((?P<agency>[^()\n]{{2,40}})\)\s*{_DASH}\s*"
)
# ... and the Indian agencies' style, which puts no dash after the agency but always a date:
# "Srinagar, Jun 4 (PTI) Two terrorists were killed ..."
_DATELINE_DATED_AGENCY = re.compile(
    rf"^(?P<place>{_ANY_PLACE})(?:,\s*(?P<region>{_REGION}))?,\s*(?P<date>{_DL_DATE})"
    rf"\s*\((?P<agency>[^()\n]{{2,40}})\)\s+(?=[A-Z0-9\"“])"
)
_MONTH_ONLY = re.compile(rf"^{_MONTH}$", re.I)


_PARTICLES = frozenset("de del della di da do dos das du la le les el al of on upon sur am an der den y".split())


def _title_case(place: str) -> str:
    """'NEW YORK' -> 'New York', 'ST. LOUIS' -> 'St. Louis'; mixed case stays as written."""
    if not place.isupper():
        return place
    words = place.split()
    return " ".join(
        w if w in ("US", "UK", "UN", "DC", "D.C.")
        else w.lower() if n and w.lower() in _PARTICLES
        else "-".join(p.capitalize() for p in w.split("-"))
        for n, w in enumerate(words)
    )


def parse_dateline(body: str) -> Dateline | None:
    """Find a wire dateline at the start of the body ("KYIV, Feb 24 (Example Wire) -")."""
    head = body.lstrip()[:200]
    offset = len(body) - len(body.lstrip())
    m = _DATELINE_CAPS.match(head)
    if m and not m.group("agency") and not m.group("place").replace(" ", "").isupper():
        m = None
    if m is None:
        m = _DATELINE_AGENCY.match(head) or _DATELINE_DATED_AGENCY.match(head)
    if m is None:
        return None
    place = m.group("place").strip().split("/")[0]  # "NEW DELHI/ISLAMABAD": the first place
    region = m.group("region")
    if region and _MONTH_ONLY.match(region.split()[0]):
        region = None
    # An all-caps first word that is only an acronym with no agency is too weak a signal.
    if not m.group("agency") and len(place.replace(".", "")) < 3:
        return None
    if not any(c.isalpha() for c in place):
        return None
    name = _title_case(place) + (f", {_title_case(region.strip())}" if region else "")
    agency = m.group("agency").strip() if m.group("agency") else None
    return Dateline(name, agency, m.group("date"), offset + m.end())
