"""The per-article extraction cache."""
import datetime as dt

from pipeline import cache


def test_key_changes_with_the_article_and_with_the_extractor_version():
    art = {"article_id": "a1", "body_text": "Police arrested two men.", "published_date": dt.date(2020, 1, 1)}
    k = cache.article_key(art, "v1")
    assert k == cache.article_key(dict(art), "v1")
    assert k != cache.article_key(art, "v2")
    assert k != cache.article_key(dict(art, published_date=dt.date(2020, 1, 2)), "v1")


def test_round_trip_and_damaged_entries(tmp_path):
    c = cache.Cache(tmp_path)
    rows = {"events": [{"event_date": dt.date(2020, 1, 3), "confidence": 0.1 + 0.2}]}
    c.put("ab" * 32, rows)
    back = c.get("ab" * 32)
    assert back == {"events": [{"event_date": "2020-01-03", "confidence": 0.1 + 0.2}]}
    (tmp_path / "cd").mkdir()
    (tmp_path / "cd" / ("cd" * 32 + ".json")).write_text("{not json")
    assert c.get("cd" * 32) is None
    assert cache.Cache(None).get("ab" * 32) is None


def test_extractor_version_depends_on_the_model():
    assert cache.extractor_version("m 1") != cache.extractor_version("m 2")


def test_parse_cache_round_trip_and_damaged_entries(tmp_path):
    import spacy
    nlp = spacy.blank("en")
    pc = cache.ParseCache(tmp_path, "v1")
    text = "Troops entered Goma.\nResidents fled."
    assert pc.get(text, nlp.vocab) is None
    doc = nlp(text)
    doc[5].is_sent_start = True
    pc.put(text, doc)
    back = pc.get(text, nlp.vocab)
    assert back.text == text and [s.start for s in back.sents] == [s.start for s in doc.sents]
    assert cache.ParseCache(tmp_path, "v2").get(text, nlp.vocab) is None, "another model: another key"
    next(tmp_path.rglob("*.spacy")).write_bytes(b"not a DocBin")
    assert pc.get(text, nlp.vocab) is None


def test_parse_version_depends_on_the_model():
    assert cache.parse_version("m 1") != cache.parse_version("m 2")
    assert cache.parse_version("m 1") == cache.parse_version("m 1")
