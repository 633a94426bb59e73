"""The inbox at scale: day filters by Helsinki time, its order, and counts that stop at a cap."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from osallisuus.feedback import selectors, views
from osallisuus.feedback.models import Feedback
from osallisuus.feedback.selectors import InboxFilters, inbox_counts, inbox_for

from .test_inbox_workflow import english, give

pytestmark = pytest.mark.django_db
INBOX = "/palaute/saapuneet/"


def at(*moment):
    return datetime(*moment, tzinfo=UTC)


def test_day_filters_follow_the_helsinki_day_not_the_utc_day(client_as, unit):
    staff = client_as("staff")
    # Helsinki is UTC+2 in winter and UTC+3 in summer.
    late_31_jan = give(unit, "Myöhään tammikuussa", received_at=at(2026, 1, 31, 21, 59))
    early_1_feb = give(unit, "Heti helmikuussa", received_at=at(2026, 1, 31, 22, 0))
    end_1_feb = give(unit, "Helmikuun ensimmäisen lopussa", received_at=at(2026, 2, 1, 21, 59))
    summer = give(unit, "Kesäyö", received_at=at(2026, 6, 30, 21, 0))  # 1 Jul 00:00

    def found(**days):
        return set(inbox_for(staff.user, InboxFilters(**days)))

    assert found(since=date(2026, 2, 1)) == {early_1_feb, end_1_feb, summer}
    assert found(until=date(2026, 1, 31)) == {late_31_jan}
    assert found(since=date(2026, 2, 1), until=date(2026, 2, 1)) == {early_1_feb, end_1_feb}
    assert found(since=date(2026, 7, 1), until=date(2026, 7, 1)) == {summer}
    assert found(until=date(2026, 6, 30)) == {late_31_jan, early_1_feb, end_1_feb}


@pytest.mark.parametrize("status", ["", "open", "received", "in_progress", "closed", "answered"])
def test_the_order_is_urgent_waiting_first_then_newest_whatever_the_status_filter(
    client_as, unit, status
):
    staff = client_as("staff")
    now = datetime.now(UTC)
    for n, (urgent, item_status) in enumerate(
        [(u, s) for u in (True, False) for s in ("received", "in_progress", "closed", "answered")]
        * 2
    ):
        give(
            unit,
            f"Palaute {n}",
            urgent=urgent,
            status=item_status,
            received_at=now - timedelta(hours=n % 5),
        )
    items = list(inbox_for(staff.user, InboxFilters(status=status)))
    expected = sorted(
        items,
        key=lambda i: (
            0 if i.urgent and i.is_open else 1,
            -i.received_at.timestamp(),
            -i.pk,
        ),
    )
    assert items == expected
    assert len(items) == (16 if status == "" else 8 if status == "open" else 4)


def test_counts_stop_at_the_cap_and_say_more_than(client_as, unit, monkeypatch):
    staff = english(client_as("staff"))
    for n in range(5):
        give(unit, f"Palaute {n}", urgent=n < 4, due_at=datetime.now(UTC) - timedelta(days=1))
    counts = inbox_counts(inbox_for(staff.user), cap=3)
    assert (counts.total_over_cap, counts.urgent_open_over_cap, counts.overdue) == (True, True, 5)
    exact = inbox_counts(inbox_for(staff.user), cap=10)
    assert (exact.total, exact.urgent_open, exact.overdue, exact.unassigned_open) == (5, 4, 5, 5)

    monkeypatch.setattr(selectors, "INBOX_COUNT_CAP", 3)
    monkeypatch.setattr(views, "INBOX_PAGE_SIZE", 2)
    body = staff.get(INBOX).content.decode()
    assert "More than 3 feedback items match." in body
    assert "More than 3 urgent waiting." in body
    assert "More than 3 waiting without a handler." in body
    assert "Page 1 of more than 1" in body


def test_every_item_is_reached_through_the_next_links_of_capped_pages(client_as, unit, monkeypatch):
    staff = client_as("staff")
    given = {give(unit, f"Palaute {n}").pk for n in range(9)}
    monkeypatch.setattr(selectors, "INBOX_COUNT_CAP", 3)
    monkeypatch.setattr(views, "INBOX_PAGE_SIZE", 2)
    seen, url, pages = [], INBOX, 0
    while url:
        response = staff.get(url)
        seen += [item.pk for item in response.context["page"]]
        pages += 1
        links = re.findall(r'href="\?(page=\d+)">[^<]*</a>\s*</nav>', response.content.decode())
        url = f"{INBOX}?{links[0]}" if response.context["page"].has_next() else ""
        assert pages < 10
    assert sorted(seen) == sorted(given)
    assert len(seen) == len(set(seen))


def test_the_first_and_last_possible_days_filter_nothing_away(client_as, unit):
    staff = client_as("staff")
    item = give(unit)
    found = inbox_for(staff.user, InboxFilters(since=date.min, until=date.max))
    assert list(found) == [item]


def test_a_page_number_that_is_not_a_number_shows_the_first_page(client_as, unit):
    staff = client_as("staff")
    give(unit)
    response = staff.get(INBOX, {"page": "viimeinen"})
    assert response.status_code == 200
    assert response.context["page"].number == 1
    assert Feedback.objects.count() == 1
