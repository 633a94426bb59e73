"""Dashboards lead somewhere (#21 item 13): a figure links to the inbox list behind it, which
applies the person's own scope; decision makers get no link to lists of feedback."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from osallisuus.feedback.models import Feedback
from osallisuus.reports.services import rebuild_rollups

from .factories import make_feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_month(unit, other_unit):
    now = timezone.now()
    for _ in range(3):
        make_feedback(unit, received_at=now, score=4)
    make_feedback(unit, received_at=now, score=1, mashing=True, channel="kiosk")
    make_feedback(unit, received_at=now, text="Jono", themes=["access_waiting"], channel="qr")
    make_feedback(unit, received_at=now, text="Jono taas", themes=["access_waiting"])
    make_feedback(other_unit, received_at=now, text="Jono", themes=["access_waiting"])
    rebuild_rollups()


def link_of(body, figure_text):
    """The href of the link whose text starts with the figure, in the row labelled `label`."""
    match = re.search(figure_text, body, re.S)
    assert match, figure_text
    return unescape(match.group(1))


def inbox_count(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["page"].paginator.count


@pytest.mark.parametrize("path", ["/raportit/toimipiste/KST/", "/raportit/"])
def test_each_figure_links_to_the_list_that_has_as_many_items(client_as, unit, this_month, path):
    client = client_as("staff")  # staff of KST: the county page shows their units
    response = client.get(path)
    board = response.context["board"]
    body = response.content.decode()

    total = link_of(body, r'<dt>[^<]*</dt><dd><a href="([^"]+)">' + str(board.count))
    assert inbox_count(client, total) == board.count == 5

    for label, n in board.channels:
        url = link_of(body, rf'<th scope="row">{label}</th><td><a href="([^"]+)">{n}<')
        assert "channel=" in url
        assert inbox_count(client, url) == n

    theme_id, label, n = board.top_themes[0]
    assert theme_id == "access_waiting"
    url = link_of(body, rf'<th scope="row">{label}</th><td><a href="([^"]+)">{n}<')
    assert inbox_count(client, url) == n == 2


def test_the_link_carries_only_filters_and_the_inbox_applies_the_users_scope(
    client_as, other_unit, this_month
):
    client = client_as("coordinator")
    body = client.get("/raportit/").content.decode()
    board_count = client.get("/raportit/").context["board"].count
    url = link_of(body, r'<dt>[^<]*</dt><dd><a href="([^"]+)">' + str(board_count))
    assert inbox_count(client, url) == board_count == 6  # both units: the coordinator's scope
    # A staff member of KST following the same link sees only KST's items.
    assert inbox_count(client_as("staff"), url) == 5


def test_a_decision_maker_sees_the_figures_but_no_link_to_feedback_lists(client_as, this_month):
    client = client_as("decision_maker")
    response = client.get("/raportit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert response.context["board"].count == 6
    assert "/palaute/saapuneet/" not in body


def test_changes_made_link_to_the_items_that_led_to_a_change(client_as, unit):
    now = timezone.now()
    for _ in range(2):
        make_feedback(unit, received_at=now, text="x", answered_after=timedelta(days=1))
    changed = [
        make_feedback(
            unit, received_at=now, text="x", answered_after=timedelta(days=1), change_made=True
        )
        for _ in range(3)
    ]
    # Closed after the change: it still counts as a change made, as the dashboard counts it.
    Feedback.objects.filter(pk=changed[0].pk).update(status="closed")
    rebuild_rollups()
    client = client_as("staff")
    response = client.get("/raportit/toimipiste/KST/")
    board = response.context["board"]
    body = response.content.decode()
    url = link_of(body, r'<dd><a href="([^"]+changed=on[^"]*)">' + str(board.change_made))
    assert inbox_count(client, url) == board.change_made == 3
