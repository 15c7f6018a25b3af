"""Date expressions resolved against the publication date; nothing invented without one."""
import datetime as dt

import pytest

from pipeline.dates import find_date_expressions, resolve_date, resolve_expression

FRIDAY = dt.date(2017, 11, 3)


def test_weekday_is_the_latest_such_day_on_or_before_publication():
    assert resolve_date("Troops attacked on Wednesday", FRIDAY)[:2] == (dt.date(2017, 11, 1), "day")
    assert resolve_date("on Friday", FRIDAY)[:2] == (FRIDAY, "day")


def test_next_weekday_looks_forward():
    assert resolve_date("talks next Monday", FRIDAY).date == dt.date(2017, 11, 6)


def test_absolute_dates_resolve_without_publication_date():
    r = resolve_date("on 18 February 2022 the army", None)
    assert (r.date, r.precision, r.text) == (dt.date(2022, 2, 18), "day", "18 February 2022")
    assert resolve_date("February 18, 2022", None).date == dt.date(2022, 2, 18)
    assert resolve_date("in May 2016", None)[:2] == (dt.date(2016, 5, 1), "month")


def test_a_year_qualified_as_early_or_late_is_that_year():
    assert resolve_date("resumed fighting in late 2021", FRIDAY)[:2] == (dt.date(2021, 1, 1), "year")
    assert resolve_date("by mid-2019", FRIDAY)[:2] == (dt.date(2019, 1, 1), "year")


def test_the_year_of_a_named_occasion_dates_the_act_told_with_it():
    assert resolve_date("the junta, which took power in a 2020 coup", FRIDAY)[:2] == (dt.date(2020, 1, 1), "year")
    assert resolve_date("killed during the 2014 war", FRIDAY)[:2] == (dt.date(2014, 1, 1), "year")


def test_relative_dates_without_publication_date_are_unknown_but_keep_text():
    r = resolve_date("Rebels attacked last week", None)
    assert r.date is None and r.precision == "unknown" and r.text == "last week"


def test_month_without_year_is_not_in_the_future():
    assert resolve_date("in July", FRIDAY)[:2] == (dt.date(2017, 7, 1), "month")
    assert resolve_date("in December", FRIDAY).date == dt.date(2016, 12, 1)


def test_yesterday_and_last_week():
    assert resolve_date("yesterday", FRIDAY).date == dt.date(2017, 11, 2)
    assert resolve_date("last week", FRIDAY)[:2] == (dt.date(2017, 10, 23), "week")   # that week's Monday


def test_since_marks_background():
    r = resolve_date("has held the city since 2014", FRIDAY)
    assert r.is_background and r.date is None


@pytest.mark.parametrize("text", [
    "have killed more than 200 people since May 2016",   # not the month May 2016
    "has been shelled daily since 3 May 2017",           # not the day
    "has held the district since March 3, 2016",
    "were gunned down in recent months",                 # each of two patterns of a kind is read
    "in the early 1990s",
])
def test_a_stretch_of_time_is_background_whatever_its_form(text):
    r = resolve_date(text, FRIDAY)
    assert r.is_background and r.date is None


def test_modal_may_is_not_a_month():
    assert find_date_expressions("The army may attack") == []
    assert resolve_date("no date here", FRIDAY).precision == "unknown"


def test_a_span_of_days_is_dated_by_its_first_day_within_a_week_else_by_its_month():
    r = resolve_date("Between 4 and 6 May 2022, cartel members clashed with the police", None)
    assert (r.date, r.precision, r.text) == (dt.date(2022, 5, 4), "week", "Between 4 and 6 May 2022")
    r = resolve_date("shelling on 12 and 13 May", FRIDAY)
    assert (r.date, r.precision) == (dt.date(2017, 5, 12), "week")
    r = resolve_date("Between 4 and 16 May 2022, cartel members clashed with the police", None)
    assert (r.date, r.precision) == (dt.date(2022, 5, 1), "month")


def test_a_span_of_months_is_dated_by_its_first_month():
    r = resolve_date("More than 900 people were killed between January and March, the UN said.", FRIDAY)
    assert (r.date, r.precision, r.text) == (dt.date(2017, 1, 1), "month", "between January and March")
    r = resolve_date("Attacks rose from November to February.", FRIDAY)
    assert (r.date, r.precision) == (dt.date(2016, 11, 1), "month")
    r = resolve_date("Prices doubled between March 2021 and June 2022.", None)
    assert (r.date, r.precision) == (dt.date(2021, 3, 1), "month")


def test_a_year_opening_a_sentence_is_a_date():
    r = resolve_date("In 2019 the rebels captured the town.", FRIDAY)
    assert (r.date, r.precision, r.text) == (dt.date(2019, 1, 1), "year", "In 2019")


def test_words_opening_a_sentence_keep_their_meaning():
    r = resolve_date("Next Friday they will march to parliament.", FRIDAY)
    assert r.date > FRIDAY   # ("Next" looks forward, capitalised or not)
    text = "That same year the rebels took the town."
    (start, end, kind), = find_date_expressions(text)
    r = resolve_expression(text[start:end], kind, FRIDAY, dt.date(2015, 6, 2))
    assert (r.date, r.precision) == (dt.date(2015, 1, 1), "year")


def test_month_names_with_a_day_are_one_expression():
    """The events finder relies on this: "March" inside "3 March 2022" is part of a date."""
    text = "On 3 March 2022, Russian forces shelled the village."
    (start, end, _kind), = find_date_expressions(text)
    assert text[start:end] == "3 March 2022"


def test_days_counted_from_the_event_before_need_that_day():
    from pipeline.dates import resolve_expression
    (s, e, kind), = find_date_expressions("He was released the following day.")
    expr = "He was released the following day."[s:e]
    assert resolve_expression(expr, kind, FRIDAY, anchor=dt.date(2022, 8, 16)).date == dt.date(2022, 8, 17)
    assert resolve_expression(expr, kind, FRIDAY).precision == "unknown"   # never the publication date
    r = resolve_date("two days later", None)
    assert r.precision == "unknown" and r.text == "two days later"


def test_a_decade_is_background():
    res = resolve_date("a war in the early 1990s that killed 30,000 people", dt.date(2024, 1, 1))
    assert res.is_background and res.date is None


def test_an_overnight_span_is_dated_by_its_first_evening():
    assert resolve_date("on the night of 3 to 4 March 2024", dt.date(2024, 6, 1))[:2] == (dt.date(2024, 3, 3), "day")
    assert resolve_date("the night of 3 to 5 May 2023", dt.date(2024, 6, 1))[:2] == (dt.date(2023, 5, 3), "week")


def test_a_numeric_date_is_read_only_when_day_and_month_cannot_be_swapped():
    assert resolve_date("on 25/03/2023", dt.date(2024, 6, 1))[:2] == (dt.date(2023, 3, 25), "day")
    assert resolve_date("on 3/25/2023", dt.date(2024, 6, 1))[:2] == (dt.date(2023, 3, 25), "day")
    assert resolve_date("on 03/04/2023", dt.date(2024, 6, 1))[:2] == (dt.date(2023, 1, 1), "year")


def test_a_day_without_its_year_takes_the_year_of_the_storys_day():
    # an ACLED note published long after: "On 2 July 2023 ... released on 5 July"
    got = resolve_expression("5 July", "dm", dt.date(2025, 1, 1), anchor=dt.date(2023, 7, 2))
    assert (got.date, got.precision) == (dt.date(2023, 7, 5), "day")
    got = resolve_expression("in December", "inmon", dt.date(2025, 1, 1), anchor=dt.date(2023, 1, 3))
    assert got.date == dt.date(2022, 12, 1)   # the December nearest the story's day


def test_a_month_opening_a_sentence_is_a_date():
    assert [k for _s, _e, k in find_date_expressions("In March, a raid killed five people.")] == ["inmon"]


def test_a_state_lasting_decades_is_background():
    assert [k for _s, _e, k in find_date_expressions("The rebels have been fighting for more than four decades.")] \
        == ["background"]
    assert find_date_expressions("A court jailed him for five years.") == []   # a sentence, not a state


def test_weeks_later_count_from_the_day_told_before_to_a_week():
    r = resolve_expression("two weeks later", "after", FRIDAY, dt.date(2024, 3, 16))
    assert (r.date, r.precision) == (dt.date(2024, 3, 25), "week")


@pytest.mark.parametrize("text, expected", [
    ("In early May the rebels attacked.", "In early May"),
    ("In mid-May the rebels attacked.", "In mid-May"),
    ("During late June the rebels attacked.", "During late June"),
    ("The rebels attacked in mid-July.", "in mid-July"),
])
def test_part_of_a_month_is_the_month(text, expected):
    found = find_date_expressions(text)
    assert [text[s:e] for s, e, _k in found] == [expected]
    r = resolve_expression(expected, found[0][2], dt.date(2025, 8, 20), None)
    assert r.precision == "month" and r.date.day == 1


@pytest.mark.parametrize("text, date, precision", [
    ("were kidnapped three days ago", dt.date(2017, 10, 31), "day"),
    ("two weeks ago", dt.date(2017, 10, 16), "week"),   # the Monday of that week
    ("a month ago", dt.date(2017, 10, 1), "month"),
    ("eleven months ago", dt.date(2016, 12, 1), "month"),
    ("two years ago", dt.date(2015, 1, 1), "year"),
])
def test_ago_counts_back_from_publication(text, date, precision):
    assert resolve_date(text, FRIDAY)[:2] == (date, precision)
    assert resolve_date(text, None)[:2] == (None, "unknown")


@pytest.mark.parametrize("text,precision,expected", [
    ("The army declared a curfew that month.", "month", dt.date(2023, 8, 1)),
    ("Two more died later that day.", "day", dt.date(2023, 8, 17)),
    ("A second raid followed the same year.", "year", dt.date(2023, 1, 1)),
])
def test_that_month_is_the_period_of_the_date_told_last(text, precision, expected):
    (s, e, kind), = find_date_expressions(text)
    got = resolve_expression(text[s:e], kind, dt.date(2026, 12, 9), dt.date(2023, 8, 17))
    assert (got.date, got.precision) == (expected, precision)
    assert resolve_expression(text[s:e], kind, dt.date(2026, 12, 9), None).precision == "unknown"


@pytest.mark.parametrize("text,when", [("took effect last November", dt.date(2024, 11, 1)),
                                       ("began last May", dt.date(2024, 5, 1)),
                                       ("began last March", dt.date(2025, 3, 1))])
def test_last_and_a_month_is_the_latest_such_month_before_the_month_of_publication(text, when):
    res = resolve_date(text, dt.date(2025, 5, 6))
    assert (res.date, res.precision) == (when, "month")


@pytest.mark.parametrize("text,day,precision", [
    ("The sides will meet on Tuesday next week.", dt.date(2017, 11, 7), "day"),
    ("Talks resume next week.", dt.date(2017, 11, 6), "week"),
    ("The vote is due next month.", dt.date(2017, 12, 1), "month"),
    ("Unions called a general strike for Monday.", dt.date(2017, 11, 6), "day"),
    ("Unions called a general strike for Friday.", FRIDAY, "day")])
def test_days_and_periods_still_to_come_look_forward(text, day, precision):
    assert resolve_date(text, FRIDAY)[:2] == (day, precision)


def test_since_the_start_of_a_period_is_background():
    assert resolve_date("killed 200 fighters since the beginning of the month", FRIDAY).is_background
    assert resolve_date("since the outbreak of the war", FRIDAY).is_background


def test_a_day_without_its_year_up_to_a_month_ahead_is_still_to_come():
    assert resolve_date("ahead of the federal election on Feb. 23", dt.date(2025, 2, 15)).date == dt.date(2025, 2, 23)
    assert resolve_date("on March 30", dt.date(2025, 2, 15)).date == dt.date(2024, 3, 30)


def test_a_weekday_possessive_after_for_is_the_past_day_not_one_to_come():
    assert resolve_date("the toll for Friday's attack rose", FRIDAY + dt.timedelta(days=3)).date == FRIDAY


@pytest.mark.parametrize("text", [
    "were killed across the country in the first three months of the year",
    "over the past six weeks, soldiers have arrested 40 suspects",
    "in the first half of this year",
    "the deadliest toll so far this year",
])
def test_a_tally_over_a_stretch_of_weeks_or_months_is_background(text):
    r = resolve_date(text, FRIDAY)
    assert r.is_background and r.date is None


def test_the_first_or_last_week_of_a_named_month_is_not_a_tally():
    assert not resolve_date("in the last week of March", FRIDAY).is_background


def test_over_the_weekend_is_the_last_weekend_by_its_weeks_monday():
    monday = dt.date(2017, 11, 6)
    assert resolve_date("Gunmen raided a village over the weekend", monday)[:2] == (dt.date(2017, 10, 30), "week")
    sunday = dt.date(2017, 11, 5)   # (published on the weekend itself: that weekend)
    assert resolve_date("at the weekend", sunday)[:2] == (dt.date(2017, 10, 30), "week")
    assert resolve_date("over the weekend", None)[0] is None


@pytest.mark.parametrize("text,day", [
    ("An officer shot a man during a traffic stop Sunday night.", dt.date(2025, 5, 18)),
    ("Protesters gathered outside city hall Friday afternoon.", dt.date(2025, 5, 16)),
])
def test_a_weekday_with_its_part_of_the_day_dates_the_act_without_on(text, day):
    (start, end, kind), = find_date_expressions(text)
    assert resolve_expression(text[start:end], kind, dt.date(2025, 5, 20)).date == day
    assert text[start:end].split()[-1] in ("night", "afternoon")


@pytest.mark.parametrize("text, expected", [
    ("Prosecutors charged him in March last year.", dt.date(2016, 3, 1)),
    ("The talks collapsed in early December of last year.", dt.date(2016, 12, 1)),
    ("Elections are due in June next year.", dt.date(2018, 6, 1)),
    ("Floods struck in February this year.", dt.date(2017, 2, 1)),
])
def test_a_month_of_a_year_told_relative_to_publication(text, expected):
    assert resolve_date(text, FRIDAY)[:2] == (expected, "month")


def test_a_count_since_a_month_of_last_year_stays_background():
    assert resolve_date("Since March last year, 40 people have died.", FRIDAY).is_background


@pytest.mark.parametrize("text, expected", [
    ("Rebels attacked the base late on Sunday, October 29, the army said.", dt.date(2017, 10, 29)),
    ("Police fired on the march on Wednesday, 12 April.", dt.date(2017, 4, 12)),
    ("On Monday, June 5, 2016, gunmen stormed the hotel.", dt.date(2016, 6, 5)),
])
def test_a_weekday_with_its_date_is_that_date(text, expected):
    assert resolve_date(text, FRIDAY)[:2] == (expected, "day")


def test_a_day_things_start_on_looks_forward():
    assert resolve_date("the strike will run starting Wednesday", FRIDAY)[:2] == (dt.date(2017, 11, 8), "day")
    assert resolve_date("a curfew beginning Monday", FRIDAY)[:2] == (dt.date(2017, 11, 6), "day")


def test_overnight_into_a_weekday_is_that_day():
    assert resolve_date("drones struck overnight into Wednesday", FRIDAY)[:2] == (dt.date(2017, 11, 1), "day")
