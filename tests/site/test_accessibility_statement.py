"""The accessibility statement has the structure BITV 2.0 asks for, and the office keeps it complete;
the sign-language page is linked from the home page only once it has a video."""

from __future__ import annotations

import datetime
import json
from importlib import import_module
from types import SimpleNamespace as Field

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from wegweiser.plugin_api.testing import body_of, link_path
from wegweiser.site.models import AccessibilityStatementPage, PortalSettings, StandardPage
from wegweiser.site.scheduling import run_jobs, scheduled_jobs

pytestmark = pytest.mark.django_db

GAPS = "<ul><li>Es gibt noch keine Videos in Deutscher Gebärdensprache (DGS).</li></ul>"


@pytest.fixture
def statement(home):
    office = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    office.office_name, office.office_email = "Integrationsbüro Teststadt", "integration@teststadt.example"
    office.save()
    page = home.add_child(
        instance=AccessibilityStatementPage(
            title="Erklärung zur Barrierefreiheit",
            slug="barrierefreiheit",
            conformance=AccessibilityStatementPage.Conformance.PARTIAL,
            known_gaps=GAPS,
            evaluated_on=datetime.date(2026, 11, 20),
            prepared_on=datetime.date(2026, 11, 23),
            evaluation_method="Selbstbewertung mit axe-core.",
        )
    )
    page.save_revision().publish()
    return page


def test_the_statement_has_the_bitv_structure_with_status_gaps_evaluation_contact_and_arbitration(
    client, statement
):
    html = client.get("/de/barrierefreiheit/").content.decode()

    headings = [
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Feedback und Kontakt",
        "Schlichtungsverfahren",
    ]
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions), "in the order of the model statement"
    assert "nur teilweise mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) vereinbar" in html
    assert "<li>Es gibt noch keine Videos in Deutscher Gebärdensprache (DGS).</li>" in html
    assert "Diese Erklärung wurde am 23. November 2026 erstellt oder zuletzt überprüft." in html
    assert "Das Portal wurde am 20. November 2026 geprüft." in html
    assert "Methode: <span>Selbstbewertung mit axe-core.</span>" in html
    assert "Integrationsbüro Teststadt" in html and "mailto:integration@teststadt.example" in html
    assert "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz" in html
    assert "Mauerstraße 53<br>10117 Berlin" in html
    assert 'href="https://www.schlichtungsstelle-bgg.de"' in html


def test_a_fully_compliant_statement_lists_no_gaps(client, statement):
    statement.conformance = AccessibilityStatementPage.Conformance.FULL
    statement.save_revision().publish()

    html = client.get("/de/barrierefreiheit/").content.decode()

    assert "Diese Website ist vollständig mit der Barrierefreie-Informationstechnik-Verordnung" in html
    assert "Nicht barrierefreie Inhalte" not in html


def statement_form_data(**fields):
    data = {
        "title": "Erklärung zur Barrierefreiheit",
        "slug": "barrierefreiheit",
        "intro": "",
        "conformance": "partial",
        "known_gaps": rich_text(""),
        "evaluated_on": "",
        "prepared_on": "",
        "evaluation_method": "",
        "feedback_contact": "",
        "arbitration_body": "Schlichtungsstelle",
        "arbitration_url": "",
        "body": streamfield([]),
        "thank_you_text": rich_text(""),
        "to_address": "",
        "from_address": "",
        "subject": "",
    }
    data.update(fields)
    return nested_form_data(data)


def test_the_office_cannot_save_a_partial_statement_without_gaps_date_and_method(statement, admin_user):
    form_class = AccessibilityStatementPage.get_edit_handler().get_form_class()

    form = form_class(
        statement_form_data(), instance=statement, parent_page=statement.get_parent(), for_user=admin_user
    )

    assert not form.is_valid()
    assert {"known_gaps", "evaluated_on", "prepared_on", "evaluation_method"} <= set(form.errors)
    assert form.errors["known_gaps"] == ["Nennen Sie die Inhalte, die noch nicht barrierefrei sind."]

    complete = statement_form_data(
        known_gaps=rich_text(GAPS),
        evaluated_on="2026-11-20",
        prepared_on="2026-11-23",
        evaluation_method="Selbstbewertung.",
    )
    form = form_class(complete, instance=statement, parent_page=statement.get_parent(), for_user=admin_user)
    assert form.is_valid(), form.errors


def test_the_sign_language_page_is_linked_only_once_it_has_a_video(client, home, settings):
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"  # the test storage keeps files in memory
    page = home.add_child(instance=StandardPage(title="Gebärdensprache", slug="gebaerdensprache"))
    page.save_revision().publish()
    assert "Deutsche Gebärdensprache (DGS)" not in client.get("/de/").content.decode()

    documents = get_document_model().objects
    video = documents.create(
        title="Willkommen", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="willkommen.mp4")
    )
    captions = documents.create(title="Untertitel", file=ContentFile(b"WEBVTT\n", name="willkommen.vtt"))
    page.body = json.dumps(
        [
            {
                "type": "video",
                "value": {
                    "title": "Willkommen in Teststadt",
                    "video": video.pk,
                    "captions": captions.pk,
                    "transcript": "",
                },
            }
        ]
    )
    page.save_revision().publish()

    assert "Deutsche Gebärdensprache (DGS)" in client.get("/de/").content.decode()
    html = client.get("/de/gebaerdensprache/").content.decode()
    assert f'<video controls preload="metadata" src="{video.url}"' in html
    assert f'<track kind="captions" src="{captions.url}" srclang="de" label="Untertitel" default>' in html


def test_the_feedback_form_is_in_the_visitor_s_language_and_reaches_the_office_in_german(
    client, statement, smtp_server
):
    """The form was the office's German fields, also on the Arabic, Persian and Ukrainian statement; now its
    fields are the portal's own, so a newcomer reads them in their language where nobody translated the page."""
    statement.to_address = "integration@teststadt.example"
    statement.subject = "Rückmeldung zur Barrierefreiheit"
    statement.save_revision().publish()

    arabic = client.get("/ar/barrierefreiheit/").content.decode()
    german = client.get("/de/barrierefreiheit/").content.decode()

    assert '<label for="id_message">رسالتكم <span aria-hidden="true">*</span>' in arabic
    assert ">ما العائق الذي واجهتموه، وفي أي صفحة؟</div>" in arabic
    assert '<label for="id_email">عنوان بريدكم الإلكتروني (اختياري)</label>' in arabic
    assert "<h3>الإبلاغ عن عائق</h3>" in arabic
    assert '<label for="id_message">Ihre Nachricht <span aria-hidden="true">*</span>' in german
    assert '<form method="post" action="/ar/barrierefreiheit/"' in arabic, "sent from the Arabic page"
    thanks = client.post(
        "/ar/barrierefreiheit/",
        {"message": "التباين ضعيف جدًا في صفحة الدورات.", "email": "amal@example.org", "homepage": ""},
        follow=True,
    )

    # The thanks are a page of their own: reloading them (as a phone does when it wakes) sends nothing again.
    assert thanks.redirect_chain == [("/ar/barrierefreiheit/?gesendet", 302)]
    assert '<html lang="ar" dir="rtl">' in thanks.content.decode()
    assert (
        "تم إرسال ملاحظاتكم إلى مكتب الاندماج."
        in client.get("/ar/barrierefreiheit/?gesendet").content.decode()
    )
    [mail] = smtp_server.to("integration@teststadt.example")
    assert mail["Reply-To"] == "amal@example.org", "the office answers the visitor directly"
    body = body_of(mail).replace("\r\n", "\n")
    assert body.startswith("Sprache der Seite: Arabisch\n\nE-Mail-Adresse: amal@example.org\n\nNachricht:\n")
    assert "التباين ضعيف جدًا في صفحة الدورات." in body
    assert FormSubmission.objects.get().get_data()["language"] == "ar"


def test_a_report_reaches_the_office_also_where_the_page_names_no_address(client, statement, smtp_server):
    """Wagtail's email form only stores a submission when "to address" is empty; nobody would read it."""
    assert statement.to_address == ""

    client.post("/fa/barrierefreiheit/", {"message": "متن خیلی کوچک است.", "email": "", "homepage": ""})

    [mail] = smtp_server.to("integration@teststadt.example")
    assert "Sprache der Seite: Persisch" in body_of(mail) and mail["Reply-To"] is None


def test_the_office_s_german_thanks_come_after_the_portal_s_own_in_the_visitor_s_language(client, statement):
    statement.thank_you_text = "<p>Wir antworten innerhalb von zwei Wochen.</p>"
    statement.save_revision().publish()

    arabic = client.post(
        "/ar/barrierefreiheit/", {"message": "التباين ضعيف.", "homepage": ""}, follow=True
    ).content.decode()
    german = client.post(
        "/de/barrierefreiheit/", {"message": "Zu klein.", "homepage": ""}, follow=True
    ).content.decode()

    assert "<p>تم إرسال ملاحظاتكم إلى مكتب الاندماج.</p>" in arabic
    assert '<div lang="de" dir="ltr"><p>Wir antworten innerhalb von zwei Wochen.</p></div>' in arabic
    assert "<div><p>Wir antworten innerhalb von zwei Wochen.</p></div>" in german
    assert "Ihre Rückmeldung wurde an das Integrationsbüro geschickt." not in german


@pytest.mark.parametrize(("language", "direction"), [("fa", "rtl"), ("ar", "rtl"), ("uk", "ltr")])
def test_the_thanks_read_in_the_visitor_s_language_without_the_shown_in_german_notice(
    client, statement, language, direction
):
    """The thanks were marked as German, left to right, under "This page is … shown in German", though the
    portal writes them in the visitor's language."""
    html = client.post(
        f"/{language}/barrierefreiheit/", {"message": "…", "homepage": ""}, follow=True
    ).content.decode()

    assert f'<html lang="{language}" dir="{direction}">' in html
    assert '<div class="page-content">' in html
    assert "notice--untranslated" not in html


def test_a_report_with_an_address_is_in_the_copy_of_one_s_data_and_goes_with_its_deletion(
    client, statement, smtp_server
):
    """The address left for an answer is personal data: "copy or delete my data" finds it."""
    client.post("/uk/barrierefreiheit/", {"message": "Замалий шрифт.", "email": "olena@example.org"})
    client.post("/de/barrierefreiheit/", {"message": "Ohne Adresse.", "email": ""})
    client.post("/de/barrierefreiheit/", {"message": "Von jemand anderem.", "email": "else@example.org"})

    def confirm(action):
        client.post(reverse("data_requests:request"), {"email": "OLENA@example.org", "action": action})
        client.post(link_path(smtp_server.to("OLENA@example.org")[-1], "/meine-daten/"))

    confirm("export")
    [attachment] = list(smtp_server.to("OLENA@example.org")[-1].iter_attachments())
    copy = json.loads(attachment.get_content())
    assert [(report["language"], report["message"]) for report in copy["barrier_reports"]] == [
        ("uk", "Замалий шрифт.")
    ]
    confirm("delete")
    messages = sorted(submission.get_data()["message"] for submission in FormSubmission.objects.all())
    assert messages == ["Ohne Adresse.", "Von jemand anderem."]


def test_reports_are_deleted_after_the_retention_period_by_the_daily_job(client, statement, settings):
    settings.WEGWEISER_BARRIER_REPORT_RETENTION_DAYS = 365
    for message in ("Alt", "Neu"):
        client.post("/de/barrierefreiheit/", {"message": message, "email": "olena@example.org"})
    year_ago = timezone.now() - datetime.timedelta(days=366)
    FormSubmission.objects.filter(form_data__message="Alt").update(submit_time=year_ago)

    assert "core.delete_old_barrier_reports" in scheduled_jobs()
    run_jobs(only=["core.delete_old_barrier_reports"])

    assert [submission.get_data()["message"] for submission in FormSubmission.objects.all()] == ["Neu"]


def test_a_report_without_a_message_is_refused_in_the_visitor_s_language_and_nothing_is_sent(
    client, statement, smtp_server
):
    statement.to_address = "integration@teststadt.example"
    statement.save_revision().publish()

    response = client.post("/uk/barrierefreiheit/", {"message": " ", "email": "kein-at", "homepage": ""})

    html = response.content.decode()
    assert "Будь ласка, опишіть перешкоду." in html
    assert "Please enter a valid email address" not in html and 'aria-invalid="true"' in html
    assert not FormSubmission.objects.exists() and smtp_server.to("integration@teststadt.example") == []


def test_earlier_submissions_keep_what_was_sent_under_the_new_form_s_names():
    """Migration 0017: the office's own fields go; what visitors sent through them stays readable."""
    migration = import_module("wegweiser.site.migrations.0017_barrier_report_form")
    message = Field(label="Ihre Nachricht", clean_name="ihre_nachricht", field_type="multiline")
    page = Field(label="Auf welcher Seite?", clean_name="auf_welcher_seite", field_type="singleline")
    email = Field(label="E-Mail", clean_name="e_mail", field_type="email")

    one = migration.carried_over(
        [message, email], {"ihre_nachricht": "Zu wenig Kontrast.", "e_mail": "a@b.de"}
    )
    two = migration.carried_over(
        [message, page], {"ihre_nachricht": "Zu klein.", "auf_welcher_seite": "/de/"}
    )

    assert one == {"message": "Zu wenig Kontrast.", "email": "a@b.de"}
    assert two == {"message": "Ihre Nachricht: Zu klein.\nAuf welcher Seite?: /de/", "email": ""}


def test_an_english_translation_keeps_the_german_arbitration_body_marked_as_german(
    client, statement, english
):
    translation = statement.copy_for_translation(english, copy_parents=True)
    translation.title = "Accessibility statement"
    translation.save_revision().publish()

    html = client.get("/en/barrierefreiheit/").content.decode()

    assert '<label for="id_message">Your message <span aria-hidden="true">*</span>' in html
    assert '<address class="statement-contact" lang="de" dir="ltr">Schlichtungsstelle' in html
    # The other texts nobody translated are marked German too: in Persian the method's German sentence sat
    # in the right-to-left paragraph as Persian, aligned and read from the right.
    assert f'<span lang="de" dir="ltr">{statement.evaluation_method}</span>' in html
    assert '<span lang="de" dir="ltr">' not in html.split("<h1>")[1].split("</h1>")[0]  # the translated title


def test_a_visitor_s_report_reaches_the_office_s_csv_export_as_text_not_as_a_formula(
    client, statement, admin_user
):
    """Wagtail's own CSV of form submissions wrote what an anonymous visitor typed as it was: a report
    starting with "=" ran as a formula in the office's spreadsheet program."""
    formula = '=HYPERLINK("http://example.org/x","Bitte klicken")'
    client.post("/de/barrierefreiheit/", {"message": formula, "email": "", "homepage": ""})
    assert FormSubmission.objects.filter(page=statement).count() == 1

    client.force_login(admin_user)
    response = client.get(reverse("wagtailforms:list_submissions", args=[statement.pk]), {"export": "csv"})
    csv_text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(" in csv_text
    assert ",=HYPERLINK(" not in csv_text and '"=HYPERLINK(' not in csv_text


@pytest.mark.parametrize(
    ("language", "prepared"),
    [
        ("uk", "Цю заяву складено або востаннє переглянуто 23 листопада 2026 р.</p>"),
        ("ru", "23 ноября 2026 г.</p>"),
    ],
)
def test_a_date_that_ends_in_an_abbreviation_ends_the_sentence_with_one_full_stop(
    client, statement, language, prepared
):
    """The Ukrainian statement said "… 6 грудня 2026 р.." with two full stops: the date's own ends the sentence."""
    html = client.get(f"/{language}/barrierefreiheit/", follow=True).content.decode()
    assert prepared in html
    assert ".." not in html.replace("...", "")
