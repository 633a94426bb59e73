"""The printable QR poster of a unit."""

import base64
import re
import zlib

import pytest

pytestmark = pytest.mark.django_db


def content_streams(pdf: bytes) -> list[bytes]:
    """The page drawing instructions (ReportLab writes them ASCII85 + Flate encoded)."""
    found = []
    for match in re.finditer(
        rb"/Filter \[ /ASCII85Decode /FlateDecode \][^>]*>>\s*stream\r?\n(.*?)endstream",
        pdf,
        re.DOTALL,
    ):
        data = match.group(1).strip()
        found.append(zlib.decompress(base64.a85decode(data.removesuffix(b"~>"))))
    return found


def test_the_poster_is_one_a4_page_named_after_the_unit_in_finnish_and_swedish(client, unit):
    response = client.get("/palaute/KST/juliste.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type /Page\b", pdf)) == 1
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in pdf
    # "Keskustan terveysasema – Centrums hälsostation" in PDFDocEncoding.
    assert rb"/Title (Keskustan terveysasema \205 Centrums h\344lsostation)" in pdf


def test_the_poster_draws_a_qr_code(client, unit):
    pdf = client.get("/palaute/KST/juliste.pdf").content
    (page,) = content_streams(pdf)
    # A QR code of a short address has hundreds of dark modules, each drawn as a rectangle.
    assert page.count(b" re f") > 200


def test_the_qr_code_opens_the_units_form_at_the_sites_address(settings, unit):
    from osallisuus.feedback.intake.poster import form_url

    settings.SITE_URL = "https://osallisuus.example.fi/"
    assert form_url(unit) == "https://osallisuus.example.fi/palaute/KST/?qr=1"


def test_a_unit_that_does_not_exist_has_no_poster(client, unit):
    assert client.get("/palaute/XYZ/juliste.pdf").status_code == 404
