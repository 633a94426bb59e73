"""The printable A4 poster of a unit: its name and instructions in Finnish and Swedish, and a big
QR code to the unit's feedback form (the QR door of issue #3)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import segno
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from osallisuus.links import absolute_url
from osallisuus.organisation.models import Unit

# DejaVu covers every letter of Finnish, Swedish and Sámi names; Helvetica is the fallback.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
BRAND = (0 / 255, 88 / 255, 122 / 255)


def _fonts() -> tuple[str, str]:
    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if not (regular.exists() and bold.exists()):
        return "Helvetica", "Helvetica-Bold"
    if "PosterSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PosterSans", str(regular)))
        pdfmetrics.registerFont(TTFont("PosterSans-Bold", str(bold)))
    return "PosterSans", "PosterSans-Bold"


def form_url(unit: Unit) -> str:
    """The absolute address the QR code opens; ?qr=1 records the channel as QR."""
    path = reverse("feedback:give", kwargs={"code": unit.code})
    return absolute_url(path) + "?qr=1"


def _texts(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "title": _("Tell us how it went"),
            "how": _("Scan the code with your phone's camera and answer a few questions."),
            "anonymous": _("You can answer anonymously. Every piece of feedback is read."),
            "code": _("Unit code"),
        }


def _wrap(canvas: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if canvas.stringWidth(candidate, font, size) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def unit_poster_pdf(unit: Unit) -> bytes:
    """One A4 page: names fi+sv, a QR code of about 11 cm, instructions fi+sv, the unit code."""
    regular, bold = _fonts()
    width, height = A4
    margin = 18 * mm
    text_width = width - 2 * margin
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    name_fi = unit.name_fi
    name_sv = unit.name_sv or ""
    canvas.setTitle(f"{name_fi} – {name_sv}" if name_sv else name_fi)
    canvas.setAuthor("Osallisuus")
    fi, sv = _texts("fi"), _texts("sv")

    # A band with the invitation in both languages.
    canvas.setFillColorRGB(*BRAND)
    canvas.rect(0, height - 42 * mm, width, 42 * mm, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont(bold, 26)
    canvas.drawCentredString(width / 2, height - 20 * mm, fi["title"])
    canvas.setFont(regular, 20)
    canvas.drawCentredString(width / 2, height - 32 * mm, sv["title"])

    # The unit's name, Finnish first, then Swedish.
    canvas.setFillColorRGB(0, 0, 0)
    y = height - 58 * mm
    for text, font, size in ((name_fi, bold, 24), (name_sv, regular, 18)):
        for line in _wrap(canvas, text, font, size, text_width):
            canvas.setFont(font, size)
            canvas.drawCentredString(width / 2, y, line)
            y -= size * 1.3

    # The QR code, drawn module by module so it stays sharp at any print size.
    qr = segno.make(form_url(unit), error="m")
    matrix = [list(row) for row in qr.matrix]
    side = 110 * mm
    module = side / (len(matrix) + 8)
    left = (width - side) / 2
    top = y - 4 * mm
    canvas.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                canvas.rect(
                    left + (c + 4) * module,
                    top - (r + 5) * module,
                    module,
                    module,
                    stroke=0,
                    fill=1,
                )
    y = top - side - 6 * mm

    # Instructions in both languages, then the address and code for those without a camera.
    for texts, font in ((fi, regular), (sv, regular)):
        for key in ("how", "anonymous"):
            for line in _wrap(canvas, texts[key], font, 14, text_width):
                canvas.setFont(font, 14)
                canvas.drawCentredString(width / 2, y, line)
                y -= 18
        y -= 8
    canvas.setFont(regular, 12)
    canvas.drawCentredString(width / 2, y, form_url(unit).removesuffix("?qr=1"))
    y -= 22
    canvas.setFont(bold, 16)
    canvas.drawCentredString(width / 2, y, f"{fi['code']} / {sv['code']}: {unit.code}")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
