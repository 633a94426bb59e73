"""Strong identification in a real browser: the round trip, and the refusal page (axe, phone)."""

from collections.abc import Iterator
from typing import Any

import pytest

from osallisuus.accounts.models import User
from osallisuus.accounts.tests.oidc_provider import LocalProvider
from osallisuus.accounts.tests.test_strong_identification import (
    IDENTITY_CODE,
    keyed_hash,
    resident_provider,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HEADINGS = {
    "fi": "Vahva tunnistus ei onnistunut",
    "sv": "Den starka identifieringen lyckades inte",
    "en": "Strong identification did not succeed",
}


@pytest.fixture
def provider(settings: Any) -> Iterator[LocalProvider]:
    with resident_provider(settings) as running:
        yield running


def in_language(page: Any, live_server: Any, language: str) -> None:
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )


def test_a_resident_goes_to_the_provider_and_comes_back_signed_in(page, live_server, provider):
    page.goto("/tili/vahva/?next=/palaute/seuraa/")
    page.wait_for_url("**/palaute/seuraa/")
    user = User.objects.get()
    assert user.strong_identity_hash == keyed_hash(IDENTITY_CODE)
    assert page.get_by_role("link", name="Oma tili").is_visible()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_refusal_page_is_accessible_and_fits_a_phone(
    page, live_server, axe_violations, provider, language
):
    page.set_viewport_size({"width": 320, "height": 640})
    in_language(page, live_server, language)
    page.goto("/tili/vahva/paluu/?code=stolen&state=forged")
    assert page.locator("h1").inner_text() == HEADINGS[language]
    assert axe_violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow} px wider than the phone"
    assert not User.objects.exists()
