"""Boilerplate removal, normalisation and datelines, on texts built here."""
from __future__ import annotations

from pipeline import boilerplate as bp

STORY = [
    "Troops captured the town on Friday after a week of fighting, officials said.",
    "The offensive began last week and drove militants from the surrounding villages.",
    "Aid groups warned that thousands of residents had fled toward the border.",
]


def body(*lines: str) -> str:
    return "\n\n".join(lines)


def test_clean_text_is_returned_unchanged() -> None:
    text = "  " + body(*STORY) + "\n"
    out = bp.strip_boilerplate(text, "Troops capture town")
    assert out.body == text
    assert out.removed_char_count == 0 and out.kinds == ()


def test_single_headline_like_line_is_never_removed() -> None:
    out = bp.strip_boilerplate("Aid under attack", "")
    assert out.body == "Aid under attack"


def test_repeated_title_and_trailing_teasers_are_removed() -> None:
    title = "Troops capture town near the border"
    text = body(title, *STORY) + "\n\nStarcraft Goes Free To Play\nClub suspends defender after fan row"
    out = bp.strip_boilerplate(text, title)
    assert out.body == body(*STORY)
    assert out.kinds == ("repeated_title", "teaser_headline")
    assert out.removed_char_count == len(text) - len(out.body)


def test_title_with_site_suffix_counts_as_repeat() -> None:
    title = "Troops capture town near the border"
    out = bp.strip_boilerplate(body(title + " | Example News", *STORY), title)
    assert out.body.startswith("Troops captured")


def test_trailing_lines_with_sentence_punctuation_stay() -> None:
    text = body(*STORY, "The army said the operation was over.")
    assert bp.strip_boilerplate(text, "").body == text


def test_byline_share_cookie_copyright_credit() -> None:
    text = body(
        "By John Smith and Jane Doe",
        "Share Tweet Email",
        *STORY,
        "Reporting by John Smith; Editing by Jane Doe",
        "We use cookies to improve your browsing experience. Accept cookies",
        "© 2017 Example Media. All rights reserved.",
    )
    out = bp.strip_boilerplate(text, "")
    assert out.body == body(*STORY)
    assert set(out.kinds) == {"byline", "share", "credit", "cookie", "copyright"}


def test_by_in_a_sentence_is_not_a_byline() -> None:
    text = body("By the end of the day, troops had withdrawn from the town.", *STORY)
    assert bp.strip_boilerplate(text, "").body == text


def test_marked_caption_inside_body_removed_except_in_records() -> None:
    caption = "Soldiers patrol the market in the town. (AP Photo/John Smith)"
    text = body(STORY[0], caption, STORY[1], STORY[2])
    assert bp.strip_boilerplate(text, "", record=True).body == text
    out = bp.strip_boilerplate(text, "")
    assert out.body == body(*STORY)
    assert out.kinds == ("caption",)


def test_records_keep_offsets_lose_only_title_and_trailing_lines() -> None:
    text = body("Photo: Soldiers on patrol", *STORY, "Share Tweet Email")
    out = bp.strip_boilerplate(text, "", record=True)
    assert out.body == body("Photo: Soldiers on patrol", *STORY)
    assert text.startswith(out.body)
    titled = bp.strip_boilerplate(body("Town captured", *STORY), "Town captured", record=True)
    assert titled.body == body(*STORY) and titled.kinds == ("repeated_title",)


def test_corpus_repeated_edge_line_is_removed() -> None:
    footer = "Example News is the leading voice of the region, trusted since 1901."
    text = body(*STORY, footer)
    groups = [bp.edge_lines(body(f"Story {i} line one.", f"Story {i} line two.", footer)) for i in range(3)]
    repeated = bp.repeated_lines(groups)
    assert bp.fold(footer) in repeated
    out = bp.strip_boilerplate(text, "", repeated)
    assert out.body == body(*STORY) and out.kinds == ("repeated_line",)


def test_repeated_lines_needs_three_stories() -> None:
    groups = [bp.edge_lines(body(f"S{i} one.", f"S{i} two.", "Shared footer line")) for i in range(2)]
    assert bp.repeated_lines(groups) == frozenset()


def test_normalise_document_layout_and_mojibake() -> None:
    raw = "Title\r\n\r\n\r\n\r\nCaf\u00c3\u00a9   opens\u00a0today.\t \r\nSecond\x07 line"
    assert bp.normalise_document(raw) == "Title\n\nCafé opens today.\nSecond line"


def test_normalise_record_text_keeps_clean_text_and_applies_nfc() -> None:
    clean = "  “Quoted” text — with  double spaces.\n"
    assert bp.normalise_record_text(clean) == clean
    assert bp.normalise_record_text("Cafe\u0301") == "Café"


def test_parse_dateline_forms() -> None:
    d = bp.parse_dateline("BAGHDAD (Reuters) - Iraqi forces advanced.")
    assert (d.place, d.agency, d.date_text) == ("Baghdad", "Reuters", None)
    d = bp.parse_dateline("KYIV, Feb 24 (Example Wire) - Shelling resumed.")
    assert (d.place, d.agency, d.date_text) == ("Kyiv", "Example Wire", "Feb 24")
    d = bp.parse_dateline("BEIRUT, Lebanon (AP) — Protesters gathered.")
    assert (d.place, d.agency) == ("Beirut, Lebanon", "AP")
    text = "NEW YORK — Markets fell."
    d = bp.parse_dateline(text)
    assert (d.place, d.agency) == ("New York", None)
    assert text[d.end:] == "Markets fell."


def test_ordinary_sentences_have_no_dateline() -> None:
    for text in ("US forces captured the town.", "Iraqi forces - backed by jets - advanced.",
                 "The president said on Friday that talks would resume."):
        assert bp.parse_dateline(text) is None


def test_dateline_with_two_places_and_particles() -> None:
    assert bp.parse_dateline("NEW DELHI/ISLAMABAD (Example Wire) - Jets struck.").place == "New Delhi"
    d = bp.parse_dateline("CARTAGENA DE INDIAS, 26 sep (Agencia Ejemplo) - El presidente firmó.")
    assert (d.place, d.agency, d.date_text) == ("Cartagena de Indias", "Agencia Ejemplo", "26 sep")


def test_an_indian_agency_dateline_without_a_dash_is_read():
    d = bp.parse_dateline("Srinagar, Jun 4 (PTI) Two militants were killed in an encounter on Wednesday.")
    assert (d.place, d.agency, d.date_text) == ("Srinagar", "PTI", "Jun 4")
    assert bp.parse_dateline("Tesla (TSLA) shares fell on Monday.") is None   # (no date: no dateline)


def test_a_dateline_country_of_several_words() -> None:
    d = bp.parse_dateline("BUKAVU, Democratic Republic of the Congo - Shelling resumed on Monday.")
    assert d is not None and d.place == "Bukavu, Democratic Republic of the Congo"
    assert bp.parse_dateline("SARAJEVO, Bosnia and Herzegovina - Police said.").place == "Sarajevo, Bosnia and Herzegovina"
