"""nlp: sentence boundaries set before the parser (line breaks, datelines); lexicon acronyms kept whole."""
import pytest

from spacy.tokens import Span

from pipeline.nlp import load_model, trim_entity_space


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_a_line_break_starts_a_sentence(nlp):
    doc = nlp("Troops enter the town\nResidents flee north")
    assert [s.text.strip() for s in doc.sents] == ["Troops enter the town", "Residents flee north"]


@pytest.mark.parametrize("text, first", [
    ("MOGADISHU, Somalia (AP) — Gunmen attacked a hotel on Friday.", "MOGADISHU, Somalia (AP) —"),
    ("Lagos, June 3 (Reuters) - Gunmen attacked a bank.", "Lagos, June 3 (Reuters) -"),
    ("BAMAKO — Soldiers clashed with rebels near Gao.", "BAMAKO —"),
    ("PORT-AU-PRINCE, Oct 4 (Reuters) - Gangs attacked a town.", "PORT-AU-PRINCE, Oct 4 (Reuters) -"),
])
def test_a_dateline_is_a_sentence_of_its_own(nlp, text, first):
    assert next(iter(nlp(text).sents)).text == first


def test_a_dash_inside_an_ordinary_sentence_splits_nothing(nlp):
    doc = nlp("Militants attacked the town - and two soldiers died.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text, name", [
    ("SPLM-N fighters attacked a garrison near the border.", "SPLM-N"),
    ("Troops clashed with SPLA-IO forces (SPLA-IO) at dawn.", "SPLA-IO"),
])
def test_a_hyphenated_acronym_of_the_actor_lexicon_is_one_token_in_one_sentence(nlp, text, name):
    doc = nlp(text)
    assert name in [t.text for t in doc] and len(list(doc.sents)) == 1


def test_a_hyphen_between_other_words_still_splits(nlp):
    assert [t.text for t in nlp("a US-UK deal")] == ["a", "US", "-", "UK", "deal"]


def test_a_name_run_into_a_paragraph_break_is_trimmed_to_the_name(nlp):
    doc = nlp.make_doc("Gunmen kill 11 in Pakistan's Balochistan\n\nQUETTA")
    doc.ents = [Span(doc, 6, 8, label="ORG")]   # "Balochistan" and the break, as the model can tag it
    assert [(e.text, e.label_) for e in trim_entity_space(doc).ents] == [("Balochistan", "ORG")]
    assert "trim_entity_space" in nlp.pipe_names


@pytest.mark.parametrize("text,word,tag", [
    ("A 17-year-old was shot dead on Tuesday.", "17-year-old", "NN"),
    ("Police detained two 19-year-olds near the market.", "19-year-olds", "NNS"),
])
def test_an_age_standing_for_a_person_is_one_noun_of_persons(nlp, text, word, tag):
    tok = next(t for t in nlp(text) if t.text == word)
    assert (tok.lemma_, tok.pos_, tok.tag_) == ("person", "NOUN", tag)


def test_an_age_describing_a_noun_or_a_subject_stays_as_parsed(nlp):
    doc = nlp("A 20-year-old man was arrested. He was 20 years old.")
    assert "person" not in [t.lemma_ for t in doc]
