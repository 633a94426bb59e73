"""The whole loop in a real browser (#15): a Swedish-speaking client gives QR feedback with an
e-mail address; staff link it and two other comments to one action; the unit manager carries a
matter to the social and health committee; a committee member records "accepted with changes"
with reasons. The giver's status page shows the decision and its reasons in Swedish, and the
outbox holds, besides the receipt, exactly one e-mail to the giver for the day."""

from __future__ import annotations

import re

import pytest

from osallisuus.accounts.tests.factories import sign_in_browser, user_with_role
from osallisuus.feedback.models import Feedback
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.notifications.models import OutboxMessage
from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import OrganiserFactory
from osallisuus.trail.models import Action, Decision, InputLink, Matter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GIVER = "klient@example.org"
DECISION_SV = "Nämnden beslutade att hissen repareras före årsskiftet."
MATTER_PAGE = re.compile(r"/asiat/\d+/$")
REASONS = "Korjaus tehdään, mutta väliaikainen luiska riittää tammikuuhun asti."


def test_from_qr_feedback_to_a_committee_decision_the_giver_reads_in_swedish(
    page, live_server, axe_violations, unit
):
    staff = user_with_role("staff", unit=unit)
    manager = user_with_role("unit_manager", unit=unit)
    member = user_with_role("decision_maker")
    committee = DecisionBody.objects.create(
        organiser=OrganiserFactory(),
        kind=DecisionBody.Kind.COMMITTEE,
        name_fi="Sosiaali- ja terveyslautakunta",
        name_sv="Social- och hälsovårdsnämnden",
    )
    committee.members.add(member)
    others = [
        submit_feedback(FeedbackInput(unit=unit, text=text))[0]
        for text in ("Hissi on ollut rikki viikkoja", "En päässyt hissillä toiseen kerrokseen")
    ]

    # The client, on the QR form in Swedish, leaves an e-mail address for the answer.
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": live_server.url}])
    page.goto("/palaute/KST/?qr=1")
    page.locator("textarea").first.fill("Hissen har varit trasig i två veckor.")
    page.locator("#id_contact_email").fill(GIVER)
    page.locator("main form button[type=submit].primary").click()
    given = Feedback.objects.exclude(pk__in=[item.pk for item in others]).get()
    page.get_by_text(given.reply_code).first.wait_for()
    assert (given.channel, given.language) == ("qr", "sv")

    # Staff choose the three comments in the inbox and plan one action.
    sign_in_browser(page, live_server, staff)
    page.goto("/palaute/saapuneet/")
    for item in (given, *others):
        page.locator(f"#choose-{item.pk}").check()
    page.locator("#inbox-choose button[type=submit]").click()
    page.locator("a[href^='/toimenpiteet/uusi/']").click()
    page.locator("#id_title_fi").fill("Hissin korjaus")
    page.locator("#id_public_text_fi").fill("Hissi korjataan.")
    page.locator("#id_public_text_sv").fill("Hissen repareras.")
    page.locator("#id_owner").select_option(str(staff.pk))
    page.locator("#id_unit").select_option(str(unit.pk))
    page.locator("button.primary").click()
    page.locator("#timeline-heading").wait_for()
    action = Action.objects.get()
    assert InputLink.objects.filter(action=action).count() == 3

    # The unit manager carries a matter with the action to the committee.
    sign_in_browser(page, live_server, manager)
    page.goto("/asiat/uusi/")
    page.locator("#id_title").fill("Hissi ja esteettömyys")
    page.locator("#id_summary").fill("Asiakkaat eivät päässeet vastaanotolle.")
    page.locator(f"input[name=actions][value='{action.pk}']").check()
    page.locator("#id_target_body").select_option(str(committee.pk))
    page.locator("#id_unit").select_option(str(unit.pk))
    page.locator("button.primary").click()
    page.wait_for_url(MATTER_PAGE)
    matter = Matter.objects.get()
    page.goto(f"/asiat/{matter.pk}/viety/")
    page.locator("#id_public_text_fi").fill("Asia vietiin lautakunnalle.")
    page.locator("#id_public_text_sv").fill("Ärendet fördes till nämnden.")
    page.locator("button.primary").click()
    page.wait_for_url(MATTER_PAGE)
    matter.refresh_from_db()
    assert matter.carrier == manager and matter.carried_on is not None

    # A committee member records the decision: first without reasons, which stores nothing.
    sign_in_browser(page, live_server, member)
    page.goto(f"/asiat/{matter.pk}/paatos/")
    page.locator("input[name=outcome][value=changed]").check()
    page.locator("#id_decided_by").fill("Sosiaali- ja terveyslautakunta")
    page.locator("#id_public_text_fi").fill(
        "Lautakunta päätti korjata hissin ennen vuodenvaihdetta."
    )
    page.locator("#id_public_text_sv").fill(DECISION_SV)
    page.locator("button.primary").click()
    page.locator(".error-summary a[href='#id_reasons']").wait_for()
    assert page.locator("#id_reasons_error").is_visible()
    assert axe_violations(page) == []
    assert not Decision.objects.exists()
    page.locator("#id_reasons").fill(REASONS)
    page.locator("button.primary").click()
    page.wait_for_url(MATTER_PAGE)
    decision = Decision.objects.get()
    assert decision.outcome == "changed"

    # The giver reads the decision and its reasons in Swedish on the status page.
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": live_server.url}])
    page.goto(f"/palaute/seuraa/{given.reply_code}/")
    assert page.get_by_text(DECISION_SV).is_visible()
    assert page.get_by_text(REASONS).is_visible()
    assert page.get_by_text("Hissen repareras.").is_visible()
    assert axe_violations(page) == []
    # Besides the receipt with the reply code, every step joined one message of the day.
    receipt, news = OutboxMessage.objects.filter(recipient=GIVER, channel="email").order_by("pk")
    assert given.reply_code in receipt.body
    for step in ("Hissen repareras.", "Ärendet fördes till nämnden.", DECISION_SV):
        assert step in news.body
