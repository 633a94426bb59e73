"""The unit register as CSV: export, import, and all-or-nothing errors with line numbers."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from osallisuus.organisation.models import Producer, Unit
from osallisuus.organisation.unit_register import COLUMNS

pytestmark = pytest.mark.django_db


def export() -> str:
    out = io.StringIO()
    call_command("export_units", stdout=out)
    return out.getvalue()


def test_export_writes_a_header_starting_with_code_and_one_row_per_unit(unit, other_unit):
    rows = list(csv.reader(io.StringIO(export())))
    assert rows[0][0] == "code"
    assert rows[0] == COLUMNS
    assert sorted(r[0] for r in rows[1:]) == ["KST", "MTR"]


def test_export_then_import_round_trips(unit, tmp_path):
    text = export().replace("Keskustan terveysasema", "Keskustan uusi terveysasema")
    path = tmp_path / "units.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_units", str(path), stdout=out)
    assert "0 units created, 1 updated" in out.getvalue()
    unit.refresh_from_db()
    assert unit.name_fi == "Keskustan uusi terveysasema"
    assert unit.name_sv == "Centrums hälsostation"


def test_import_creates_units_services_and_producers(unit, tmp_path):
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        code="HAM7",
        name_fi="Rantakylän hammashoitola",
        service_area="Suun terveydenhuolto",
        service="Hammashoitolat",
        producer="Hammas Oy",
        producer_kind="company",
        postal_code="41200",
        languages="fi,sv",
        active="true",
    )
    path = tmp_path / "units.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    call_command("import_units", str(path), stdout=io.StringIO())
    created = Unit.objects.get(code="HAM7")
    assert created.service.area.name_fi == "Suun terveydenhuolto"
    assert created.producer.kind == Producer.Kind.COMPANY
    assert created.language_list == ["fi", "sv"]


def test_a_file_with_bad_rows_saves_nothing_and_names_the_lines(unit, tmp_path):
    good = dict.fromkeys(COLUMNS, "")
    good.update(
        code="NEW2",
        name_fi="Uusi",
        service_area="A",
        service="B",
        producer="Testilaakson hyvinvointialue",
    )
    bad_code = {**good, "code": "bad-0", "name_fi": "Huono"}
    bad_postal = {**good, "code": "NEW3", "postal_code": "123"}
    duplicate = {**good}
    path = tmp_path / "units.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in (good, bad_code, bad_postal, duplicate):
            writer.writerow(row)
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was saved"):
        call_command("import_units", str(path), stdout=io.StringIO(), stderr=err)
    messages = err.getvalue()
    assert "line 3:" in messages and "bad-0" in messages
    assert "line 4:" in messages
    assert "line 5:" in messages
    assert not Unit.objects.filter(code="NEW2").exists()


def test_a_file_without_the_header_is_refused(tmp_path, unit):
    path = tmp_path / "units.csv"
    path.write_text("name,code\nX,ABC\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_units", str(path), stdout=io.StringIO(), stderr=err)
    assert "line 1:" in err.getvalue()


def test_the_public_unit_page_shows_address_and_languages(client, unit):
    unit.street_address = "Kirkkotie 5"
    unit.save()
    client.cookies["django_language"] = "sv"
    body = client.get("/toimipisteet/KST/").content.decode()
    assert "Centrums hälsostation" in body
    assert "Kirkkotie 5" in body


def test_an_inactive_unit_is_not_public(client, unit):
    unit.active = False
    unit.save()
    assert client.get("/toimipisteet/KST/").status_code == 404
    assert client.get("/api/v1/units/KST/").status_code == 404


def test_the_unit_api_is_paginated_and_searchable(client, unit, other_unit):
    data = client.get("/api/v1/units/?q=Mäntyrannan").json()
    assert data["count"] == 1
    assert data["results"][0]["code"] == "MTR"
    assert client.get("/api/v1/units/?page_size=100000").json()["count"] == 2
