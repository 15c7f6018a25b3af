"""The codebook page, rendered from the very data files the extractors read.

The lexicons and crosswalks in `pipeline/data/` are the coding rules; showing them verbatim
(every column that exists, whatever its name) means the codebook cannot drift from what the
code does. Where a file is not there yet, the schema's allowed values stand in.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from pipeline import schemas
from pipeline.gazetteer import read_csv_rows
from pipeline.site_text import fmt_int, md_code, md_prose, md_table, md_text

DATA_DIR = Path(__file__).parent / "data"

# Files shown in full, in this order: (file, heading, why a reader cares).
KNOWN_FILES = [
    ("event_types.csv", "Event types and crosswalks",
     "Each PLOVER event type with its quad class and the CAMEO root code and ACLED event type "
     "it is mapped to. These mappings fill `quad_class`, `cameo_root` and `acled_event_type` "
     "in the events table."),
    ("events_modes.csv", "Event modes",
     "The PLOVER modes that refine an event type (`event_mode`), with the CAMEO root code and "
     "ACLED event type a mode maps to where it differs from its type's."),
    ("events_acled_sub_events.csv", "ACLED sub-event types",
     "How `acled_sub_event_type` follows from an event's ACLED type, PLOVER type and mode, "
     "doer (state or non-state), trigger word and toll: the first row that fits gives it."),
    ("event_triggers.csv", "Event triggers",
     "The words that signal an event (`trigger_text`) and the type and mode each one codes. "
     "A row with a condition (`with`, `context`, `armed_source`) applies only when the "
     "condition holds (`armed_source` `yes`: an armed doer, the state's forces included; "
     "`non-state`: an armed group, not the state's forces; `unarmed`: a known doer who bears no arms, "
     "such as students who occupy a building; a `with` word ending in a hyphen is one joined before the trigger: "
     "`test-` for \"test-fired\") and is tried before the plain row of the same lemma, the default "
     "reading. A row whose `event_type` is `-` is a reading that is no event (\"released a "
     "video\"): where it applies, the rows below it do not."),
    ("events_context_exclusions.csv", "Context exclusions",
     "Words that tell a trigger's means (\"mine\" for a landmine killing) but not when a "
     "modifier makes them something else (\"a gold mine\") or when they only modify a name "
     "(\"an Air Force convoy\")."),
    ("events_support_verbs.csv", "Support verbs",
     "Verbs whose object or complement is the real event (\"launched an offensive\")."),
    ("events_modality.csv", "Modality words",
     "Words that make an event threatened, planned or denied rather than reported as "
     "happened; they set `is_hypothetical` and `is_negated` or change the event type."),
    ("events_words.csv", "Event word lists",
     "Smaller word lists the event coder reads: weapons, toll verbs, words that make an event "
     "noun a pattern rather than an act, and the like, each with what it does."),
    ("sectors.csv", "Sector codes",
     "The sector codes of `actors.sector_code`."),
    ("actors.csv", "Actor lexicon",
     "Named actors that are recognised by name or alias, with their codes. `governs_from` "
     "gives the day a group took over its country's state: in articles published since, "
     "its name before a state body's noun (\"Taliban police\") codes that body of the state."),
    ("actors_titles.csv", "Titles",
     "Titles and roles that code a person's sector (\"President\", \"General\")."),
    ("actors_org_words.csv", "Organisation words",
     "Words in an organisation's name that code its sector (\"ministry\", \"army\")."),
    ("agents.csv", "Generic agents",
     "Common nouns that name an actor by its sector (\"troops\", \"protesters\")."),
    ("actors_outsiders.csv", "Agents of another country",
     "Generic agents whose people, met in one country, belong to another (\"settlers\" in "
     "the West Bank are Israel's): their `country_code` is that other country."),
    ("ingest_reasons.csv", "Ingest reasons",
     "Every value of `ingest_log.reason`, with the status it goes with and what it means."),
]
ENUM_SECTIONS = [
    ("quad_class", "Quad classes"),
    ("date_precision", "Date precision levels"),
    ("acled_event_type", "ACLED event types"),
    ("acled_sub_event_type", "ACLED sub-event types"),
    ("actor_kind", "Actor kinds"),
    ("mention_kind", "Place mention kinds"),
    ("status", "Ingest status"),
]
MAX_ROWS = 2000  # a lexicon longer than this is summarised, not printed


def render_codebook(data_dir: Path = DATA_DIR) -> str:
    """Markdown body of the codebook page."""
    out: list[str] = []
    for name, heading, why in KNOWN_FILES:
        path = data_dir / name
        if path.is_file():
            out.append(_csv_section(path, heading, why))
        elif name == "event_types.csv":
            out.append(_enum_section("event_type", "Event types and crosswalks",
                                     "The PLOVER event types (the crosswalk file "
                                     "`pipeline/data/event_types.csv` is not available in "
                                     "this build)."))
    for field, heading in ENUM_SECTIONS:
        out.append(_enum_section(field, heading, md_prose(schemas.fields()[field]["description"])))
    out.append(_other_files(data_dir))
    return "\n".join(s for s in out if s)


def _csv_section(path: Path, heading: str, why: str) -> str:
    """A data file as a table, every column as it is in the file."""
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f), [])
    df = pd.DataFrame(read_csv_rows(path), columns=header, dtype=str)  # without comment rows
    lines = [f"## {heading}\n", f"{why} Source: `pipeline/data/{path.name}` "
             f"({fmt_int(len(df))} rows).\n"]
    if len(df) > MAX_ROWS:
        lines.append("The file is too long to show here; read it in the repository.\n")
        return "\n".join(lines)
    header = [md_code(c) for c in df.columns]
    rows = [[md_text(v) for v in rec] for rec in df.itertuples(index=False)]
    lines.append(md_table(header, rows))
    return "\n".join(lines)


def _enum_section(field: str, heading: str, why: str) -> str:
    """The allowed values of a schema field with their meanings."""
    enum = schemas.fields()[field].get("enum") or {}
    rows = [[md_code(v), md_prose(m)] for v, m in enum.items()]
    users = [t for t, s in schemas.tables().items() if field in s["fields"]]
    where = ", ".join(f"`{t}.{field}`" for t in users)
    return "\n".join([f"## {heading}\n", f"{why} Used in {where}.\n",
                      md_table(["Value", "Meaning"], rows)])


def _other_files(data_dir: Path) -> str:
    """The remaining lexicons, listed (not printed) so a reader knows they exist."""
    known = {n for n, _, _ in KNOWN_FILES}
    others = sorted(p for p in data_dir.rglob("*.csv") if p.name not in known) \
        if data_dir.is_dir() else []
    if not others:
        return ""
    rows = []
    for p in others:
        with p.open(encoding="utf-8") as fh:
            header = fh.readline().strip()
            n = sum(1 for _ in fh)
        rows.append([md_code(p.relative_to(data_dir).as_posix()), fmt_int(n), md_text(header)])
    return "\n".join(["## Other lexicons\n",
                      "Further data files the extractors read (country names and demonyms, "
                      "gazetteer additions and the like), with their columns:\n",
                      md_table(["File in `pipeline/data/`", "Rows", "Columns"], rows,
                               ["l", "r", "l"])])
