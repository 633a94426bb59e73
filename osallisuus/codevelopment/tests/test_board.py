"""The shared board: notes with the author's role, anonymity, moving, comments, dot voting."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.authorization import NotPermitted
from osallisuus.codevelopment.models import GroupRole, Note, Vote
from osallisuus.codevelopment.services import (
    CodevelopmentError,
    add_note,
    cast_vote,
    edit_note,
    votes_left,
)

from .factories import project_with_workshop

pytestmark = pytest.mark.django_db


def board_url(workshop):
    return reverse("codevelopment:board", kwargs={"pk": workshop.pk})


def note_url(note, step):
    """The address a step on one note posts to (vote, unvote, move, comment)."""
    return reverse(
        f"codevelopment:note_{step}", kwargs={"pk": note.workshop_id, "note_pk": note.pk}
    )


def test_a_client_adds_a_note_without_javascript_and_it_records_their_role(unit, client):
    setup = project_with_workshop(unit)
    column = setup.workshop.columns.get(position=1)
    sign_in(client, setup.client)
    response = client.post(
        reverse("codevelopment:board_note", kwargs={"pk": setup.workshop.pk}),
        {"column": column.pk, "text": "Jono on pitkä"},
    )
    assert response.status_code == 302
    note = Note.objects.get()
    assert (note.column, note.author_role) == (column, GroupRole.CLIENT)
    assert "Jono on pitkä" in client.get(board_url(setup.workshop)).content.decode()


def test_an_anonymous_note_hides_the_name_from_others_but_keeps_the_role(unit, client):
    setup = project_with_workshop(unit)
    column = setup.workshop.columns.first()
    add_note(
        workshop=setup.workshop, by=setup.client, column=column, text="Salainen", anonymous=True
    )
    sign_in(client, setup.professional)
    page = client.get(board_url(setup.workshop)).content.decode()
    assert "Salainen" in page
    assert setup.client.last_name not in page
    assert Note.objects.get().author_role == GroupRole.CLIENT


def test_the_report_hides_an_anonymous_notes_role_when_few_of_that_role_took_part(
    unit, client, settings
):
    # #21 item 12: one client in the group, so "client" beside an anonymous note names them.
    settings.PUBLIC_MIN_ANSWERS = 2
    setup = project_with_workshop(unit)
    column = setup.workshop.columns.first()
    add_note(
        workshop=setup.workshop, by=setup.client, column=column, text="Salainen", anonymous=True
    )
    add_note(workshop=setup.workshop, by=setup.professional, column=column, text="Avoin")
    sign_in(client, setup.facilitator)
    client.cookies.load({"django_language": "en"})
    page = client.get(reverse("codevelopment:report", kwargs={"pk": setup.project.pk}))
    rows = dict(
        re.findall(r"<tr><td>(\w+)</td><td>[^<]*</td><td>([^<]*)</td>", page.content.decode())
    )
    assert rows["Salainen"] == "not shown: fewer than 2 in this role"
    assert rows["Avoin"] == "professional"  # signed with a name: the role stays
    settings.PUBLIC_MIN_ANSWERS = 1
    page = client.get(reverse("codevelopment:report", kwargs={"pk": setup.project.pk}))
    assert "<td>Salainen</td><td>" in page.content.decode()
    assert "not shown" not in page.content.decode()


def test_votes_are_limited_to_the_set_number_per_participant(unit):
    setup = project_with_workshop(unit, votes=2)
    note = add_note(
        workshop=setup.workshop, by=setup.client, column=setup.workshop.columns.first(), text="A"
    )
    cast_vote(note=note, by=setup.professional)
    cast_vote(note=note, by=setup.professional)
    with pytest.raises(CodevelopmentError):
        cast_vote(note=note, by=setup.professional)
    assert Vote.objects.filter(voter=setup.professional).count() == 2
    assert votes_left(workshop=setup.workshop, user=setup.client) == 2


def test_a_vote_over_the_limit_through_the_form_is_refused_with_a_message(unit, client):
    setup = project_with_workshop(unit, votes=1)
    note = add_note(
        workshop=setup.workshop, by=setup.client, column=setup.workshop.columns.first(), text="A"
    )
    sign_in(client, setup.client)
    client.cookies.load({"django_language": "en"})
    client.post(note_url(note, "vote"))
    response = client.post(note_url(note, "vote"), follow=True)
    assert "used all your 1 votes" in response.content.decode()
    assert Vote.objects.count() == 1


def test_someone_outside_the_group_cannot_vote(unit, client):
    setup = project_with_workshop(unit)
    note = add_note(
        workshop=setup.workshop, by=setup.client, column=setup.workshop.columns.first(), text="A"
    )
    outsider = user_with_role("staff", unit=unit)
    sign_in(client, outsider)
    response = client.post(note_url(note, "vote"))
    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_a_participant_moves_a_note_with_a_select_and_comments_on_it(unit, client):
    setup = project_with_workshop(unit)
    first, last = setup.workshop.columns.first(), setup.workshop.columns.last()
    note = add_note(workshop=setup.workshop, by=setup.client, column=first, text="Idea")
    sign_in(client, setup.professional)
    client.post(note_url(note, "move"), {"column": last.pk})
    client.post(note_url(note, "comment"), {"text": "Hyvä"})
    note.refresh_from_db()
    assert note.column == last
    comment = note.comments.get()
    assert (comment.text, comment.author_role) == ("Hyvä", GroupRole.PROFESSIONAL)


def test_only_the_author_edits_a_note(unit, client):
    setup = project_with_workshop(unit)
    note = add_note(
        workshop=setup.workshop, by=setup.client, column=setup.workshop.columns.first(), text="A"
    )
    with pytest.raises(NotPermitted):
        edit_note(note=note, by=setup.professional, text="B")
    sign_in(client, setup.client)
    url = reverse("codevelopment:note_edit", kwargs={"pk": setup.workshop.pk, "note_pk": note.pk})
    client.post(url, {"text": "Parempi"})
    note.refresh_from_db()
    assert note.text == "Parempi"


def test_the_changes_endpoint_returns_notes_changed_since_the_cursor(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.professional)
    url = reverse("codevelopment:board_changes", kwargs={"pk": setup.workshop.pk})
    cursor = client.get(url).json()["cursor"]
    add_note(
        workshop=setup.workshop, by=setup.client, column=setup.workshop.columns.first(), text="Uusi"
    )
    data = client.get(url, {"since": cursor}).json()
    assert [n["text"] for n in data["notes"]] == ["Uusi"]
    assert 'id="note-' in data["notes"][0]["html"]


def test_old_notes_are_not_sent_again(unit, client):
    setup = project_with_workshop(unit)
    note = add_note(
        workshop=setup.workshop,
        by=setup.client,
        column=setup.workshop.columns.first(),
        text="Vanha",
    )
    Note.objects.filter(pk=note.pk).update(updated_at=timezone.now() - timezone.timedelta(hours=1))
    sign_in(client, setup.professional)
    url = reverse("codevelopment:board_changes", kwargs={"pk": setup.workshop.pk})
    data = client.get(url, {"since": timezone.now().isoformat()}).json()
    assert data["notes"] == []


def test_the_board_costs_the_same_queries_with_many_notes(
    unit, client, django_assert_max_num_queries
):
    setup = project_with_workshop(unit)
    for index in range(20):
        note = add_note(
            workshop=setup.workshop,
            by=setup.client,
            column=setup.workshop.columns.first(),
            text=f"Idea {index}",
        )
        cast_vote(note=note, by=setup.professional) if index < 3 else None
    sign_in(client, setup.professional)
    with django_assert_max_num_queries(25):
        client.get(board_url(setup.workshop))


# --- Each step on the board has its own address and comes back to the board ---------------


def board_step_url(workshop, step):
    return reverse(f"codevelopment:board_{step}", kwargs={"pk": workshop.pk})


def english(client, user):
    sign_in(client, user)
    client.cookies.load({"django_language": "en"})
    return client


def test_adding_a_note_returns_to_the_board_with_a_message(unit, client):
    setup = project_with_workshop(unit)
    column = setup.workshop.columns.first()
    response = english(client, setup.client).post(
        board_step_url(setup.workshop, "note"), {"column": column.pk, "text": "Idea"}, follow=True
    )
    assert response.redirect_chain == [(board_url(setup.workshop), 302)]
    assert "Note added." in response.content.decode()


def test_an_empty_note_is_shown_beside_its_field_on_the_board(unit, client):
    setup = project_with_workshop(unit)
    column = setup.workshop.columns.first()
    response = english(client, setup.client).post(
        board_step_url(setup.workshop, "note"), {"column": column.pk, "text": " "}
    )
    assert response.status_code == 200
    assert response.context["note_form"].errors["text"]
    body = response.content.decode()
    assert "error-summary" in body
    assert 'class="board"' in body and "Before" in body
    assert not Note.objects.exists()


def test_voting_returns_to_the_note_and_withdrawing_takes_the_vote_back(unit, client):
    setup = project_with_workshop(unit)
    note = add_note(
        workshop=setup.workshop, by=setup.client, column=setup.workshop.columns.first(), text="A"
    )
    english(client, setup.professional)
    response = client.post(note_url(note, "vote"))
    assert response.url == f"{board_url(setup.workshop)}#note-{note.pk}"
    assert Vote.objects.filter(note=note, voter=setup.professional).count() == 1
    page = client.get(board_url(setup.workshop)).content.decode()
    assert "Vote saved." in page and "Withdraw a vote" in page
    client.post(note_url(note, "unvote"))
    assert not Vote.objects.exists()


def test_withdrawing_a_vote_one_does_not_have_is_told(unit, client):
    setup = project_with_workshop(unit)
    note = add_note(
        workshop=setup.workshop, by=setup.client, column=setup.workshop.columns.first(), text="A"
    )
    response = english(client, setup.professional).post(note_url(note, "unvote"), follow=True)
    assert response.redirect_chain == [(board_url(setup.workshop), 302)]
    assert "You have no vote on this note." in response.content.decode()


def test_an_empty_comment_is_refused_with_a_message(unit, client):
    setup = project_with_workshop(unit)
    note = add_note(
        workshop=setup.workshop, by=setup.client, column=setup.workshop.columns.first(), text="A"
    )
    response = english(client, setup.professional).post(
        note_url(note, "comment"), {"text": ""}, follow=True
    )
    assert response.redirect_chain == [(board_url(setup.workshop), 302)]
    assert "This field is required." in response.content.decode()
    assert not note.comments.exists()


def test_a_note_of_another_board_is_not_found(unit, client):
    setup = project_with_workshop(unit)
    other = project_with_workshop(unit)
    note = add_note(
        workshop=other.workshop, by=other.client, column=other.workshop.columns.first(), text="A"
    )
    sign_in(client, setup.professional)
    url = reverse("codevelopment:note_vote", kwargs={"pk": setup.workshop.pk, "note_pk": note.pk})
    assert client.post(url).status_code == 404
    assert not Vote.objects.exists()


def test_the_facilitator_adds_a_column_and_ready_made_columns(unit, client):
    setup = project_with_workshop(unit)
    english(client, setup.facilitator)
    before = setup.workshop.columns.count()
    response = client.post(board_step_url(setup.workshop, "column"), {"title": "Ideat"})
    assert response.url == board_url(setup.workshop)
    assert setup.workshop.columns.last().title == "Ideat"
    response = client.post(board_step_url(setup.workshop, "preset"), {"preset": "meetings"})
    assert response.url == board_url(setup.workshop)
    assert setup.workshop.columns.count() > before + 1
    assert "Columns added." in client.get(board_url(setup.workshop)).content.decode()


def test_an_empty_column_title_is_shown_beside_its_field(unit, client):
    setup = project_with_workshop(unit)
    response = english(client, setup.facilitator).post(
        board_step_url(setup.workshop, "column"), {"title": ""}
    )
    assert response.status_code == 200
    assert response.context["column_form"].errors["title"]


def test_a_group_member_cannot_add_columns(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.client)
    before = setup.workshop.columns.count()
    assert client.post(board_step_url(setup.workshop, "column"), {"title": "X"}).status_code == 404
    assert client.post(board_step_url(setup.workshop, "preset"), {"preset": "x"}).status_code == 404
    assert setup.workshop.columns.count() == before


@pytest.mark.parametrize("step", ["note", "column", "preset"])
def test_a_board_step_takes_only_post(unit, client, step):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    assert client.get(board_step_url(setup.workshop, step)).status_code == 405


def test_the_board_itself_takes_no_post(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.client)
    response = client.post(
        board_url(setup.workshop),
        {"action": "note", "column": setup.workshop.columns.first().pk, "text": "Idea"},
    )
    assert response.status_code == 405
    assert not Note.objects.exists()
