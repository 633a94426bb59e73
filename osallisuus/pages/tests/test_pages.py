"""The site shell: languages, statutory pages, health check, security headers."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fi", "Kerro mielipiteesi"), ("sv", "Säg din åsikt"), ("en", "Have your say")],
)
def test_home_page_speaks_the_language_asked_for(client, language, heading):
    client.cookies["django_language"] = language
    body = client.get("/").content.decode()
    assert f'<html lang="{language}">' in body
    assert heading in body


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_switcher_names_each_language_in_that_language_on_every_page(client, language):
    # #21 item 8: "suomi, svenska, English", never "englanti" or "engelska".
    client.cookies["django_language"] = language
    body = client.get("/").content.decode()
    switcher = body[body.index('class="language-switcher"') : body.index("</form>")]
    names = re.findall(r'value="(\w+)" lang="\1"[^>]*>([^<]+)</button>', switcher)
    assert names == [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]


def test_finnish_is_the_default_language(client):
    assert '<html lang="fi">' in client.get("/").content.decode()


def test_switching_language_by_form_post_keeps_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "sv", "next": "/tietosuoja/"})
    assert response.status_code == 302
    assert response["Location"] == "/tietosuoja/"
    assert '<html lang="sv">' in client.get("/tietosuoja/").content.decode()


@pytest.mark.parametrize("path", ["/", "/saavutettavuus/", "/tietosuoja/", "/tili/kirjaudu/"])
def test_pages_load_no_asset_from_another_host(client, path):
    body = client.get(path).content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', body)
    assets = [s for s in sources if s.startswith(("http:", "https:", "//"))]
    external_assets = [a for a in assets if re.search(r"\.(css|js|woff2?|png|svg)", a)]
    assert not external_assets


def test_statutory_pages_name_the_supervisor_and_the_rights(client):
    accessibility = client.get("/saavutettavuus/").content.decode()
    assert "306/2019" in accessibility
    assert "valvontavirasto" in accessibility
    privacy = client.get("/tietosuoja/").content.decode()
    assert "tietosuojavaltuutetun" in privacy


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "checks": {"database": "ok"}}


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_unknown_page_is_a_translated_404(client):
    client.cookies["django_language"] = "sv"
    response = client.get("/ei-ole-olemassa/")
    assert response.status_code == 404


def test_production_settings_pass_the_deployment_check():
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "production-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "osallisuus.example.fi",
        "DATABASE_URL": "sqlite:////tmp/osallisuus-deploy-check.sqlite3",
        "NUM_PROXIES": "1",
        "DJANGO_SETTINGS_MODULE": "osallisuus.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {"PATH": os.environ["PATH"], "DEBUG": "false", "ALLOWED_HOSTS": "x.fi"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_an_unknown_api_address_answers_in_json_and_a_page_address_with_the_page(client):
    api = client.get("/api/v1/no-such-thing/")
    assert api.status_code == 404
    assert api.json() == {"detail": "Ei löydy."}  # Finnish unless the client asks otherwise
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    assert page["Content-Type"].startswith("text/html")
