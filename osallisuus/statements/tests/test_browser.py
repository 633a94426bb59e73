"""Statements in a browser: the disability council flags a matter, approves its statement at a
meeting, the statement reaches the matter, the decision records how it was taken into account,
and the council is told; the statement pages pass axe in fi, sv and en on a 320 px phone."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.dialogue.tests.factories import meeting_of
from osallisuus.dialogue.tests.test_browser import WIDE
from osallisuus.notifications.models import OutboxMessage
from osallisuus.statements import services
from osallisuus.statements.models import RequestStatus, StatementRequest
from osallisuus.trail.models import Decision

from .factories import NEXT_MONTH, committee_of, council_for, matter_of, preparer_of, secretary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATEMENT = "Neuvosto puoltaa, kun saattajan matkat säilyvät maksuttomina."
TAKEN = "Saattajan matkat pidetään maksuttomina koko alueella."


def _main(page):
    return page.locator("main").inner_text()


def test_the_council_flags_a_matter_and_its_statement_is_taken_into_account(
    page, live_server, axe_violations, unit
):
    preparer = preparer_of(unit)
    writer = secretary()
    council = council_for(unit.producer.organiser, secretary=writer)
    decider = user_with_role("decision_maker")
    body = committee_of(unit.producer.organiser, member=decider)
    matter = matter_of(unit, preparer=preparer, body=body)
    meeting = meeting_of(council)
    meeting.starts_at = timezone.now() - datetime.timedelta(days=1)
    meeting.save()

    # The council's secretary flags the matter.
    sign_in_browser(page, live_server, writer)
    page.goto("/lausunnot/")
    page.get_by_role("link", name="Nosta asia esiin").click()
    page.get_by_label("Toimielimesi").select_option(str(council.pk))
    page.locator("#id_matter").select_option(str(matter.pk))
    page.get_by_label("Miksi asia koskee ryhmäänne").fill("Kuljetuspalvelu on välttämätön.")
    page.get_by_label("Toimielin antaa lausuntonsa viimeistään").fill(NEXT_MONTH.isoformat())
    assert axe_violations(page) == []
    page.get_by_role("button", name="Nosta asia esiin").click()
    assert "Asia on nostettu esiin" in _main(page)
    request = StatementRequest.objects.get()
    assert OutboxMessage.objects.filter(recipient=preparer.email).exists()

    # The council approved its statement at its meeting: the secretary submits it.
    page.locator("#id_text").fill(STATEMENT)
    page.get_by_label("Kokous, joka hyväksyi sen").select_option(str(meeting.pk))
    page.get_by_label("Pöytäkirjan pykälä (§)").fill("7")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Anna lausunto").click()
    assert STATEMENT in _main(page)
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED and request.meeting == meeting

    # The statement reaches the matter: its preparer sees it there and records how it was
    # taken into account.
    sign_in_browser(page, live_server, preparer)
    page.goto(f"/asiat/{matter.pk}/")
    assert STATEMENT in _main(page)
    page.goto(request.get_absolute_url())
    page.get_by_label("Miten lausunto otettiin huomioon").fill(TAKEN)
    page.get_by_role("button", name="Kirjaa ja kerro toimielimelle").click()
    assert "Toimielimelle on kerrottu" in _main(page)
    assert TAKEN in _main(page)

    # The committee decides; the council is told of the decision and of how its statement
    # was taken into account.
    sign_in_browser(page, live_server, decider)
    page.goto(f"/asiat/{matter.pk}/paatos/")
    page.locator("input[name=outcome][value=changed]").check()
    page.locator("[name=decided_by]").fill("Sosiaali- ja terveyslautakunta")
    page.locator("[name=reasons]").fill("Vammaisneuvoston lausunto otettiin huomioon.")
    page.locator("[name=public_text_fi]").fill("Lautakunta hyväksyi perusteet muutoksin.")
    page.locator("main button[type=submit]").last.click()
    page.wait_for_url(f"**/asiat/{matter.pk}/")
    assert Decision.objects.filter(matter=matter).exists()
    told = " ".join(
        OutboxMessage.objects.filter(recipient=writer.email).values_list("body", flat=True)
    )
    assert TAKEN in told
    assert "Lautakunta hyväksyi perusteet muutoksin." in told


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_statement_pages_pass_axe_on_a_320_px_phone(
    page, live_server, axe_violations, unit, language
):
    preparer = preparer_of(unit)
    writer = secretary()
    council = council_for(unit.producer.organiser, secretary=writer)
    matter = matter_of(unit, preparer=preparer, body=committee_of(unit.producer.organiser))
    request = services.request_statement(
        by=preparer, matter=matter, group=council, question="Lausunto", due_on=NEXT_MONTH
    )
    page.set_viewport_size({"width": 320, "height": 640})
    pages = {
        preparer: ["/lausunnot/", "/lausunnot/pyyda/", request.get_absolute_url()],
        writer: ["/lausunnot/nosta/", request.get_absolute_url()],
    }
    for user, paths in pages.items():
        sign_in_browser(page, live_server, user, language=language)
        for path in paths:
            page.goto(path)
            assert axe_violations(page) == [], path
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path}: {overflow} px too wide {page.evaluate(WIDE)}"
