"""Browser tests in headless Debian Chromium: axe finds no violations; keyboard alone works."""

import pytest

from osallisuus.accounts.tests.factories import PASSWORD, sign_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/", "/tili/kirjaudu/", "/saavutettavuus/", "/tietosuoja/", "/toimipisteet/"]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_shell_pages_have_no_axe_violations(page, live_server, axe_violations, language, unit):
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    for path in PAGES:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], path


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_can_be_switched_by_keyboard(page):
    page.goto("/tietosuoja/")
    page.get_by_role("button", name="svenska").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "sv"


def test_staff_sign_in_with_keyboard_alone_reaches_the_code_step(page, make_user, axe_violations):
    user = make_user("staff")
    page.goto("/tili/kirjaudu/")
    page.get_by_label("Käyttäjätunnus").focus()
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tili/vahvistus/**")
    assert axe_violations(page) == []
    page.get_by_label("Kuusinumeroinen koodi", exact=False).focus()
    page.keyboard.type("000000")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    assert page.locator(".error-summary").is_visible()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_on_a_phone_the_navigation_folds_behind_a_menu_button(
    page, live_server, make_user, axe_violations, language
):
    """The header leaves the screen to the content; the menu opens by keyboard alone."""
    sign_in_browser(page, live_server, make_user("coordinator"), language=language)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/toimipisteet/")
    main_top = page.evaluate("document.querySelector('main').getBoundingClientRect().top")
    assert main_top < 200, f"the header takes {main_top} px"
    menu = page.locator(".nav-menu > summary")
    assert menu.is_visible()
    account = page.locator(".main-nav a[href='/tili/']")
    assert not account.is_visible()
    page.keyboard.press("Tab")  # the skip link stays first
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    menu.focus()
    page.keyboard.press("Enter")
    assert account.is_visible()
    assert axe_violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_on_a_wide_screen_the_navigation_is_open_without_a_button(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    assert not page.locator(".nav-menu > summary").is_visible()
    assert page.locator(".main-nav a[href='/toimipisteet/']").is_visible()
