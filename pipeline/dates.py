"""Dates: find a date expression in a sentence and resolve it against the publication date.

`resolve_date(text, published)` returns a `ResolvedDate` (a tuple): (date, precision, date_text,
is_background). Rules, in the spirit of news writing:

- absolute dates ("18 February 2022", "February 18, 2022", "2022-02-18") resolve with or without
  a publication date; "February 2022" is month precision, a bare year ("in 2014") year precision;
- relative expressions ("Friday", "yesterday", "last week", "in July", "on 3 March") need the
  publication date; without it the date is None, precision "unknown", and date_text is kept.
  Nothing is ever invented;
- a weekday means the most recent such day on or before publication ("next Friday", "Tuesday
  next week" and "a strike for Friday" look forward); a month without a year is the latest
  such month not after publication; a day and month without a year ("on Feb. 23") is the
  nearest such day up to a month ahead of publication, else last year's, also after its
  weekday ("Sunday, October 27" is that day, not the latest Sunday); "in March last
  year" is March of the year before publication ("this year", "next year" likewise);
- "last week"/"this week"/"next week" have no day: precision "week", dated by that week's
  Monday ("next month", "next year": the first day of that month or year); "over the weekend"
  is the last weekend up to publication, dated by its week's Monday;
- "three days ago" counts days back from publication; "two weeks ago" is that week (precision
  "week", its Monday), "a month ago" that month, "two years ago" that year;
- "the following day", "two days later", "the day before" count from the day of the event told
  just before (`anchor`); without such a day they stay unresolved; "two weeks later" counts
  the same way to a week, precision "week" (its Monday);
- "that month", "later that day", "the same year" are the period of the date the text told last
  (`anchor`, which the caller gives): to the day, week, month or year the words say;
- a span of days ("between 1 and 3 May 2022", "3-4 March") has no one day: a span of up to a
  week is dated by its first day, precision "week" (as ACLED's time precision 2), a longer one
  to its month, precision "month"; a span of months ("between January and March") to its
  first month, precision "month";
- "since 2014", "for years", "in recent years", "in the early 1990s" mark background
  (is_background=True): the event is a long-running state, not a dated occurrence.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_PATTERNS: list[tuple[str, re.Pattern]] = [
    # "have killed 220 people since May 2023", "since 3 May": a state lasting till now, not a date
    ("since", re.compile(r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?" + _MON2
                         + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?\b", re.I)),
    # "the night of 3 to 4 March 2024": an overnight event, dated by the evening it began
    ("night", re.compile(r"\b(?:the\s+)?night\s+of\s+(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|into|and)\s*"
                         r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?:,?\s+(?P<y>\d{4}))?\b", re.I)),
    # "Sunday, October 27", "on Friday, 14 March 2025": a weekday with the day it names, which
    # dates the act (the weekday alone would be read as the latest such day)
    ("wddate", re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                          r"(?:\s+(?i:morning|afternoon|evening|night))?,?\s+"
                          r"(?P<rest>(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"|"
                          + _MON2 + r"\s+\d{1,2}(?:st|nd|rd|th)?\b)(?:,?\s+\d{4})?)")),
    # "25/03/2023", "3/25/2023": read only when the day cannot be the month (over 12)
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d{2})\b")),
    # "between January and March", "from March 2022 to June 2023": a span of months, dated by
    # its first month
    ("months", re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+" + _MON + r"(?:,?\s+(?P<y0>\d{4}))?\s+(?:and|to|until|through)\s+"
                          + _MON2 + r"(?:,?\s+(?P<y>\d{4}))?\b")),
    ("range", re.compile(r"\b(?:[Bb]etween\s+|[Ff]rom\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?:,?\s+(?P<y>\d{4}))?\b")),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+(?P<y>\d{4})\b")),
    ("mdy", re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b")),
    ("my", re.compile(r"\b" + _MON + r",?\s+(?P<y>\d{4})\b")),
    # "in March last year", "early June of this year": the month of the year named relative to
    # publication (not "since March last year", a running count)
    ("monrel", re.compile(r"(?<![Ss]ince\s)\b(?:(?i:in|during|by)\s+)?(?:(?i:early|late|mid)(?:-|\s+))?" + _MON
                          + r"\s+(?:(?i:of)\s+)?(?P<which>(?i:last|this|next))\s+(?i:year)\b")),
    ("dm", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"\b")),
    ("md", re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d{4})")),
    ("since", re.compile(r"\b(?:since|for)\s+(?:(?:early|late|mid-?)\s*)?(?P<what>\d{4}|" + _MON2 + r"|years|decades|months)\b", re.I)),
    ("background", re.compile(r"\b(?:in|over)\s+recent\s+(?:years|months|decades)\b", re.I)),
    # "since the beginning of the month", "since the start of the year", "since the outbreak of
    # the war": a running count or state, not an occurrence
    ("since", re.compile(r"\bsince\s+the\s+(?:beginning|start|outbreak|onset)\s+of\s+(?:the\s+|this\s+)?"
                         r"(?P<what>month|year|week|war|conflict|fighting|crisis|offensive|campaign|invasion|"
                         r"uprising|insurgency|" + _MON2 + r")\b", re.I)),
    # "have been fighting for more than five decades": a long-running state, not an occurrence
    ("background", re.compile(r"(?<=been\s)\w+ing\s+for\s+(?:(?:more\s+than|over|nearly|almost|about|some)\s+)?"
                              r"(?:the\s+(?:past|last)\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|"
                              r"ten|several|many|\d+)?\s*(?:decades?|years?)\b", re.I)),
    # "in the early 1990s", "during the 1980s": a decade is a stretch of history, not a date
    ("background", re.compile(r"\b(?:in|during|through|throughout|since)\s+the\s+(?:(?:early|late|mid-?)\s*)?"
                              r"(?:1[89]|20)\d0s\b(?!-)", re.I)),
    # "in the first three months of the year", "over the past six weeks", "so far this year":
    # a count over a stretch of time (a tally of many acts), not the day of one
    ("background", re.compile(r"\b(?:(?:in|during|over|across|throughout)\s+the\s+(?:first|past|last|previous)\s+"
                              r"(?:(?:few|several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+)?"
                              r"(?:weeks|months|years|quarters)|(?:in|during)\s+the\s+first\s+(?:half|quarter)\s+of\s+"
                              r"(?:the|this|last)\s+year|so\s+far\s+(?:this\s+year|in\s+\d{4}))\b", re.I)),
    # "that month", "later that day", "the same year": the period of the date told just before
    ("that", re.compile(r"\b(?:(?:later|earlier)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<unit>day|night|morning|afternoon|"
                        r"evening|week|month|year)\b", re.I)),
    ("after", re.compile(r"\b(?:(?:the\s+)?(?P<dir>following|next|previous|preceding)\s+(?:day|morning|evening|night)|"
                         r"(?P<n>a|one|two|three|four|five|six|seven|\d)\s+(?P<unit>days?|weeks?)\s+(?P<dir2>later|earlier|before|after)|"
                         r"the\s+day\s+(?P<dir3>before|after))\b", re.I)),
    # "two weeks ago", "three days ago", "a year ago": counted back from the publication day
    ("ago", re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                       r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I)),
    # "overnight into Sunday", "overnight Friday": the weekday the night is named by
    ("wd", re.compile(r"\b(?i:overnight)\s+(?:(?i:into|to|on)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                      r"Sunday)\b")),
    ("rel", re.compile(r"\b(?P<rel>today|tonight|yesterday|this (?:morning|afternoon|evening)|last night|overnight)\b", re.I)),
    # "Tuesday next week": that day of the coming week
    ("wdnext", re.compile(r"\b(?:(?i:on)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"
                          r"(?i:next\s+week)\b")),
    ("week", re.compile(r"\b(?P<which>last|this|past|previous|next|coming)\s+(?P<unit>week|weekend|month|year)\b", re.I)),
    # "over the weekend": the last weekend up to publication
    ("weekend", re.compile(r"\b(?:over|during|at|on)\s+the\s+weekend\b", re.I)),
    # ("a strike for Friday": the day it is called for, still to come; not "for Friday's attack")
    # (and "starting Wednesday", "beginning Monday": a day from which something will run)
    ("wdfor", re.compile(r"\b(?i:for|starting|beginning)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                         r"\b(?!'s|’s)")),
    # (with the part of the day it may carry: "Sunday night", which is the phrase that dates the
    # act where "Sunday" alone reads as a modifier of "night")
    ("wd", re.compile(r"\b(?:(?P<dir>(?i:last|next|this|on))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                      r"(?:\s+(?i:morning|afternoon|evening|night)\b)?")),
    # "last November": the latest such month before the one of publication
    ("lastmon", re.compile(r"\b(?i:last)\s+" + _MON + r"\b(?!\s+\d)")),
    # "in May", "during early June", "in mid-July", "late August"
    ("inmon", re.compile(r"\b(?i:(?:in|during|since)\s+(?:(?:early|late|mid)(?:-|\s+))?|(?:early|late)\s+|mid-)"
                         + _MON + r"\b(?!\s+\d)")),
    # (also the year of a named occasion: "took power in a 2020 coup", "during the 2014 war")
    ("year", re.compile(r"\b(?i:in|during|by|of)\s+(?:(?:a|an|the)\s+)?"
                        r"(?:(?i:early|late|mid-?)\s*)?(?P<y>(?:19|20)\d{2})\b")),
]


class ResolvedDate(NamedTuple):
    """(event_date, date_precision, date_text, is_background)."""

    date: dt.date | None
    precision: str
    text: str | None
    is_background: bool = False


UNKNOWN = ResolvedDate(None, "unknown", None, False)


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """All non-overlapping date expressions in `text`: (start, end, kind), sorted by start.

    Earlier patterns (more specific) win over later ones on overlap."""
    taken: list[tuple[int, int, str]] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            if kind == "inmon" and m.group("mon").lower() == "may" \
                    and not text[m.start():m.end()].lower().startswith(("in ", "during ", "since ", "mid-")):
                continue
            s, e = m.span()
            if any(s < te and ts < e for ts, te, _ in taken):
                continue
            if kind == "wddate":   # (the whole phrase, read as the date it gives)
                kind = next((k for k in ("dmy", "mdy", "dm") if dict(_PATTERNS)[k].search(m.group("rest"))), "md")
            taken.append((s, e, kind))
    return sorted(taken)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# How far after publication a day named without its year may lie: "the election on Feb. 23",
# in a story of Feb. 15, is eight days away, not a year back (a day further ahead is last year's).
FUTURE_GRACE_DAYS = 31


def _nearest_year(anchor: dt.date, published: dt.date, make) -> dt.date | None:
    """The date `make(year)` nearest the story's day `anchor`, of the anchor's year or the one
    before or after, and not more than FUTURE_GRACE_DAYS after publication."""
    cands = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
             if (d := make(y)) is not None and d <= published + dt.timedelta(days=FUTURE_GRACE_DAYS)]
    return min(cands, key=lambda d: (abs((d - anchor).days), d)) if cands else None


def _latest_month(mon: int, published: dt.date) -> dt.date:
    year = published.year if mon <= published.month else published.year - 1
    return dt.date(year, mon, 1)


# Days of a span dated by its first day with precision "week" (a longer one: its month).
WEEK_DAYS = 7
DAY_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# ... and the counts of "ago" ("eleven months ago")
AGO_COUNTS = {**DAY_COUNTS, "an": 1, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def resolve_expression(expr: str, kind: str, published: dt.date | None,
                       anchor: dt.date | None = None) -> ResolvedDate:
    """Resolve one expression found by `find_date_expressions` (kind is its pattern name).

    `anchor` is the day of the event told just before, which "the following day" and "two
    days later" count from; without one they are left unresolved (precision "unknown").
    """
    pat = dict(_PATTERNS)[kind]
    if kind in ("since", "background"):
        return ResolvedDate(None, "unknown", expr, True)   # two patterns share each of these kinds
    m = pat.search(expr)
    if m is None:
        return ResolvedDate(None, "unknown", expr)
    g = m.groupdict()
    if kind == "after":
        if anchor is None:
            return ResolvedDate(None, "unknown", expr)
        way = (g["dir"] or g["dir2"] or g["dir3"]).lower()
        n = 1 if g["dir"] or g["dir3"] else DAY_COUNTS.get(g["n"].lower(), int(g["n"]) if g["n"].isdigit() else 1)
        back = way in ("previous", "preceding", "earlier", "before")
        if (g["unit"] or "").lower().startswith("week"):
            # "two weeks later": a day the text does not give, in the week it points to (dated,
            # like "last week", by that week's Monday)
            day = anchor + dt.timedelta(days=-7 * n if back else 7 * n)
            return ResolvedDate(day - dt.timedelta(days=day.weekday()), "week", expr)
        return ResolvedDate(anchor + dt.timedelta(days=-n if back else n), "day", expr)
    if kind == "that":
        # `anchor` is then the date the text told last (see events.find_events)
        if anchor is None:
            return ResolvedDate(None, "unknown", expr)
        unit = g["unit"].lower()
        if unit == "week":
            return ResolvedDate(anchor - dt.timedelta(days=anchor.weekday()), "week", expr)
        if unit == "month":
            return ResolvedDate(anchor.replace(day=1), "month", expr)
        if unit == "year":
            return ResolvedDate(anchor.replace(month=1, day=1), "year", expr)
        return ResolvedDate(anchor, "day", expr)
    if kind in ("iso", "dmy", "mdy"):
        mon = int(g["m"]) if kind == "iso" else _mon(g["mon"])
        d = _safe_date(int(g["y"]), mon, int(g["d"]))
        return ResolvedDate(d, "day" if d else "unknown", expr)
    if kind == "night":
        d1, d2 = int(g["d1"]), int(g["d"])
        year = int(g["y"]) if g["y"] else (_latest_month(_mon(g["mon"]), published).year if published else None)
        start = _safe_date(year, _mon(g["mon"]), d1) if year is not None and d2 == d1 + 1 else None
        if start is not None:
            return ResolvedDate(start, "day", expr)
        kind = "range"
        m = dict(_PATTERNS)["range"].search(expr)
        if m is None:
            return ResolvedDate(None, "unknown", expr)
        g = m.groupdict()
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        if (a > 12) == (b > 12):   # 03/04/2023: March or April, the text does not say; the year it does
            return ResolvedDate(dt.date(int(g["y"]), 1, 1), "year", expr)
        d, mon = (a, b) if a > 12 else (b, a)
        day = _safe_date(int(g["y"]), mon, d)
        return ResolvedDate(day, "day" if day else "unknown", expr)
    if kind == "range":
        # "between 1 and 3 May 2022", "3-4 March": no single day is the date; a span of a week
        # at most is dated by its first day, a longer one by its month
        if g["y"]:
            month = dt.date(int(g["y"]), _mon(g["mon"]), 1)
        elif published is None:
            return ResolvedDate(None, "unknown", expr)
        else:
            month = _latest_month(_mon(g["mon"]), published)
        d1, d2 = int(g["d1"]), int(g["d"])
        first = _safe_date(month.year, month.month, d1)
        if first is not None and _safe_date(month.year, month.month, d2) is not None and 0 < d2 - d1 < WEEK_DAYS:
            return ResolvedDate(first, "week", expr)
        return ResolvedDate(month, "month", expr)
    if kind == "months":
        m1, m2 = _mon(g["mon"]), _mon(g["mon2"])
        if g["y0"]:
            return ResolvedDate(dt.date(int(g["y0"]), m1, 1), "month", expr)
        if g["y"]:
            end = dt.date(int(g["y"]), m2, 1)
        elif published is None:
            return ResolvedDate(None, "unknown", expr)
        else:
            end = _latest_month(m2, published)
        return ResolvedDate(dt.date(end.year if m1 <= m2 else end.year - 1, m1, 1), "month", expr)
    if kind == "my":
        return ResolvedDate(dt.date(int(g["y"]), _mon(g["mon"]), 1), "month", expr)
    if kind == "year":
        return ResolvedDate(dt.date(int(g["y"]), 1, 1), "year", expr)
    if published is None:
        return ResolvedDate(None, "unknown", expr)
    if kind == "monrel":
        year = published.year + {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
        return ResolvedDate(dt.date(year, _mon(g["mon"]), 1), "month", expr)
    if kind in ("dm", "md"):
        mon, day = _mon(g["mon"]), int(g["d"])
        if anchor is not None:
            # "On 2 July 2023 ... released on 5 July": the year of the story's day, not of the
            # publication (an ACLED note may be published long after)
            cand = _nearest_year(anchor, published, lambda y: _safe_date(y, mon, day))
            if cand is not None:
                return ResolvedDate(cand, "day", expr)
        year = published.year
        cand = _safe_date(year, mon, day)
        if cand and cand > published + dt.timedelta(days=FUTURE_GRACE_DAYS):
            cand = _safe_date(year - 1, mon, day)
        return ResolvedDate(cand, "day" if cand else "unknown", expr)
    if kind == "lastmon":
        mon = _mon(g["mon"])
        if published is None:
            return ResolvedDate(None, "unknown", expr)
        return ResolvedDate(dt.date(published.year if mon < published.month else published.year - 1, mon, 1),
                            "month", expr)
    if kind == "inmon":
        mon = _mon(g["mon"])
        if anchor is not None:
            cand = _nearest_year(anchor, published, lambda y: dt.date(y, mon, 1))
            if cand is not None:
                return ResolvedDate(cand, "month", expr)
        return ResolvedDate(_latest_month(mon, published), "month", expr)
    if kind == "ago":
        word = g["n"].lower()
        n, unit = (int(word) if word.isdigit() else AGO_COUNTS[word]), g["unit"].lower()
        if unit.startswith("day"):
            return ResolvedDate(published - dt.timedelta(days=n), "day", expr)
        if unit.startswith("week"):   # a day in that week, dated like "last week" by its Monday
            day = published - dt.timedelta(days=7 * n)
            return ResolvedDate(day - dt.timedelta(days=day.weekday()), "week", expr)
        if unit.startswith("month"):
            months = published.year * 12 + published.month - 1 - n
            return ResolvedDate(dt.date(months // 12, months % 12 + 1, 1), "month", expr)
        return ResolvedDate(dt.date(published.year - n, 1, 1), "year", expr)
    if kind == "rel":
        rel = g["rel"].lower()
        back = 1 if rel in ("yesterday", "last night", "overnight") else 0
        return ResolvedDate(published - dt.timedelta(days=back), "day", expr)
    if kind == "week":
        which, unit = g["which"].lower(), g["unit"].lower()
        past = which in ("last", "past", "previous")
        step = -1 if past else 1 if which in ("next", "coming") else 0
        if unit in ("week", "weekend"):
            ref = published + dt.timedelta(days=7 * step)
            monday = ref - dt.timedelta(days=ref.weekday())
            return ResolvedDate(monday, "week", expr)
        if unit == "month":
            first = published.replace(day=1)
            if step < 0:
                first = (first - dt.timedelta(days=1)).replace(day=1)
            elif step > 0:
                first = (first + dt.timedelta(days=32)).replace(day=1)
            return ResolvedDate(first, "month", expr)
        return ResolvedDate(dt.date(published.year + step, 1, 1), "year", expr)
    if kind == "weekend":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        return ResolvedDate(saturday - dt.timedelta(days=5), "week", expr)
    if kind == "wdnext":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=7)
        return ResolvedDate(monday + dt.timedelta(days=WEEKDAYS[g["wd"].lower()]), "day", expr)
    if kind == "wdfor":
        wd = WEEKDAYS[g["wd"].lower()]
        return ResolvedDate(published + dt.timedelta(days=(wd - published.weekday()) % 7), "day", expr)
    if kind == "wd":
        wd = WEEKDAYS[g["wd"].lower()]
        if (g.get("dir") or "").lower() == "next":
            delta = (wd - published.weekday()) % 7 or 7
            return ResolvedDate(published + dt.timedelta(days=delta), "day", expr)
        delta = (published.weekday() - wd) % 7
        if (g.get("dir") or "").lower() == "last" and delta == 0:
            delta = 7
        return ResolvedDate(published - dt.timedelta(days=delta), "day", expr)
    return ResolvedDate(None, "unknown", expr)


def _mon(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key, MONTHS.get(key[:3], 0))


def resolve_date(text: str, published: dt.date | None) -> ResolvedDate:
    """Resolve the first date expression in `text` (a sentence or just the expression).

    Returns (date, precision, date_text, is_background); `UNKNOWN` when there is none.
    """
    found = find_date_expressions(text)
    if not found:
        return UNKNOWN
    s, e, kind = found[0]
    return resolve_expression(text[s:e], kind, published)
