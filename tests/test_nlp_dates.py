"""detente/nlp/dates.py: date expressions resolved against the publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.nlp.dates import find_dates
from detente.nlp.sentences import split_sentences

SATURDAY = dt.date(2018, 3, 31)  # the publication date of most cases: a Saturday


def _dates(text: str, published: dt.date | None = SATURDAY):
    sentences = split_sentences(text)
    assert len(sentences) == 1, [s.text for s in sentences]
    return find_dates(sentences[0], published)


def _one(text: str, published: dt.date | None = SATURDAY):
    found = _dates(text, published)
    assert len(found) == 1, [(d.text, d.value) for d in found]
    return found[0]


def test_dates_published_day_is_a_saturday():
    assert SATURDAY.weekday() == 5


def test_dates_bare_weekday_is_the_latest_past_one():
    date = _one("Russia expelled the British diplomats Thursday.")
    assert date.value == dt.date(2018, 3, 29)
    assert date.end_value == dt.date(2018, 3, 29)
    assert date.precision == "day"
    assert date.text == "Thursday"


def test_dates_on_weekday():
    date = _one("The ministry said on Friday that it would respond.")
    assert date.value == dt.date(2018, 3, 30)
    assert date.precision == "day"


def test_dates_last_weekday_same_as_publication_day_is_a_week_back():
    date = _one("The envoy was summoned last Saturday.")
    assert date.value == dt.date(2018, 3, 24)
    assert date.precision == "day"


def test_dates_today():
    date = _one("The foreign ministry said today that the talks had failed.")
    assert date.value == SATURDAY
    assert date.precision == "day"


def test_dates_yesterday():
    date = _one("The consulate in Seattle was closed yesterday.")
    assert date.value == dt.date(2018, 3, 30)
    assert date.precision == "day"


def test_dates_this_week():
    date = _one("Officials from both countries met this week in Geneva.")
    assert date.precision == "week"
    assert date.value == dt.date(2018, 3, 26)  # the Monday
    assert date.end_value is not None and date.value <= date.end_value <= dt.date(2018, 4, 1)


def test_dates_last_week():
    date = _one("Officials from both countries met last week in Geneva.")
    assert date.precision == "week"
    assert (date.value, date.end_value) == (dt.date(2018, 3, 19), dt.date(2018, 3, 25))


def test_dates_earlier_this_month():
    date = _one("The ministry said earlier this month that it would act.")
    assert date.precision == "month"
    assert date.value == dt.date(2018, 3, 1)
    assert date.text == "earlier this month"


def test_dates_last_month():
    date = _one("The ambassador was recalled last month.")
    assert date.precision == "month"
    assert (date.value, date.end_value) == (dt.date(2018, 2, 1), dt.date(2018, 2, 28))


def test_dates_last_year():
    date = _one("The talks collapsed last year.")
    assert date.precision == "year"
    assert (date.value, date.end_value) == (dt.date(2017, 1, 1), dt.date(2017, 12, 31))


def test_dates_last_summer_is_the_last_finished_summer():
    date = _one("The envoy arrived in Moscow last summer.")
    assert date.precision == "season"
    assert (date.value, date.end_value) == (dt.date(2017, 6, 1), dt.date(2017, 8, 31))


def test_dates_last_summer_after_a_summer_has_ended_is_that_summer():
    date = _one("The envoy arrived in Moscow last summer.", published=dt.date(2018, 10, 2))
    assert (date.value, date.end_value) == (dt.date(2018, 6, 1), dt.date(2018, 8, 31))


def test_dates_month_day_takes_the_publication_year():
    date = _one("The expulsion order was issued on March 29.")
    assert date.value == dt.date(2018, 3, 29)
    assert date.precision == "day"


def test_dates_month_day_year():
    date = _one("The expulsion order was issued on March 29, 2016.")
    assert date.value == dt.date(2016, 3, 29)
    assert date.text == "March 29, 2016"


def test_dates_day_month_year():
    date = _one("The expulsion order was issued on 29 March 2018.")
    assert date.value == dt.date(2018, 3, 29)
    assert date.precision == "day"


def test_dates_iso_date():
    date = _one("The expulsion order was issued on 2018-03-29.")
    assert date.value == dt.date(2018, 3, 29)
    assert date.precision == "day"


def test_dates_late_december_in_a_january_story_is_last_year():
    date = _one("The embassy closed on December 28.", published=dt.date(2018, 1, 4))
    assert date.value == dt.date(2017, 12, 28)


def test_dates_abbreviated_month():
    date = _one("The sanctions took effect on Sept. 5.", published=dt.date(2018, 9, 20))
    assert date.value == dt.date(2018, 9, 5)


def test_dates_in_year():
    date = _one("The sanctions were imposed in 2016.")
    assert date.precision == "year"
    assert (date.value, date.end_value) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))


def test_dates_in_month_of_this_year():
    date = _one("The talks began in January.")
    assert date.precision == "month"
    assert (date.value, date.end_value) == (dt.date(2018, 1, 1), dt.date(2018, 1, 31))


def test_dates_in_month_with_year():
    date = _one("The sanctions, imposed in March 2014, remain in force.")
    assert date.precision == "month"
    assert date.value == dt.date(2014, 3, 1)


def test_dates_invalid_calendar_day_is_not_a_date():
    assert _dates("The deal was signed on Feb. 30 in Minsk.") == []


def test_dates_year_used_as_a_modifier_is_not_a_date():
    assert _dates("He was elected in the 2016 election.") == []


def test_dates_token_span_covers_the_expression():
    sentence = split_sentences("Russia expelled the diplomats on March 29, 2016 after a row.")[0]
    (date,) = find_dates(sentence, SATURDAY)
    assert sentence.span_text(date.start, date.end) == "March 29, 2016"


def test_dates_several_dates_are_sorted_by_position():
    found = _dates("The embassy, closed last week, reopened on Friday.")
    assert [d.text for d in found] == ["last week", "on Friday"]


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Russia expelled the British diplomats Thursday.", "day"),
        ("The embassy was closed yesterday.", "day"),
        ("Officials met last week in Geneva.", "week"),
        ("The talks collapsed last year.", "year"),
        ("The envoy arrived last summer.", "season"),
        ("The expulsion order was issued on March 29.", "day"),
        ("The talks began in January.", "month"),
    ],
)
def test_dates_relative_date_without_publication_date_is_unknown(text, precision):
    date = _one(text, published=None)
    assert date.value is None
    assert date.end_value is None
    assert date.precision == precision


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The expulsion order was issued on March 29, 2016.", dt.date(2016, 3, 29)),
        ("The expulsion order was issued on 29 March 2018.", dt.date(2018, 3, 29)),
        ("The expulsion order was issued on 2018-03-29.", dt.date(2018, 3, 29)),
        ("The sanctions were imposed in 2016.", dt.date(2016, 1, 1)),
        ("The talks began in January 2017.", dt.date(2017, 1, 1)),
    ],
)
def test_dates_absolute_date_without_publication_date_still_resolves(text, value):
    assert _one(text, published=None).value == value


def test_dates_capitalised_last_weekday_at_sentence_start():
    date = _one("Last Saturday, Russia expelled the British envoy.")
    assert date.value == dt.date(2018, 3, 24)


def test_dates_this_winter_in_january_is_the_current_winter():
    date = _one("Gas deliveries were cut twice this winter.", published=dt.date(2018, 1, 20))
    assert (date.value, date.end_value) == (dt.date(2017, 12, 1), dt.date(2018, 2, 28))
