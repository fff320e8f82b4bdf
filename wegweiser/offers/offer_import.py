"""Bulk import of offers from a spreadsheet into one organisation: check everything, then all or nothing.

The column layout is documented in ``docs/import-offers.md``. One row is one offer; further rows with
the same title add more course dates to it. Every problem is reported with its row and column, and a
file with any problem imports nothing. Imported offers go through the same review as offers typed
into the admin: drafts submitted to the workflow, unless the organisation may publish directly.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.html import escape, linebreaks
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import Locale

from wegweiser.offers.models import CourseDate, OfferPage
from wegweiser.offers.spreadsheets import Sheet, SpreadsheetError, read_spreadsheet
from wegweiser.plugin_api import (
    District,
    Language,
    OrganisationPage,
    TargetGroup,
    TimeSlot,
    Topic,
    UnreadableSchedule,
    parse_schedule,
    slots_stream,
    slug_for,
)

TEXT_COLUMNS = (
    "summary", "cost_note", "place_name", "street", "postcode", "city", "registration_url", "contact_name",
    "contact_email", "contact_phone", "opening_hours",
)  # fmt: skip
CHOICE_COLUMNS = {
    "kind": (
        "kind",
        {"kurs": "course", "beratung": "counselling", "dienstleistung": "service", "gruppe": "group"},
    ),
    "mode": ("mode", {"vor ort": "in_person", "präsenz": "in_person", "in person": "in_person"}),
    "cost": (
        "cost",
        {"kostenlos": "free", "ermäßigt": "reduced", "kostenpflichtig": "fee", "gefördert": "funded"},
    ),
}
FLAG_COLUMNS = {"childcare": "childcare", "wheelchair_accessible": "wheelchair_accessible",
                "by_appointment_only": "by_appointment_only"}  # fmt: skip
DATE_COLUMNS = {"valid_from": "valid_from", "valid_until": "valid_until"}
TERM_COLUMNS = {"topics": Topic, "target_groups": TargetGroup, "languages": Language}
COURSE_DATE_COLUMNS = ("course_start", "course_end", "course_schedule", "seats_total", "seats_free",
                       "registration_deadline", "course_status", "cancellation_reason")  # fmt: skip
COURSE_STATUSES = {"geplant": "planned", "offen": "open", "ausgebucht": "full", "voll": "full",
                   "abgesagt": "cancelled", "fällt aus": "cancelled", "planned": "planned", "open": "open",
                   "full": "full", "cancelled": "cancelled", "canceled": "cancelled"}  # fmt: skip
LEVEL_ALIASES = {"alphabetisierung": "alpha", "alpha": "alpha", "literacy": "alpha"}
LEVEL_RANGE = re.compile(r"\s*(?:–|—|-|\bbis\b|\bto\b)\s*")
PAYER_ALIASES = {"bamf": "bamf", "berechtigungsschein": "bamf", "jobcenter": "jobcenter",
                 "bildungsgutschein": "jobcenter", "agentur für arbeit": "employment_agency",
                 "arbeitsagentur": "employment_agency", "stadtpass": "town_pass", "sozialpass": "town_pass",
                 "town pass": "town_pass", "sonstige": "other", "andere": "other", "other": "other"}  # fmt: skip
KNOWN_COLUMNS = {"title", "slug", "registration", "district", "level", "cost_amount", "cost_paid_by", *TEXT_COLUMNS, *CHOICE_COLUMNS, *FLAG_COLUMNS,
                 *DATE_COLUMNS, *TERM_COLUMNS, *COURSE_DATE_COLUMNS}  # fmt: skip
REQUIRED_COLUMNS = ("title", "summary", "kind")
TEMPLATE_COLUMNS = (
    "title", "summary", "kind", "level", "childcare", "mode", "cost", "cost_amount", "cost_paid_by", "cost_note",
    "topics", "target_groups",
    "languages", "district", "place_name", "street", "postcode", "city", "wheelchair_accessible", "registration",
    "registration_url", "contact_name", "contact_email", "contact_phone", "opening_hours", "by_appointment_only",
    "valid_from", "valid_until", "course_start", "course_end", "course_schedule", "seats_total", "seats_free",
    "registration_deadline", "course_status", "cancellation_reason",
)  # fmt: skip
#: The template's example row, in the admin's German names that the column guide lists (it had the codes,
#: "course;in_person;funded", which the guide does not name).
TEMPLATE_EXAMPLE = (
    "Integrationskurs mit Kinderbetreuung", "Deutsch bis B1 mit Orientierungskurs.", "Kurs", "A1–B1", "ja",
    "vor Ort", "gefördert (z. B. durch BAMF oder Jobcenter)", "", "BAMF, Jobcenter", "", "sprache", "familien, frauen", "de", "nordstadt", "", "Rosenweg 14", "34567",
    "Neustadt am Fluss", "ja", "Bitte Ausweis und Berechtigungsschein mitbringen.", "", "Aylin Demir",
    "kurse@example.org", "05561 100-200", "Mo–Do 9–12 Uhr", "nein", "", "", "05.01.2027", "30.06.2027",
    "Mo–Fr 8:30–12:45", "20", "6", "15.12.2026", "offen", "",
)  # fmt: skip
YES = {"1", "ja", "yes", "x", "true", "wahr", "j", "y"}
NO = {"", "0", "nein", "no", "false", "falsch", "n"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file; ``row`` and ``column`` are ``None`` for the file as a whole."""

    message: str
    row: int | None = None
    column: str | None = None


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    offers: list[OfferPage] = field(default_factory=list)
    course_dates: int = 0
    dry_run: bool = True
    published: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _PlannedOffer:
    row: int
    fields: dict
    terms: dict[str, list]
    course_dates: list[dict]


def import_offers(
    data: bytes,
    organisation: OrganisationPage,
    user=None,
    dry_run: bool = True,
    filename: str = "",
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> ImportReport:
    """Check ``data`` and, unless ``dry_run``, create its offers below ``organisation`` in one transaction."""
    report = ImportReport(dry_run=dry_run, published=organisation.may_publish_directly)
    try:
        sheet = read_spreadsheet(data, filename)
    except SpreadsheetError as error:
        report.problems.append(Problem(str(error)))
        return report
    sheet, headings, report.problems = _by_key(sheet)
    planned = []
    if not report.problems:
        planned = _check(sheet, organisation, report)
        # Each problem names the column as the file's row 1 does ("Art des Angebots", not "kind").
        report.problems = [
            replace(problem, column=headings.get(problem.column, problem.column))
            for problem in report.problems
        ]
    if report.problems or dry_run:
        report.offers = (
            [OfferPage(title=plan.fields["title"]) for plan in planned] if not report.problems else []
        )
        report.course_dates = sum(len(plan.course_dates) for plan in planned)
        return report
    try:
        with transaction.atomic():
            for plan in progress(planned):
                report.offers.append(_create(plan, organisation, user))
                report.course_dates += len(plan.course_dates)
    except (ValidationError, ValueError) as error:
        report.offers = []
        report.course_dates = 0
        report.problems.append(Problem(_("Nothing was imported: %(error)s") % {"error": error}))
    return report


def column_names() -> dict[str, str]:
    """Every name row 1 may give a column, case-folded, with the column it names: its key (``kind``) and the
    admin's name for its field in each admin language (``Art des Angebots``, ``kind of offer``), the names
    the column guide and the template's headings use. A partner keeps the template's German headings."""
    names = {column: column for column in KNOWN_COLUMNS}
    for language, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES:
        with translation.override(language):
            names.update({column_label(column).casefold(): column for column in TEMPLATE_COLUMNS})
    return names


def _by_key(sheet: Sheet) -> tuple[Sheet, dict[str, str], list[Problem]]:
    """``sheet`` with its columns named by their keys, each key's heading as the file writes it, and the
    problem of two headings of one column (``title`` and ``Titel``): which one holds the value?"""
    names = column_names()
    keys = {heading: names.get(heading.casefold(), heading) for heading in sheet.columns}
    headings: dict[str, str] = {}
    problems = []
    for heading, key in keys.items():
        if key in headings:
            problems.append(Problem(_("The columns “%(first)s” and “%(second)s” are the same column; keep one of "
                                      "them.") % {"first": headings[key], "second": heading}, 1, heading))  # fmt: skip
        headings.setdefault(key, heading)
    rows = [(number, {keys.get(heading, heading): value for heading, value in row.items()})
            for number, row in sheet.rows]  # fmt: skip
    return Sheet(columns=list(headings), rows=rows, formula_cells=sheet.formula_cells), headings, problems


def _check(sheet: Sheet, organisation: OrganisationPage, report: ImportReport) -> list[_PlannedOffer]:
    problems = report.problems
    for name in REQUIRED_COLUMNS:
        if name not in sheet.columns:
            problems.append(Problem(_("The column “%(column)s” is missing.") % {"column": column_label(name)}, 1,
                                    name))  # fmt: skip
    for name in sheet.columns:
        if name not in KNOWN_COLUMNS:
            problems.append(Problem(_("Unknown column “%(column)s”; see the import template.") % {"column": name},
                                    1, name))  # fmt: skip
    for cell in sheet.formula_cells:
        problems.append(Problem(_("Formulas are not allowed (the cell starts with “%(char)s”). Enter the value "
                                  "itself.") % {"char": cell.value[0]}, cell.row, cell.column))  # fmt: skip
    if problems:
        return []
    vocabularies = {
        name: _vocabulary(model) for name, model in {**TERM_COLUMNS, "district": District}.items()
    }
    taken_slugs = set(OfferPage.objects.child_of(organisation).values_list("slug", flat=True))
    taken_slugs |= set(organisation.get_children().values_list("slug", flat=True))
    planned: dict[str, _PlannedOffer] = {}
    for number, row in sheet.rows:
        title = _text(row.get("title"))
        if not title:
            problems.append(Problem(_("The title is missing."), number, "title"))
            continue
        course_date = _course_date(row, number, problems)
        if title in planned:
            if course_date:
                planned[title].course_dates.append(course_date)
            continue
        plan = _plan(title, row, number, vocabularies, problems)
        if plan is None:
            continue
        slug = plan.fields["slug"]
        if slug in taken_slugs:
            problems.append(Problem(_("The organisation already has a page with the address “%(slug)s”.")
                                    % {"slug": slug}, number, "slug" if row.get("slug") else "title"))  # fmt: skip
        taken_slugs.add(slug)
        if course_date:
            plan.course_dates.append(course_date)
        if plan.course_dates and plan.fields["kind"] != OfferPage.Kind.COURSE:
            problems.append(Problem(_("Only courses have course dates."), number, "course_start"))
        planned[title] = plan
    if not sheet.rows:
        problems.append(Problem(_("The file contains a header but no offers.")))
    return list(planned.values())


@lru_cache
def _choice_aliases(column: str) -> dict[str, str]:
    """The column's own aliases and each choice's label as the admin lists it, in German and in English: a
    partner who typed "Gruppe oder Treff", as the admin's own list says, was told it was no valid choice.
    Read once per process, not for each row."""
    model_field, aliases = CHOICE_COLUMNS[column]
    known = dict(aliases)
    for language in (settings.LANGUAGE_CODE, "en"):
        with translation.override(language):
            for value, label in OfferPage._meta.get_field(model_field).choices:
                known.setdefault(str(label).lower(), value)
    return known


def _plan(title, row, number, vocabularies, problems) -> _PlannedOffer | None:
    before = len(problems)
    fields = {"title": title}

    def check(model_field: str, value, column: str):
        try:
            fields[model_field] = OfferPage._meta.get_field(model_field).clean(value, None)
        except ValidationError as error:
            problems.append(Problem(" ".join(error.messages), number, column))

    check("title", title, "title")
    for column in TEXT_COLUMNS:
        check(column, _text(row.get(column)), column)
    for column, (model_field, _aliases) in CHOICE_COLUMNS.items():
        value = _text(row.get(column)).lower()
        value = _choice_aliases(column).get(value, value)
        if value == "" and column in ("mode", "cost"):
            value = OfferPage._meta.get_field(model_field).default
        choices = OfferPage._meta.get_field(model_field).choices
        if value and value not in {choice for choice, _label in choices}:  # an empty kind: "required"
            problems.append(Problem(_("“%(value)s” is not among the choices: %(choices)s.") % {
                "value": _text(row.get(column)), "choices": ", ".join(str(label) for _value, label in choices)},
                number, column))  # fmt: skip
            continue
        check(model_field, value, column)
    for column, model_field in FLAG_COLUMNS.items():
        value = _flag(row.get(column))
        if value is None:
            problems.append(Problem(_("Write “ja” or “nein” (yes or no)."), number, column))
        else:
            fields[model_field] = value
    for column, model_field in DATE_COLUMNS.items():
        fields[model_field] = _date(row.get(column), number, column, problems)
    fields["cost_amount"] = _amount(row.get("cost_amount"), number, problems)
    fields["cost_paid_by"] = _payers(row.get("cost_paid_by"), number, problems)
    if fields.get("cost") == OfferPage.Cost.FREE and fields["cost_amount"]:
        problems.append(Problem(_("A free offer has no amount: leave the amount empty, or choose “fee” or "
                                  "“reduced fee possible” as the cost."), number, "cost_amount"))  # fmt: skip
    fields["level_from"], fields["level_to"] = _levels(row.get("level"), number, problems)
    if fields["level_from"] and fields.get("kind") != OfferPage.Kind.COURSE:
        problems.append(Problem(_("Only courses have a level."), number, "level"))
    if (
        fields.get("valid_from")
        and fields.get("valid_until")
        and fields["valid_until"] < fields["valid_from"]
    ):
        problems.append(Problem(_("“Visible until” is before “visible from”."), number, "valid_until"))
    registration = _text(row.get("registration"))
    fields["registration"] = linebreaks(escape(registration)) if registration else ""
    fields["slug"] = slug_for(_text(row.get("slug")) or title)
    if not fields["slug"]:
        problems.append(
            Problem(_("No web address can be made from this title; fill in “slug”."), number, "slug")
        )
    terms = {}
    for column in TERM_COLUMNS:
        terms[column] = _terms(row.get(column), vocabularies[column], number, column, problems)
    district = _terms(row.get("district"), vocabularies["district"], number, "district", problems)
    if len(district) > 1:
        problems.append(Problem(_("Only one district per offer."), number, "district"))
    fields["district"] = district[0] if district else None
    if len(problems) > before:
        return None
    return _PlannedOffer(row=number, fields=fields, terms=terms, course_dates=[])


def _course_date(row, number, problems) -> dict | None:
    if not any(_text(row.get(column)) for column in COURSE_DATE_COLUMNS):
        return None
    before = len(problems)
    start = _date(row.get("course_start"), number, "course_start", problems)
    if start is None and len(problems) == before:
        problems.append(Problem(_("A course date needs a first day."), number, "course_start"))
    values = {
        "start_date": start,
        "end_date": _date(row.get("course_end"), number, "course_end", problems),
        "registration_deadline": _date(
            row.get("registration_deadline"), number, "registration_deadline", problems
        ),
        "slots": slots_stream(_slots(row.get("course_schedule"), number, problems)),
        "seats_total": _count(row.get("seats_total"), number, "seats_total", problems),
        "seats_free": _count(row.get("seats_free"), number, "seats_free", problems),
        "status": _course_status(row.get("course_status"), number, problems),
        "cancellation_reason": _text(row.get("cancellation_reason"))[:200],
    }
    if len(problems) > before:
        return None
    try:
        CourseDate(**values).clean()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            column = {"end_date": "course_end", "status": "course_status"}.get(name, name)
            problems.extend(Problem(message, number, column) for message in messages)
        return None
    return values


def _create(plan: _PlannedOffer, organisation: OrganisationPage, user) -> OfferPage:
    publish = organisation.may_publish_directly
    offer = OfferPage(**plan.fields, locale=organisation.locale, owner=user, live=publish)
    offer.course_dates = [CourseDate(**values) for values in plan.course_dates]
    for name, terms in plan.terms.items():
        getattr(offer, name).set(terms)
    organisation.add_child(instance=offer)
    revision = offer.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    else:
        workflow = offer.get_workflow()
        if workflow is not None:
            workflow.start(offer, user)
    return offer


def _slots(value, number, problems) -> list[TimeSlot]:
    """``Mo–Fr 8:30–12:45``, ``Di, Do 18–20 Uhr``, several separated by ``;``: the course date's weekly slots."""
    text = _text(value)
    try:
        return parse_schedule(text)
    except UnreadableSchedule:
        problems.append(Problem(_("The times “%(value)s” cannot be read. Write weekdays and times, e.g. "
                                  "“Mo–Fr 8:30–12:45” or “Di, Do 18–20 Uhr; Sa 10–13 Uhr”.")
                                % {"value": text}, number, "course_schedule"))  # fmt: skip
        return []


def _amount(value, number, problems) -> Decimal | None:
    """``120``, ``12,50``, ``12.50 €``: what a participant pays, in euros."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    text = _text(value).replace("€", "").replace("EUR", "").strip()
    if "," in text:  # German: 1.200,50
        text = text.replace(".", "").replace(",", ".")
    if not text:
        return None
    if re.fullmatch(r"\d{1,6}(\.\d{1,2})?", text) and Decimal(text) > 0:
        return Decimal(text)
    problems.append(Problem(_("“%(value)s” is not an amount; write it as 120 or 12,50.") % {"value": _text(value)},
                            number, "cost_amount"))  # fmt: skip
    return None


def _payers(value, number, problems) -> list[str]:
    """``BAMF, Jobcenter, Neustadt-Pass``: who can pay for a participant."""
    payers = []
    for part in _text(value).replace(";", ",").split(","):
        key = part.strip().lower()
        if not key:
            continue
        payer = PAYER_ALIASES.get(key) or ("town_pass" if key.endswith("-pass") else None)
        if payer is None:
            problems.append(Problem(_("“%(value)s” is not a payer; write BAMF, Jobcenter, Agentur für Arbeit, "
                                      "Stadtpass or Sonstige.") % {"value": part.strip()}, number, "cost_paid_by"))  # fmt: skip
        elif payer not in payers:
            payers.append(payer)
    return payers


def _course_status(value, number, problems) -> str:
    """``geplant`` / ``offen`` / ``ausgebucht`` / ``abgesagt`` (or English); empty is open."""
    text = _text(value).lower()
    if not text:
        return CourseDate.Status.OPEN
    if text not in COURSE_STATUSES:
        problems.append(Problem(_("“%(value)s” is not a status; write geplant, offen, ausgebucht or abgesagt.")
                                % {"value": _text(value)}, number, "course_status"))  # fmt: skip
        return CourseDate.Status.OPEN
    return COURSE_STATUSES[text]


def _levels(value, number, problems) -> tuple[str, str]:
    """``b1`` or a range ``A1–B1`` / ``A1 bis B1`` / ``Alphabetisierung - A1`` -> (from, to)."""
    text = _text(value).lower()
    if not text:
        return "", ""
    parts = [LEVEL_ALIASES.get(part, part) for part in LEVEL_RANGE.split(text) if part]
    if not 1 <= len(parts) <= 2 or any(part not in OfferPage.Level.values for part in parts):
        problems.append(Problem(_("“%(value)s” is not a course level; write A1 … C2 or Alphabetisierung, or a "
                                  "range such as A1–B1.") % {"value": _text(value)}, number, "level"))  # fmt: skip
        return "", ""
    first, last = parts[0], parts[-1]
    if OfferPage.level_rank(last) < OfferPage.level_rank(first):
        problems.append(Problem(_("The level a course leads to cannot be below the level it starts at "
                                  "(%(start)s). Choose %(start)s or higher, or swap the two.")
                                % {"start": OfferPage.Level(first).label}, number, "level"))  # fmt: skip
        return "", ""
    return first, last


def _vocabulary(model) -> dict[str, object]:
    """Slug, German and English names (any case) of a taxonomy -> the term in the default language."""
    default = Locale.get_default()
    terms = {term.translation_key: term for term in model.objects.filter(locale=default)}
    lookup = {}
    for term in model.objects.all():
        original = terms.get(term.translation_key)
        if original is not None:
            lookup[term.slug.lower()] = original
            lookup[term.name.lower()] = original
    return lookup


def _terms(value, vocabulary, number, column, problems) -> list:
    found = []
    for part in _text(value).replace(";", ",").split(","):
        key = part.strip().lower()
        if not key:
            continue
        if key in vocabulary:
            found.append(vocabulary[key])
        else:
            problems.append(
                Problem(_("Unknown value “%(value)s”.") % {"value": part.strip()}, number, column)
            )
    return found


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _flag(value) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def _date(value, number, column, problems) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    problems.append(
        Problem(_("“%(value)s” is not a date; write it as 31.12.2026.") % {"value": text}, number, column)
    )
    return None


def _count(value, number, column, problems) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int | float) and float(value).is_integer() and 0 <= value <= 10000:
        return int(value)
    text = _text(value)
    if text.isdecimal() and int(text) <= 10000:
        return int(text)
    problems.append(
        Problem(_("“%(value)s” is not a whole number of seats.") % {"value": text}, number, column)
    )
    return None


@dataclass(frozen=True)
class ColumnGuide:
    """One column of the import file as the import page explains it: the admin's name for the field (in the
    partner's language), whether it must be filled, and what to write."""

    column: str
    label: str
    required: bool
    values: str


#: The model field behind a column, where its name is not the field's.
_GUIDE_FIELDS = {
    "level": (OfferPage, "level_from"),
    "course_start": (CourseDate, "start_date"),
    "course_end": (CourseDate, "end_date"),
    "course_schedule": (CourseDate, "slots"),
    "seats_total": (CourseDate, "seats_total"),
    "seats_free": (CourseDate, "seats_free"),
    "registration_deadline": (CourseDate, "registration_deadline"),
    "course_status": (CourseDate, "status"),
    "cancellation_reason": (CourseDate, "cancellation_reason"),
}


def _model_field(column: str):
    model, name = _GUIDE_FIELDS.get(column, (OfferPage, column))
    return model._meta.get_field(name)


def column_label(column: str) -> str:
    """The admin's name for the field behind ``column``, in the active language, capitalised as a heading."""
    return capfirst(str(_model_field(column).verbose_name))


def column_guide() -> list[ColumnGuide]:
    """Every column of the template, explained from the same fields, choices and lists the import checks
    against: the guide cannot say one thing while the import accepts another."""
    names = {**TERM_COLUMNS, "district": District}
    guide = []
    for column in TEMPLATE_COLUMNS:
        model_field = _model_field(column)
        if column == "level":
            levels = [
                *LEVEL_ALIASES,
                *(level.upper() for level in OfferPage.Level.values if level != "alpha"),
            ]
            values = _("a level or a range, e.g. A1–B1: %(choices)s") % {"choices": ", ".join(levels)}
        elif column == "course_status":
            values = _("one of: %(choices)s") % {"choices": ", ".join(COURSE_STATUSES)}
        elif model_field.choices:  # the admin's own names, which the import reads (_choice_aliases)
            values = _("one of: %(choices)s") % {
                "choices": ", ".join(str(label) for _value, label in model_field.choices)
            }
        elif column == "cost_paid_by":
            values = _("several, separated by commas: %(choices)s") % {"choices": ", ".join(PAYER_ALIASES)}
        elif column in names:
            terms = ", ".join(str(term) for term in names[column].objects.filter(locale=Locale.get_default()))
            several = column != "district"
            values = (
                _("several, separated by commas: %(choices)s") if several else _("one of: %(choices)s")
            ) % {"choices": terms}
        elif column in FLAG_COLUMNS:
            values = _("yes or no (ja, nein)")
        elif column in DATE_COLUMNS or column in ("course_start", "course_end", "registration_deadline"):
            values = _("a date, e.g. 31.12.2026")
        elif column in ("seats_total", "seats_free"):
            values = _("a whole number")
        elif column == "course_schedule":
            values = _("weekdays and times, e.g. Mo–Fr 8:30–12:45; Sa 10–13")
        else:
            values = str(model_field.help_text)
        guide.append(ColumnGuide(column, column_label(column), column in REQUIRED_COLUMNS, values))
    return guide
