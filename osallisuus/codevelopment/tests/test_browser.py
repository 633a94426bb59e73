"""Browser tests: the live board in two browsers, dot voting, keyboard use, and axe on the pages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from osallisuus.codevelopment.models import Note, Vote
from osallisuus.codevelopment.services import add_note

from .factories import project_with_workshop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_page(
    browser: Any, live_server: Any, user: Any, language: str = "en", *, scripts: bool = True
) -> Any:
    """A browser context of its own, signed in as the user (both factors done)."""
    from django.test import Client

    from osallisuus.accounts.tests.factories import sign_in

    client = Client()
    sign_in(client, user)
    context = browser.new_context(
        locale="fi-FI", base_url=live_server.url, java_script_enabled=scripts
    )
    context.set_default_timeout(10_000)
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            },
            {"name": "django_language", "value": language, "url": live_server.url},
        ]
    )
    return context.new_page()


def test_a_note_added_in_one_browser_appears_in_the_other_without_reloading(
    browser, live_server, unit
):
    setup = project_with_workshop(unit)
    board = f"/yhteiskehittaminen/tyopaja/{setup.workshop.pk}/taulu/"
    watcher = signed_in_page(browser, live_server, setup.professional)
    writer = signed_in_page(browser, live_server, setup.client)
    watcher.goto(board)
    writer.goto(board)
    watcher.evaluate("window.notReloaded = true")
    writer.evaluate("window.notReloaded = true")

    now = setup.workshop.columns.get(position=1).title
    writer.get_by_label("Column").select_option(label=now)
    writer.get_by_label("Your note").fill("Puhelinjono on liian pitkä")
    writer.get_by_role("button", name="Add note").click()

    now_column = watcher.locator(
        "section.board-column", has=watcher.get_by_role("heading", name=now)
    )
    expect(now_column.locator("p.note-text")).to_have_text("Puhelinjono on liian pitkä")
    expect(watcher.locator("#board-live")).to_contain_text("Puhelinjono on liian pitkä")
    assert watcher.evaluate("window.notReloaded") is True
    # The writer stays on the page too, ready for the next note, and sees their own in place.
    writer_column = writer.locator(
        "section.board-column", has=writer.get_by_role("heading", name=now)
    )
    expect(writer_column.locator("p.note-text")).to_have_text("Puhelinjono on liian pitkä")
    expect(writer.get_by_label("Your note")).to_have_value("")
    assert writer.evaluate("document.activeElement.id") == "id_text"
    assert writer.evaluate("window.notReloaded") is True
    assert Note.objects.filter(text="Puhelinjono on liian pitkä").count() == 1
    watcher.context.close()
    writer.context.close()


def test_votes_stop_at_the_set_number_and_the_board_works_by_keyboard(browser, live_server, unit):
    setup = project_with_workshop(unit, votes=2)
    note = add_note(
        workshop=setup.workshop,
        by=setup.professional,
        column=setup.workshop.columns.first(),
        text="Takaisinsoitto",
    )
    page = signed_in_page(browser, live_server, setup.client)
    page.goto(f"/yhteiskehittaminen/tyopaja/{setup.workshop.pk}/taulu/")

    # Add a note with the keyboard only: type into the field, Tab past the checkbox, Enter.
    page.get_by_label("Your note").focus()
    page.keyboard.type("Chat iltaisin")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # post anonymously
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Note added.")).to_be_visible()
    mine = Note.objects.get(text="Chat iltaisin")
    assert mine.anonymous

    vote = page.get_by_role("button", name=re.compile(r"^Vote\W+Takaisinsoitto$"))
    for _ in range(2):
        vote.focus()
        page.keyboard.press("Enter")
        expect(page.get_by_text("Vote saved.")).to_be_visible()
    expect(page.locator("#votes-left")).to_have_text("0")
    expect(page.get_by_role("button", name=re.compile(r"^Vote\W+Takaisinsoitto$"))).to_be_disabled()
    assert Vote.objects.filter(voter=setup.client, note=note).count() == 2

    # Move a note between columns with the select and its button, by keyboard.
    select = page.locator(f"#move-{note.pk}")
    select.focus()
    page.keyboard.press("End")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Note moved.")).to_be_visible()
    note.refresh_from_db()
    assert note.column == setup.workshop.columns.last()
    page.context.close()


def test_the_board_works_without_javascript(browser, live_server, unit):
    setup = project_with_workshop(unit)
    board = f"/yhteiskehittaminen/tyopaja/{setup.workshop.pk}/taulu/"
    page = signed_in_page(browser, live_server, setup.facilitator, scripts=False)
    page.goto(board)
    # A note without text: the board again, the error beside the field and in the summary.
    page.get_by_role("button", name="Add note").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".add-note .error-text")).to_be_visible()
    page.get_by_label("Your note").fill("Soittoaika on liian lyhyt")
    page.get_by_role("button", name="Add note").click()
    expect(page.get_by_text("Note added.")).to_be_visible()
    assert page.url.endswith(board)
    note = Note.objects.get(text="Soittoaika on liian lyhyt")
    page.get_by_label("Comment").fill("Samaa mieltä")
    page.get_by_role("button", name=re.compile(r"^Send comment")).click()
    expect(page.get_by_text("Comment added.")).to_be_visible()
    assert note.comments.get().text == "Samaa mieltä"
    page.get_by_role("button", name=re.compile(r"^Vote\W")).click()
    expect(page.get_by_text("Vote saved.")).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Withdraw a vote\W")).click()
    expect(page.get_by_text("Vote saved.")).to_be_visible()
    assert not Vote.objects.exists()
    page.get_by_label("New column").fill("Ideat")
    page.get_by_role("button", name="Add column").click()
    expect(page.get_by_role("heading", name="Ideat")).to_be_visible()
    page.context.close()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_project_workshop_board_and_public_pages_have_no_axe_violations(
    browser, live_server, axe_violations, language, unit
):
    setup = project_with_workshop(unit)
    add_note(
        workshop=setup.workshop, by=setup.client, column=setup.workshop.columns.first(), text="Jono"
    )
    project, workshop = setup.project.pk, setup.workshop.pk
    page = signed_in_page(browser, live_server, setup.facilitator, language)
    for path in [
        "/yhteiskehittaminen/",
        f"/yhteiskehittaminen/{project}/",
        f"/yhteiskehittaminen/{project}/vaihe/preparation/",
        f"/yhteiskehittaminen/{project}/ryhma/",
        f"/yhteiskehittaminen/{project}/tulokset/",
        f"/yhteiskehittaminen/{project}/raportti/",
        f"/yhteiskehittaminen/tyopaja/{workshop}/",
        f"/yhteiskehittaminen/tyopaja/{workshop}/taulu/",
        f"/yhteiskehittaminen/julkiset/{project}/",
        "/yhteiskehittaminen/julkiset/",
    ]:
        page.goto(path)
        assert axe_violations(page) == [], path
    # A note without text: the board shown again with the error, clean too.
    page.goto(f"/yhteiskehittaminen/tyopaja/{workshop}/taulu/")
    page.locator("form.add-note button[type=submit]").click()
    page.locator(".error-summary").wait_for()
    assert axe_violations(page) == [], "board with errors"
    page.context.close()
