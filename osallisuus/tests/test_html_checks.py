"""The page checks the matrix runs on every page: they find what a validator would."""

from datetime import UTC, date, datetime

from django.utils import translation

from osallisuus.tests.html_checks import html_problems
from osallisuus.widgets import DateInput, DateTimeInput


def test_a_description_that_names_a_missing_id_is_found():
    page = '<input id="id_name" aria-describedby="id_name_helptext id_name_error">'
    page += '<p id="id_name_helptext">Help</p>'
    assert html_problems(page) == ['<input aria-describedby="id_name_error"> names no element']


def test_a_label_for_a_missing_field_is_found():
    assert html_problems('<label for="id_x">X</label>') == ['<label for="id_x"> names no element']


def test_datetimes_with_more_than_three_decimals_of_seconds_are_invalid():
    assert html_problems('<time datetime="2026-12-07T03:20:11.123456+00:00">x</time>')
    assert not html_problems('<time datetime="2026-12-07T03:20:11.123+00:00">x</time>')
    assert not html_problems('<time datetime="2026-12-07">x</time>')
    assert not html_problems('<time datetime="2026-12-07 03:20Z">x</time>')
    assert not html_problems('<time datetime="PT2H30M">x</time>')
    assert html_problems('<time datetime="7.12.2026">x</time>')


def test_a_page_whose_references_all_exist_passes():
    page = (
        '<form><label for="id_a">A</label><input id="id_a" aria-invalid="true" '
        'aria-describedby="id_a_error"><div id="id_a_error">Wrong</div></form>'
    )
    assert html_problems(page) == []


def test_a_date_input_with_a_localised_value_is_found():
    assert html_problems('<input type="date" value="7.12.2026">')
    assert html_problems('<input type="datetime-local" value="7.12.2026 10.00">')
    assert not html_problems('<input type="date" value="2026-12-07">')
    assert not html_problems('<input type="datetime-local" value="2026-12-07T10:00">')


def test_the_shared_date_widgets_render_iso_values_in_finnish():
    with translation.override("fi"):
        page = DateInput().render("d", date(2026, 12, 7)) + DateTimeInput().render(
            "t", datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
        )
    assert 'value="2026-12-07"' in page and 'value="2026-12-07T10:00"' in page
    assert not html_problems(page)
