"""The accessibility statement has the structure BITV 2.0 asks for, and the office keeps it complete;
the sign-language page is linked from the home page only once it has a video."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from wegweiser.site.models import AccessibilityStatementPage, FeedbackFormField, PortalSettings, StandardPage

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
        "form_fields": inline_formset([]),
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


def test_the_offices_german_feedback_form_reads_as_german_on_the_arabic_statement_and_is_sent_from_there(
    client, statement
):
    statement.form_fields = [
        FeedbackFormField(
            sort_order=0,
            label="Ihre Nachricht",
            field_type="multiline",
            required=True,
            help_text="Welche Barriere ist Ihnen aufgefallen?",
        ),
        FeedbackFormField(sort_order=1, label="Ihre E-Mail-Adresse", field_type="email", required=False),
    ]
    statement.save_revision().publish()

    arabic = client.get("/ar/barrierefreiheit/").content.decode()
    german = client.get("/de/barrierefreiheit/").content.decode()

    assert '<span lang="de" dir="ltr">Ihre Nachricht</span> <span aria-hidden="true">*</span>' in arabic
    assert 'dir="ltr">Welche Barriere ist Ihnen aufgefallen?</div>' in arabic
    assert '<span lang="de" dir="ltr">Ihre E-Mail-Adresse</span></label>' in arabic
    assert "<h3>الإبلاغ عن عائق</h3>" in arabic
    assert '<label for="id_ihre_nachricht">Ihre Nachricht <span aria-hidden="true">*</span>' in german
    assert '<form method="post" action="/ar/barrierefreiheit/"' in arabic, "sent from the Arabic page"
    thanks = client.post(
        "/ar/barrierefreiheit/", {"ihre_nachricht": "Der Kontrast ist zu schwach.", "homepage": ""}
    )
    assert '<html lang="ar" dir="rtl">' in thanks.content.decode()


def test_labels_an_english_translation_kept_in_german_read_as_german(client, statement, english):
    statement.form_fields = [
        FeedbackFormField(sort_order=0, label="Ihre Nachricht", field_type="multiline", required=True),
        FeedbackFormField(sort_order=1, label="Ihre E-Mail-Adresse", field_type="email", required=False),
    ]
    statement.save_revision().publish()
    translation = statement.copy_for_translation(english, copy_parents=True)
    translation.title = "Accessibility statement"
    translation.save_revision().publish()
    FeedbackFormField.objects.filter(page=translation, sort_order=1).update(label="Your e-mail address")

    html = client.get("/en/barrierefreiheit/").content.decode()

    assert '<span lang="de" dir="ltr">Ihre Nachricht</span>' in html
    assert '">Your e-mail address</label>' in html
    assert '<address class="statement-contact" lang="de" dir="ltr">Schlichtungsstelle' in html
