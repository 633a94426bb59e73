"""The unit register as CSV: the format counties exchange with other systems.

Import is all-or-nothing: every row is checked first, and a file with any bad row saves nothing.
Text a spreadsheet would run as a formula (a phone number "+358...") is exported with a leading
quote (osallisuus.spreadsheets); the import takes that quote off again.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Protocol

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from osallisuus.spreadsheets import CsvWriter, csv_text

from .models import (
    SERVICE_LANGUAGES,
    Municipality,
    Organiser,
    Producer,
    Service,
    ServiceArea,
    Unit,
    unit_code_validator,
)

POSTAL_CODE_DIGITS = 5  # Finnish postal codes

COLUMNS = [
    "code",
    "name_fi",
    "name_sv",
    "name_en",
    "service_area",
    "service",
    "producer",
    "producer_kind",
    "street_address",
    "postal_code",
    "municipality",
    "municipality_code",
    "languages",
    "opening_info_fi",
    "opening_info_sv",
    "opening_info_en",
    "phone",
    "active",
]
REQUIRED = ["code", "name_fi", "service_area", "service", "producer"]
TRUE_WORDS = {"1", "true", "yes", "kyllä", "ja", "x"}
FALSE_WORDS = {"0", "false", "no", "ei", "nej"}


@dataclass
class RowError:
    line: int
    message: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def unit_rows(units: Iterable[Unit]) -> Iterator[dict[str, str]]:
    """Yield the register rows of the given units, in the CSV column order."""
    for unit in units:
        yield {
            "code": unit.code,
            "name_fi": unit.name_fi,
            "name_sv": unit.name_sv,
            "name_en": unit.name_en,
            "service_area": unit.service.area.name_fi,
            "service": unit.service.name_fi,
            "producer": unit.producer.name_fi,
            "producer_kind": unit.producer.kind,
            "street_address": unit.street_address,
            "postal_code": unit.postal_code,
            "municipality": unit.municipality.name_fi if unit.municipality else "",
            "municipality_code": unit.municipality.code if unit.municipality else "",
            "languages": unit.languages,
            "opening_info_fi": unit.opening_info_fi,
            "opening_info_sv": unit.opening_info_sv,
            "opening_info_en": unit.opening_info_en,
            "phone": unit.phone,
            "active": "true" if unit.active else "false",
        }


class TextSink(Protocol):
    def write(self, text: str, /) -> object: ...


def export_units(out: TextSink) -> int:
    """Write every unit of the register as CSV with a header row; return the number of units."""
    units = Unit.objects.select_related("service__area", "producer", "municipality").order_by(
        "code"
    )
    writer = CsvWriter(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in unit_rows(units):
        writer.writerow(row[column] for column in COLUMNS)
        count += 1
    return count


def _check_row(row: dict[str, str]) -> list[str]:
    problems = [
        _("“%(column)s” is empty.") % {"column": column}
        for column in REQUIRED
        if not row.get(column, "").strip()
    ]
    code = row.get("code", "").strip()
    if code:
        try:
            unit_code_validator(code)
        except ValidationError:
            problems.append(
                _("code “%(code)s” must be 3–12 capital letters and digits without 0, O, 1 or I.")
                % {"code": code}
            )
    postal_code = row.get("postal_code", "").strip()
    if postal_code and not (len(postal_code) == POSTAL_CODE_DIGITS and postal_code.isdigit()):
        problems.append(
            _("postal code “%(value)s” must have five digits.") % {"value": postal_code}
        )
    languages = [c.strip() for c in row.get("languages", "").split(",") if c.strip()]
    unknown = [c for c in languages if c not in SERVICE_LANGUAGES]
    if unknown:
        problems.append(
            _("unknown language codes: %(codes)s (use fi, sv, en, se).")
            % {"codes": ", ".join(unknown)}
        )
    kind = row.get("producer_kind", "").strip()
    if kind and kind not in Producer.Kind.values:
        problems.append(
            _("producer kind “%(kind)s” must be county, company or ngo.") % {"kind": kind}
        )
    if row.get("active", "").strip().lower() not in TRUE_WORDS | FALSE_WORDS | {""}:
        problems.append(_("active must be true or false."))
    return problems


def import_units(source: IO[str], *, organiser: Organiser) -> ImportResult:
    """Check every row, then create or update units by code in one transaction.

    Missing service areas, services, producers and municipalities are created by name.
    """
    result = ImportResult()
    reader = csv.DictReader(source)
    header = reader.fieldnames or []
    if not header or header[0] != "code" or not set(REQUIRED) <= set(header):
        result.errors.append(
            RowError(
                1,
                _("The header row must start with “code” and name the columns: %(cols)s.")
                % {"cols": ", ".join(COLUMNS)},
            )
        )
        return result
    rows: list[tuple[int, dict[str, str]]] = []
    seen_codes: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        # Our own exports quote text a spreadsheet would run; read it back as it was.
        clean = {key: csv_text(value or "").strip() for key, value in row.items() if key}
        if None in row:
            result.errors.append(RowError(line, _("The row has more fields than the header.")))
            continue
        result.errors.extend(RowError(line, message) for message in _check_row(clean))
        code = clean.get("code", "")
        if code in seen_codes:
            result.errors.append(
                RowError(
                    line,
                    _("code “%(code)s” is already on line %(line)s.")
                    % {"code": code, "line": seen_codes[code]},
                )
            )
        seen_codes[code] = line
        rows.append((line, clean))
    if result.errors:
        return result
    with transaction.atomic():
        for line, row in rows:
            try:
                created = _save_row(row, organiser=organiser)
            except (ValidationError, ValueError) as error:
                result.errors.append(RowError(line, "; ".join(_messages(error))))
                continue
            if created:
                result.created += 1
            else:
                result.updated += 1
        if result.errors:
            transaction.set_rollback(True)
            result.created = result.updated = 0
    return result


def _messages(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return [str(m) for m in error.messages]
    return [str(error)]


def _save_row(row: dict[str, str], *, organiser: Organiser) -> bool:
    area, _created = ServiceArea.objects.get_or_create(
        organiser=organiser, name_fi=row["service_area"]
    )
    service, _created = Service.objects.get_or_create(area=area, name_fi=row["service"])
    producer = Producer.objects.filter(organiser=organiser, name_fi=row["producer"]).first()
    if producer is None:
        if not row.get("producer_kind"):
            raise ValueError(
                _("producer “%(name)s” is new: give its producer_kind.") % {"name": row["producer"]}
            )
        producer = Producer.objects.create(
            organiser=organiser, name_fi=row["producer"], kind=row["producer_kind"]
        )
    municipality = None
    if row.get("municipality_code"):
        municipality, _created = Municipality.objects.get_or_create(
            code=row["municipality_code"],
            defaults={"organiser": organiser, "name_fi": row.get("municipality") or ""},
        )
    elif row.get("municipality"):
        municipality = Municipality.objects.filter(name_fi=row["municipality"]).first()
        if municipality is None:
            raise ValueError(
                _("municipality “%(name)s” is new: give its municipality_code.")
                % {"name": row["municipality"]}
            )
    unit = Unit.objects.filter(code=row["code"]).first() or Unit(code=row["code"])
    created = unit.pk is None
    unit.name_fi = row["name_fi"]
    unit.name_sv = row.get("name_sv", "")
    unit.name_en = row.get("name_en", "")
    unit.service = service
    unit.producer = producer
    unit.municipality = municipality
    unit.street_address = row.get("street_address", "")
    unit.postal_code = row.get("postal_code", "")
    unit.languages = ",".join(
        c.strip() for c in (row.get("languages") or "fi").split(",") if c.strip()
    )
    unit.opening_info_fi = row.get("opening_info_fi", "")
    unit.opening_info_sv = row.get("opening_info_sv", "")
    unit.opening_info_en = row.get("opening_info_en", "")
    unit.phone = row.get("phone", "")
    # An empty "active" cell keeps the unit active.
    unit.active = row.get("active", "").lower() not in FALSE_WORDS
    unit.full_clean()
    unit.save()
    return created
