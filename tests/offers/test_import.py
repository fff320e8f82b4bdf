"""Bulk import from CSV and XLSX: a dry run lists every problem by row and column; any problem imports nothing."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook
from wagtail.models import WorkflowState

from wegweiser.offers.models import OfferPage
from wegweiser.offers.offer_import import COURSE_STATUSES, column_guide, column_names, import_offers

HEADER = "title;summary;kind;level;childcare;cost;languages;district;contact_phone;course_start;seats_free\n"
GOOD_CSV = (
    HEADER
    + "Integrationskurs B1;Deutsch bis B1.;Kurs;A1 bis B1;ja;funded;ar, Deutsch;nordstadt;+49 5561 100-200;05.01.2027;6\n"
    + "Integrationskurs B1;;;;;;;;;01.04.2027;12\n"
    + "Sprachcafé;Deutsch üben.;group;;nein;free;de;;;;\n"
).encode()


def _problems(report) -> set[tuple]:
    return {(problem.row, problem.column) for problem in report.problems}


def test_dry_run_of_a_good_file_finds_no_problems_and_saves_nothing(organisation_a, terms):
    report = import_offers(GOOD_CSV, organisation_a, dry_run=True)
    assert report.ok, report.problems
    assert [offer.title for offer in report.offers] == ["Integrationskurs B1", "Sprachcafé"]
    assert report.course_dates == 2
    assert not OfferPage.objects.exists()


def test_real_run_creates_drafts_submitted_for_review(organisation_a, editor_a, terms):
    report = import_offers(GOOD_CSV, organisation_a, user=editor_a, dry_run=False)
    assert report.ok, report.problems
    course = OfferPage.objects.get(title="Integrationskurs B1")
    assert not course.live
    assert course.organisation_id == organisation_a.pk
    assert (course.kind, course.level_from, course.level_to, course.childcare, course.cost) == (
        "course",
        "a1",
        "b1",
        True,
        "funded",
    )
    assert course.contact_phone == "+49 5561 100-200"
    assert sorted(course.languages.values_list("slug", flat=True)) == ["ar", "de"]
    assert course.district.slug == "nordstadt"
    assert [(d.start_date, d.seats_free) for d in course.course_dates.order_by("start_date")] == [
        (datetime.date(2027, 1, 5), 6),
        (datetime.date(2027, 4, 1), 12),
    ]
    state = WorkflowState.objects.get(object_id=str(course.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor_a


def test_organisation_that_may_publish_directly_gets_live_offers(organisation_a, terms):
    organisation_a.may_publish_directly = True
    organisation_a.save_revision().publish()
    import_offers(GOOD_CSV, organisation_a, dry_run=False)
    assert OfferPage.objects.get(title="Sprachcafé").live


def test_every_problem_is_listed_by_row_and_column_and_nothing_is_imported(organisation_a, terms):
    bad = (
        HEADER
        + "Gute Zeile;Alles richtig.;course;a1;ja;free;de;nordstadt;;;\n"
        + "Falscher Typ;Text.;course;a1;vielleicht;free;de;nordstadt;;morgen;viele\n"
        + "Unbekannt;Text.;Workshop;z9;nein;teuer;klingonisch;mond;;;\n"
        + ";Ohne Titel.;group;;;;;;;;\n"
    ).encode()
    report = import_offers(bad, organisation_a, dry_run=False)
    assert not report.ok
    assert {
        (3, "childcare"),
        (3, "course_start"),
        (3, "seats_free"),
        (4, "kind"),
        (4, "level"),
        (4, "cost"),
        (4, "languages"),
        (4, "district"),
        (5, "title"),
    } <= _problems(report)
    assert not OfferPage.objects.exists()
    unknown = next(p for p in report.problems if p.column == "languages")
    assert "klingonisch" in unknown.message


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://evil")', "@SUM(A1)", "-2+3+cmd|' /C calc'!A0", "+A1"]
)
def test_formulas_in_cells_are_rejected(organisation_a, terms, payload):
    data = (HEADER + f"Kurs;{payload};course;a1;ja;free;de;;;;\n").encode()
    report = import_offers(data, organisation_a, dry_run=False)
    assert (2, "summary") in _problems(report)
    assert not OfferPage.objects.exists()


def _xlsx(rows, formula: str | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if formula:
        sheet["B2"] = formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX_ROWS = [
    ["title", "summary", "kind", "level", "seats_total", "seats_free", "course_start", "valid_until"],
    [
        "Alphakurs",
        "Lesen und Schreiben lernen.",
        "course",
        "alpha",
        15,
        4,
        datetime.datetime(2027, 2, 1),
        None,
    ],
]


def test_xlsx_with_real_numbers_and_dates_is_imported(organisation_a, terms):
    report = import_offers(_xlsx(XLSX_ROWS), organisation_a, dry_run=False)
    assert report.ok, report.problems
    course_date = OfferPage.objects.get(title="Alphakurs").course_dates.get()
    assert (course_date.start_date, course_date.seats_total, course_date.seats_free) == (
        datetime.date(2027, 2, 1),
        15,
        4,
    )


def test_xlsx_formula_is_rejected(organisation_a, terms):
    report = import_offers(_xlsx(XLSX_ROWS, formula="=1+1"), organisation_a, dry_run=False)
    assert (2, "summary") in _problems(report)
    assert not OfferPage.objects.exists()


def test_a_level_range_backwards_or_unknown_is_reported_in_its_row(organisation_a, terms):
    rows = [
        XLSX_ROWS[0],
        ["Rückwärts", "Text.", "course", "B1–A1", None, None, None, None],
        ["Unbekannt", "Text.", "course", "A1 bis Z9", None, None, None, None],
        ["Alpha bis A1", "Text.", "course", "Alphabetisierung - A1", None, None, None, None],
    ]
    with translation.override("de"):
        report = import_offers(_xlsx(rows), organisation_a, dry_run=True)
    assert _problems(report) == {(2, "level"), (3, "level")}
    backwards = next(problem for problem in report.problems if problem.row == 2)
    assert "nicht unter dem Niveau liegen, mit dem er beginnt (B1)" in backwards.message


def test_course_dates_bring_their_status_and_a_cancellation_needs_its_reason(organisation_a, terms):
    header = ["title", "summary", "kind", "course_start", "course_status", "cancellation_reason"]
    rows = [
        header,
        ["Integrationskurs", "Text.", "course", "05.01.2027", "ausgebucht", None],
        ["Integrationskurs", None, None, "01.04.2027", "abgesagt", "Die Lehrkraft ist erkrankt."],
        ["Integrationskurs", None, None, "01.07.2027", "geplant", None],
    ]
    report = import_offers(_xlsx(rows), organisation_a, dry_run=False)
    assert report.ok, report.problems
    course = OfferPage.objects.get(title="Integrationskurs")
    assert [(d.status, d.cancellation_reason) for d in course.course_dates.order_by("start_date")] == [
        ("full", ""),
        ("cancelled", "Die Lehrkraft ist erkrankt."),
        ("planned", ""),
    ]
    bad = [
        header,
        ["Kurs", "Text.", "course", "05.01.2027", "abgesagt", None],
        ["Kurs 2", "Text.", "course", "05.01.2027", "vielleicht", None],
    ]
    with translation.override("de"):
        report = import_offers(_xlsx(bad), organisation_a, dry_run=True)
    assert _problems(report) == {(2, "cancellation_reason"), (3, "course_status")}


def test_a_superscript_two_is_no_number_of_seats_but_arabic_digits_are(organisation_a, terms):
    """ "²" passed as a digit and then failed as a number: the import answered with a server error."""
    bad = GOOD_CSV.decode().replace("05.01.2027;6", "05.01.2027;²").encode()
    assert (2, "seats_free") in _problems(import_offers(bad, organisation_a, dry_run=True))
    arabic = GOOD_CSV.decode().replace("05.01.2027;6", "05.01.2027;٦").encode()
    assert _problems(import_offers(arabic, organisation_a, dry_run=True)) == set()


def test_more_free_seats_than_seats_is_a_problem(organisation_a, terms):
    rows = [XLSX_ROWS[0], ["Kurs", "Text.", "course", "a1", 10, 12, datetime.datetime(2027, 2, 1), None]]
    report = import_offers(_xlsx(rows), organisation_a, dry_run=False)
    assert (2, "seats_free") in _problems(report)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "not a spreadsheet"),
        (b"%PDF-1.7\n\x00\x01\x02binary", "not a spreadsheet"),
        (b"PK\x03\x04" + b"\x00" * 100, "damaged"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
        (b"", "empty"),
        (b"a" * (50 * 1024 * 1024), "too large"),
    ],
    ids=["png", "pdf", "broken-zip", "old-xls", "empty", "50-mb"],
)
def test_files_that_are_not_spreadsheets_get_a_clear_message(organisation_a, data, expected):
    with translation.override("en"):
        report = import_offers(data, organisation_a, dry_run=False)
    assert not report.ok
    assert expected in report.problems[0].message
    assert not OfferPage.objects.exists()


def _xlsx_altered(change) -> bytes:
    """A workbook saved by openpyxl, then altered inside its ZIP as a foreign or broken export might be."""
    source = zipfile.ZipFile(io.BytesIO(_xlsx(XLSX_ROWS)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            content = change(name, source.read(name))
            if content is not None:
                target.writestr(name, content)
    return buffer.getvalue()


def _in_sheet(old: bytes, new: bytes):
    def change(name, content):
        if name == "xl/worksheets/sheet1.xml":
            assert old in content
            return content.replace(old, new)
        return content

    return change


@pytest.mark.parametrize(
    "change",
    [
        lambda name, content: content[: len(content) // 2] if name == "xl/worksheets/sheet1.xml" else content,
        _in_sheet(b"<v>15</v>", b"<v>abc</v>"),
        _in_sheet(b'<c r="E2" t="n"><v>15</v>', b'<c r="E2" t="d"><v>notadate</v>'),
        _in_sheet(b'<c r="A2" t="inlineStr">', b'<c r="A2" t="s"><v>999</v></c><c r="Z2" t="inlineStr">'),
        lambda name, content: None if name == "xl/worksheets/sheet1.xml" else content,
    ],
    ids=["cut-in-half", "text-in-a-number", "bad-date", "missing-shared-string", "no-sheet"],
)
def test_a_damaged_workbook_is_reported_not_a_server_error(client, organisation_a, editor_a, change):
    """Each of these was a 500: a read-only workbook reads its cells only while the rows are walked."""
    client.force_login(editor_a)
    upload = SimpleUploadedFile("angebote.xlsx", _xlsx_altered(change))
    response = client.post("/admin/offers/import/", {"organisation": organisation_a.pk, "file": upload})
    assert response.status_code == 200
    assert "konnte nicht gelesen werden" in response.content.decode() or "kein Tabellenblatt" in (
        response.content.decode()
    )
    assert not OfferPage.objects.exists()


def test_excel_unicode_text_and_overlong_cells_get_a_german_answer(organisation_a, terms):
    unicode_text = "title\tsummary\tkind\nSprachcafé\tDeutsch üben.\tgroup\n".encode("utf-16")
    report = import_offers(unicode_text, organisation_a, dry_run=True)
    assert report.ok, report.problems
    assert [offer.title for offer in report.offers] == ["Sprachcafé"]

    overlong = b"title;summary;kind\nKurs;" + b"x" * 140_000 + b";course\n"
    report = import_offers(overlong, organisation_a, dry_run=True)
    assert report.problems[0].message == (
        "Die CSV-Datei konnte nicht gelesen werden: Eine Zelle ist zu lang (mehr als 131.072 Zeichen) oder ein "
        "Anführungszeichen ist nicht geschlossen."
    )
    report = import_offers(b"title;summary;kind\n" + b"x" * (6 * 1024 * 1024), organisation_a, dry_run=True)
    assert report.problems[0].message == "Die Datei ist zu groß (6,0 MB). Erlaubt sind höchstens 5 MB."


def test_title_clashing_with_an_existing_offer_is_reported(organisation_a, terms):
    import_offers(GOOD_CSV, organisation_a, dry_run=False)
    report = import_offers(GOOD_CSV, organisation_a, dry_run=True)
    assert (2, "title") in _problems(report)


# -- the admin view ----------------------------------------------------------------------------


def _upload(data: bytes, name: str = "angebote.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_partner_checks_then_imports_in_the_admin(client, organisation_a, organisation_b, editor_a, terms):
    client.force_login(editor_a)
    form = client.get("/admin/offers/import/")
    assert form.status_code == 200
    choices = [str(choice[1]) for choice in form.context["form"].fields["organisation"].choices]
    assert choices == ["Verein A"]

    checked = client.post(
        "/admin/offers/import/",
        {"organisation": organisation_a.pk, "file": _upload(GOOD_CSV), "dry_run": "on"},
    )
    assert checked.status_code == 200
    assert "Keine Probleme" in checked.content.decode()
    assert not OfferPage.objects.exists()

    imported = client.post(
        "/admin/offers/import/", {"organisation": organisation_a.pk, "file": _upload(GOOD_CSV)}
    )
    assert imported.status_code == 302
    assert OfferPage.objects.filter(organisation=organisation_a).count() == 2


def test_admin_dry_run_lists_problems_in_a_table(client, organisation_a, editor_a, terms):
    client.force_login(editor_a)
    bad = (HEADER + "Kurs;=cmd();course;a1;ja;free;de;;;;\n").encode()
    response = client.post("/admin/offers/import/", {"organisation": organisation_a.pk, "file": _upload(bad)})
    html = response.content.decode()
    assert 'id="import-problems"' in html
    assert "<td>2</td><td>summary</td>" in html
    assert not OfferPage.objects.exists()


def test_partner_cannot_import_into_another_organisation(
    client, organisation_a, organisation_b, editor_a, terms
):
    client.force_login(editor_a)
    response = client.post(
        "/admin/offers/import/", {"organisation": organisation_b.pk, "file": _upload(GOOD_CSV)}
    )
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not OfferPage.objects.exists()


def test_admin_rejects_a_50_mb_upload(client, organisation_a, editor_a):
    client.force_login(editor_a)
    big = _upload(b"title;summary;kind\n" + b"x" * (50 * 1024 * 1024))
    response = client.post("/admin/offers/import/", {"organisation": organisation_a.pk, "file": big})
    assert "file" in response.context["form"].errors
    assert not OfferPage.objects.exists()


def test_template_download_is_a_valid_import_file(client, organisation_a, editor_a, terms):
    client.force_login(editor_a)
    response = client.get("/admin/offers/import/template.csv")
    assert response.status_code == 200
    report = import_offers(response.content, organisation_a, dry_run=True)
    assert report.ok, report.problems


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_value_the_column_guide_names_is_accepted_by_the_import(organisation_a, terms, language):
    """The import page explains each column from what the import checks against; a partner who copies a
    value from it gets no problem."""
    with translation.override(language):
        guide = {row.column: row for row in column_guide()}
    extra = {"course_status": ";course_start;cancellation_reason", "level": ""}
    for column in ("kind", "mode", "cost", "course_status", "level", "cost_paid_by", "district", "topics",
                   "target_groups", "languages"):  # fmt: skip
        values = guide[column].values.split(": ", 1)[1].split(", ")
        assert values and all(values), column
        for value in values:
            header = (
                "title;summary" + ("" if column == "kind" else ";kind") + f";{column}" + extra.get(column, "")
            )
            row = "Kurs;Text." + ("" if column == "kind" else ";course") + f";{value}"
            if column == "course_status":  # a reason goes with a cancelled date only
                cancelled = COURSE_STATUSES[value.lower()] == "cancelled"
                row += ";05.01.2027;" + ("Die Lehrkraft ist krank." if cancelled else "")
            with translation.override(language):
                report = import_offers(f"{header}\n{row}\n".encode(), organisation_a, dry_run=True)
            assert report.ok, (column, value, report.problems)


def test_the_import_page_explains_every_column_in_german(client, organisation_a, editor_a, terms):
    """The template's headers are codes (``kind``, ``seats_total``); the page said nowhere what they mean."""
    client.force_login(editor_a)
    html = client.get("/admin/offers/import/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Die Spalten der Tabelle" in html
    assert '<th scope="row"><code>kind</code></th><td>Art des Angebots</td><td>ja</td>' in html
    assert "eines von: Kurs, Beratung, Dienstleistung, Gruppe oder Treff" in html
    assert "<code>seats_total</code></th><td>Plätze insgesamt</td><td></td><td>eine ganze Zahl</td>" in html


# -- the management command ------------------------------------------------------------------------


def test_command_dry_run_then_import(tmp_path, organisation_a, terms, capsys):
    path = tmp_path / "angebote.csv"
    path.write_bytes(GOOD_CSV)
    call_command("import_offers", str(path), organisation="verein-a", dry_run=True)
    assert not OfferPage.objects.exists()
    call_command("import_offers", str(path), organisation="verein-a")
    assert OfferPage.objects.filter(organisation=organisation_a).count() == 2
    assert "Importing offers" in capsys.readouterr().err  # the progress bar


def test_command_reports_problems_and_imports_nothing(tmp_path, organisation_a, terms):
    path = tmp_path / "kaputt.csv"
    path.write_bytes((HEADER + "Kurs;Text.;course;q7;ja;free;de;;;;\n").encode())
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_offers", str(path), organisation="verein-a")
    assert not OfferPage.objects.exists()
    with pytest.raises(CommandError, match="No organisation"):
        call_command("import_offers", str(path), organisation="gibt-es-nicht")


def test_problems_are_explained_in_german_by_default(organisation_a):
    with translation.override("de"):
        report = import_offers(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), organisation_a, dry_run=True)
    assert "Das ist keine Tabelle" in report.problems[0].message


def test_a_kind_written_as_the_admin_lists_it_is_imported_and_an_unknown_one_names_the_choices(
    organisation_a, terms
):
    """ "Gruppe oder Treff", as the admin's own list says, was "no valid choice", with no word of what is."""
    csv = (
        HEADER
        + "Frauentreff;Reden und Kaffee.;Gruppe oder Treff;;nein;Kostenlos;de;;;;\n"
        + "Nähkurs;Nähen lernen.;Workshop;;nein;free;de;;;;\n"
    ).encode()
    with translation.override("de"):
        report = import_offers(csv, organisation_a, dry_run=True)
    [problem] = report.problems
    assert (problem.row, problem.column) == (3, "kind")
    assert problem.message == (
        "„Workshop“ gehört nicht zur Auswahl: Kurs, Beratung, Dienstleistung, Gruppe oder Treff."
    )


def test_an_empty_kind_is_reported_as_missing_not_as_outside_the_choices(organisation_a, terms):
    csv = (HEADER + "Frauentreff;Reden und Kaffee.;;;nein;free;de;;;;\n").encode()
    with translation.override("de"):
        report = import_offers(csv, organisation_a, dry_run=True)
    [problem] = [problem for problem in report.problems if problem.column == "kind"]
    assert problem.row == 2 and "Auswahl" not in problem.message


def test_one_offer_is_counted_as_one_in_the_check_and_the_message(client, organisation_a, editor_a, terms):
    """The check said "1 Angebot mit 1 Kursterminen", the import "1 Angebote importiert"."""
    client.force_login(editor_a)
    one = (
        HEADER + "Integrationskurs B1;Deutsch bis B1.;Kurs;A1 bis B1;ja;funded;ar;nordstadt;;05.01.2027;6\n"
    ).encode()
    checked = client.post(
        "/admin/offers/import/", {"organisation": organisation_a.pk, "file": _upload(one), "dry_run": "on"}
    )
    assert "Angebote in der Datei: 1. Kurstermine: 1." in checked.content.decode()

    imported = client.post("/admin/offers/import/", {"organisation": organisation_a.pk, "file": _upload(one)})
    assert [str(message) for message in get_messages(imported.wsgi_request)] == [
        "1 Angebot importiert und dem Integrationsbüro zur Freigabe vorgelegt."
    ]


def test_the_template_s_example_row_imports_as_it_is_and_names_what_the_guide_names(
    client, organisation_a, editor_a, terms
):
    """Its example row said "course;in_person;funded", where the column guide below the form names "Kurs", "vor
    Ort" and "gefördert (…)"; nothing checked that the template itself imports."""
    client.force_login(editor_a)
    template = client.get("/admin/offers/import/template.csv").content
    header, example = template.decode("utf-8-sig").splitlines()[:2]
    row = dict(zip(header.split(";"), example.split(";"), strict=True))
    assert (row["Art des Angebots"], row["Online oder vor Ort"], row["Kosten"]) == (
        "Kurs",
        "vor Ort",
        "gefördert (z. B. durch BAMF oder Jobcenter)",
    )
    guide = client.get("/admin/offers/import/").content.decode()
    for value in (row["Art des Angebots"], row["Online oder vor Ort"], row["Kosten"]):
        assert value in guide

    report = import_offers(template, organisation_a, dry_run=True)
    assert report.ok, report.problems


def test_a_file_with_the_template_s_german_headings_imports_and_its_problems_name_them(
    client, organisation_a, editor_a, terms
):
    """The template's row 1 said "title;summary;kind": English keys above a German example, which a partner
    "corrected" into German and then got "Unknown column". The headings are now the admin's names of the
    fields, the import reads them in German and English as well as the keys, and a problem names the column
    as the file does."""
    client.force_login(editor_a)
    header = client.get("/admin/offers/import/template.csv").content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Titel;Kurzbeschreibung;Art des Angebots;Kursniveau von;Mit Kinderbetreuung;")

    english = "Title;summary;KIND OF OFFER;childcare available\nSprachcafé;Plaudern.;Gruppe;ja\n"
    report = import_offers(english.encode(), organisation_a, dry_run=True)
    assert report.ok, report.problems

    german = "Titel;Kurzbeschreibung;Art des Angebots;Stadtteil\nSprachcafé;Plaudern.;Kochkurs;Mitte\n"
    response = client.post(
        "/admin/offers/import/",
        {"organisation": organisation_a.pk, "file": _upload(german.encode()), "dry_run": "on"},
    )
    problems = {(problem.row, problem.column) for problem in response.context["report"].problems}
    assert problems == {(2, "Art des Angebots"), (2, "Stadtteil")}

    twice = "Titel;title;Art des Angebots\nSprachcafé;Sprachcafé;Gruppe\n"
    [problem] = import_offers(twice.encode(), organisation_a, dry_run=True).problems
    assert (problem.row, problem.column) == (1, "title")
    with translation.override("de"):
        missing = import_offers(b"Titel;Kurzbeschreibung\nSprachcaf\xc3\xa9;Plaudern.\n", organisation_a)
    assert [problem.message for problem in missing.problems] == ["Die Spalte „Art des Angebots“ fehlt."]
    assert not OfferPage.objects.exists()


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_heading_of_the_column_guide_names_its_own_column(db, language):
    with translation.override(language):
        guide = column_guide()
    names = column_names()
    assert all(names[row.label.casefold()] == row.column for row in guide)
