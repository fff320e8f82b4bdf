"""The admin start page tells each role what to do: the office what waits for it, a partner the state
of its own listings and how to add one, never another organisation's."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.offers.admin_forms import offer_form_data
from tests.site.account_request_data import make_request
from wegweiser.site.models import ScheduledJobRun

pytestmark = pytest.mark.django_db


def in_german(client, user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(user)
    return client


def submit_for_review(page, user, days_ago: int):
    page.save_revision(user=user)
    Page.objects.get(pk=page.pk).specific.get_workflow().start(page, user)
    WorkflowState.objects.filter(object_id=str(page.pk)).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


def panel_html(html: str, panel_id: str) -> str:
    start = html.index(f'id="{panel_id}-section"')
    return html[start : html.index("</section>", start)]


def test_office_dashboard_shows_what_waits_each_as_a_link(
    client, office_user, editor_a, editor_b, make_listing, organisation_a, organisation_b, town, searches
):
    request = make_request()
    newer = make_listing(organisation_a, "Neues Sprachcafé", topics=["sprache"], live=False)
    older = make_listing(organisation_b, "Neue Schuldnerberatung", topics=["beratung"], live=False)
    submit_for_review(newer, editor_a, days_ago=1)
    submit_for_review(older, editor_b, days_ago=9)
    ScheduledJobRun.objects.create(name="core.send_pending_mails", last_status="failed", failures_in_a_row=3)

    html = in_german(client, office_user).get(reverse("wagtailadmin_home")).content.decode()

    attention = panel_html(html, "office-attention")
    assert "Kontoanfragen, die auf eine Entscheidung warten" in attention
    assert (
        f'href="{reverse("account_requests:detail", args=[request.pk])}"><bdi>Frauencafé Nordstadt e. V.</bdi></a>'
        in attention
    )
    review_links = [reverse("wagtailadmin_pages:edit", args=[page.pk]) for page in (older, newer)]
    assert attention.index(review_links[0]) < attention.index(review_links[1]), "the oldest submission first"
    assert '><bdi>Verein A</bdi></a> <span class="ww-attention__detail">(2)' in attention
    jobs = attention.split('data-item="failed_jobs"', 1)[1].split("</li>\n", 1)[0]
    assert (
        "><bdi>Versendet die Mails im Postausgang, die noch nicht versendet werden konnten.</bdi></a>" in jobs
    )
    assert "><bdi>schuldnerberatung</bdi></a>" in attention
    assert "Ihre Organisation" not in html


def test_partner_dashboard_shows_its_own_listings_their_state_and_how_to_add_one(
    client, editor_a, make_listing, organisation_a, organisation_b, town
):
    soon = timezone.localdate() + datetime.timedelta(days=10)
    make_listing(organisation_a, "Elterncafé", topics=["sprache"], reviewed_days_ago=1, valid_until=soon)
    draft = make_listing(organisation_a, "Nähkurs (Entwurf)", topics=["arbeit"], live=False)
    submit_for_review(draft, editor_a, days_ago=2)

    html = in_german(client, editor_a).get(reverse("wagtailadmin_home")).content.decode()

    assert "<h1" in html and "Ihre Organisation: Verein A" in html
    assert "localhost" not in html.split("<h1", 1)[1].split("</h1>", 1)[0]
    panel = panel_html(html, f"partner-organisation-{organisation_a.pk}")
    rows = {
        title: panel.split(title, 1)[1].split("</tr>", 1)[0]
        for title in ("Deutschkurs A1 für Frauen", "Elterncafé", "Nähkurs (Entwurf)")
    }
    assert 'data-state="stale"' in rows["Deutschkurs A1 für Frauen"]
    assert 'data-state="expiring"' in rows["Elterncafé"]
    assert (
        'data-state="in_review"' in rows["Nähkurs (Entwurf)"]
        and 'data-state="draft"' in rows["Nähkurs (Entwurf)"]
    )
    for listing_type in ("offers/offerpage", "events/eventpage", "volunteers/volunteeropportunitypage"):
        app_label, model_name = listing_type.split("/")
        assert reverse("wagtailadmin_pages:add", args=[app_label, model_name, organisation_a.pk]) in panel
    assert "Deutschkurs B1 am Abend" not in html, "Verein B's listing"
    assert "Migrationsberatung" not in html, "Verein B's listing"
    assert f"partner-organisation-{organisation_b.pk}" not in html
    assert "office-attention" not in html
    assert "Anmeldungen zu Ihren kommenden Veranstaltungen" in html
    assert "Ehrenamts-Anmeldungen, die auf Ihre Antwort warten" in html


def test_a_new_partner_is_told_what_to_do_first(client, editor_b, organisation_b, home):
    html = in_german(client, editor_b).get(reverse("wagtailadmin_home")).content.decode()

    assert "Ihre Organisation: Verein B" in html
    assert "Ihre Organisation hat noch keine Einträge." in html


def test_the_office_is_told_when_the_scheduled_jobs_do_not_run(client, office_user, home):
    """A portal whose cron job was never set up said "0 Fehlgeschlagene geplante Aufgaben": no mail about stale
    listings, no places released, nothing published on schedule, and nothing on the start page said so."""
    from wegweiser.site.scheduling import scheduled_jobs

    def jobs_item() -> str:
        html = in_german(client, office_user).get(reverse("wagtailadmin_home")).content.decode()
        after = panel_html(html, "office-attention").split('data-item="failed_jobs"', 1)[1]
        return after.split('<li class="ww-attention__item"', 1)[0]

    jobs = scheduled_jobs()
    item = jobs_item()
    assert f'<span class="ww-attention__value">{len(jobs)}</span>' in item
    assert "Geplante Aufgaben, die fehlschlugen oder nicht liefen" in item
    assert '<span class="ww-attention__detail">(nie)</span>' in item
    # Five are named; the count above them is not read as a miscount of the list.
    assert item.count('<span class="ww-attention__detail">(nie)</span>') == 5
    assert f'<li class="ww-attention__more">noch {len(jobs) - 5} im Bericht</li>' in item

    now = timezone.now()
    ScheduledJobRun.objects.bulk_create(
        ScheduledJobRun(name=name, last_started=now, last_finished=now, last_status="ok") for name in jobs
    )
    assert '<span class="ww-attention__value">0</span>' in jobs_item()


def test_a_partner_sees_that_the_office_asked_for_changes_and_what(
    client, editor_a, office_user, make_listing, organisation_a, town
):
    """The office's "request changes" left the listing marked only "Entwurf" on the partner's start page; its
    comment was two clicks away in the page's status panel."""
    draft = make_listing(organisation_a, "Elterncafé am Mittwoch", topics=["sprache"], live=False)
    submit_for_review(draft, editor_a, days_ago=2)
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    task_state = state.current_task_state
    task_state.task.specific.on_action(
        task_state,
        office_user,
        "reject",
        comment="Bitte ergänzen Sie, ab welchem Alter Kinder betreut werden.",
    )

    html = in_german(client, editor_a).get(reverse("wagtailadmin_home")).content.decode()

    row = html.split("Elterncafé am Mittwoch", 1)[1].split("</tr>", 1)[0]
    assert 'data-state="changes_requested">Änderungen erbeten</span>' in row
    assert "Das Integrationsbüro bittet: „Bitte ergänzen Sie, ab welchem Alter Kinder betreut werden.“" in row
    assert 'data-state="in_review"' not in row


def test_a_partner_s_start_page_counts_no_pages_of_the_whole_portal(client, editor_a, office_user, town):
    """It said "430 Seiten erstellt in Wegweiser": every page of the portal, not the partner's."""
    partner = in_german(client, editor_a).get(reverse("wagtailadmin_home")).content.decode()
    assert "Seiten erstellt in" not in partner and "w-summary" not in partner
    office = in_german(client, office_user).get(reverse("wagtailadmin_home")).content.decode()
    assert "w-summary" in office


def test_the_office_cannot_request_changes_without_saying_what(
    client, editor_a, office_user, make_listing, organisation_a, town
):
    """ "Änderungen anfordern" took an empty comment: the partner saw "Änderungen erbeten" and had to phone to
    learn what. The office's review asks for what to change, in the modal the button opens."""
    draft = make_listing(organisation_a, "Elterncafé am Mittwoch", topics=["sprache"], live=False)
    submit_for_review(draft, editor_a, days_ago=2)
    task_state = WorkflowState.objects.get(object_id=str(draft.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "reject", task_state.pk])
    # The partner reviews nothing, not even its own listing: no modal, no action, nothing changed.
    partner = in_german(client, editor_a)
    for answer in (partner.get(url), partner.post(url, {"comment": "Passt schon."})):
        assert (answer.status_code, answer.get("Location")) == (302, "/admin/"), "Wagtail's 'no permission'"
    task_state.refresh_from_db()
    assert (task_state.status, task_state.comment) == ("in_progress", "")
    office = in_german(client, office_user)

    asked = office.get(url, headers={"x-requested-with": "XMLHttpRequest"}).json()["html"]
    assert "Was soll die Organisation ändern?" in asked

    for empty in ("", "   "):
        refused = office.post(url, {"comment": empty}, headers={"x-requested-with": "XMLHttpRequest"}).json()
        assert "Bitte schreiben Sie, was geändert werden soll" in refused["html"]
        task_state.refresh_from_db()
        assert task_state.status == "in_progress", "nothing changed"

    office.post(
        url,
        {"comment": "Ab welchem Alter werden Kinder betreut?"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    task_state.refresh_from_db()
    assert (task_state.status, task_state.comment) == ("rejected", "Ab welchem Alter werden Kinder betreut?")
    partner = in_german(client, editor_a).get(reverse("wagtailadmin_home")).content.decode()
    assert "Das Integrationsbüro bittet: „Ab welchem Alter werden Kinder betreut?“" in partner


def test_a_hand_made_post_of_the_page_editor_cannot_request_changes_without_a_comment(
    client, editor_a, office_user, make_listing, organisation_a, town
):
    """The editor's "Änderungen anfordern" goes through the modal; its form hands on whatever the POST carries
    ("workflow-action-extra-data"). Sent without a comment, or with a blank one, the listing stays in review."""
    draft = make_listing(organisation_a, "Elterncafé am Mittwoch", topics=["sprache"], live=False)
    submit_for_review(draft, editor_a, days_ago=2)
    task_state = WorkflowState.objects.get(object_id=str(draft.pk)).current_task_state
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    office = in_german(client, office_user)
    form = offer_form_data(title=draft.title, slug=draft.slug, summary=draft.summary)
    form |= {"action-workflow-action": "true", "workflow-action-name": "reject"}

    for extra in (None, "{}", '{"comment": "   "}'):
        data = form if extra is None else form | {"workflow-action-extra-data": extra}
        assert office.post(url, data).status_code == 302
        task_state.refresh_from_db()
        assert (task_state.status, task_state.comment) == ("in_progress", ""), extra

    office.post(url, form | {"workflow-action-extra-data": '{"comment": "Bitte die Uhrzeit nennen."}'})
    task_state.refresh_from_db()
    assert (task_state.status, task_state.comment) == ("rejected", "Bitte die Uhrzeit nennen.")


def translate_and_publish(page, locale, texts: dict[str, str], on_commit) -> Page:
    """``page`` translated into ``locale`` in wagtail-localize's translation editor (``texts``: each German text and
    its translation; the others stay German) and published there; its translated page."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source, string__data__in=texts).select_related(
        "string"
    ):
        StringTranslation.objects.create(
            translation_of=segment.string,
            context=segment.context,
            locale=locale,
            data=texts[segment.string.data],
        )
    with on_commit(execute=True):
        Translation.objects.create(source=source, target_locale=locale).save_target(publish=True)
    return page.get_translation(locale)


def change_in_german(page, summary: str, on_commit) -> None:
    """The German page's summary changed and published: its live translations show it, in German."""
    page = Page.objects.get(pk=page.pk).specific
    page.summary = summary
    with on_commit(execute=True):
        page.save_revision().publish()


def attention_item(panel: str, name: str) -> str:
    return panel.split(f'data-item="{name}"', 1)[1].split('<li class="ww-attention__item"', 1)[0]


def test_a_partner_sees_its_published_translations_that_show_german_text_and_not_another_s(
    client,
    editor_a,
    office_user,
    make_listing,
    organisation_a,
    organisation_b,
    home,
    django_capture_on_commit_callbacks,
):
    """The German course page changed, and the Arabic page showed the new paragraph in German: only the office's
    start page said so. The partner who changed it, and who translates its own pages, learnt nothing."""
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    own = make_listing(organisation_a, "Deutschkurs am Abend", summary="Montags von 18 bis 20 Uhr.")
    other = make_listing(organisation_b, "Migrationsberatung", summary="Dienstags von 9 bis 12 Uhr.")
    own_arabic = translate_and_publish(
        own,
        arabic,
        {
            "Deutschkurs am Abend": "دورة ألمانية مسائية",
            "Montags von 18 bis 20 Uhr.": "أيام الاثنين من 18 إلى 20.",
        },
        django_capture_on_commit_callbacks,
    )
    other_arabic = translate_and_publish(
        other,
        arabic,
        {
            "Migrationsberatung": "استشارات الهجرة",
            "Dienstags von 9 bis 12 Uhr.": "أيام الثلاثاء من 9 إلى 12.",
        },
        django_capture_on_commit_callbacks,
    )
    change_in_german(own, "Montags und mittwochs von 18 bis 20 Uhr.", django_capture_on_commit_callbacks)
    change_in_german(other, "Dienstags und donnerstags von 9 bis 12 Uhr.", django_capture_on_commit_callbacks)

    html = in_german(client, editor_a).get(reverse("wagtailadmin_home")).content.decode()

    item = attention_item(panel_html(html, "partner-translations"), "untranslated_texts")
    assert '<span class="ww-attention__value">1</span>' in item
    assert "Veröffentlichte Übersetzungen mit deutschem Text" in item
    own_editor = reverse("wagtailadmin_pages:edit", args=[own_arabic.pk])
    assert (
        f'<a href="{own_editor}"><bdi>دورة ألمانية مسائية</bdi></a> '
        '<span class="ww-attention__detail">(Arabisch, 1 von 3 Texten übersetzt)</span>'
    ) in item
    assert "استشارات الهجرة" not in html, "Verein B's translation"
    assert reverse("wagtailadmin_pages:edit", args=[other_arabic.pk]) not in html
    assert "office-attention" not in html
    # The title opens the translation editor, where the texts still in German are marked.
    editor = client.get(own_editor)
    assert editor.status_code == 200 and b"js-translation-editor" in editor.content

    office = panel_html(
        in_german(client, office_user).get(reverse("wagtailadmin_home")).content.decode(), "office-attention"
    )
    listed = attention_item(office, "untranslated_texts")
    assert '<span class="ww-attention__value">2</span>' in listed
    assert "دورة ألمانية مسائية" in listed and "استشارات الهجرة" in listed


def test_a_live_translation_with_a_draft_and_no_text_translated_waits_for_publication(
    client, editor_a, office_user, make_listing, organisation_a, home, django_capture_on_commit_callbacks
):
    """A published translation that got a draft without any text translated in it (wagtail-localize writes one
    when it brings a translation up to date without publishing it) was in neither list of the start page: not
    "published with German text", since its draft waits, and not "waiting to be published", since nobody had
    translated a text."""
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    course = make_listing(organisation_a, "Deutschkurs am Abend", summary="Montags von 18 bis 20 Uhr.")
    arabic_course = translate_and_publish(course, arabic, {}, django_capture_on_commit_callbacks)
    translation = Translation.objects.get(target_locale=arabic)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=office_user, publish=False)
    assert Page.objects.get(pk=arabic_course.pk).has_unpublished_changes

    row = (
        f'<a href="{reverse("wagtailadmin_pages:edit", args=[arabic_course.pk])}"><bdi>Deutschkurs am Abend</bdi></a> '
        '<span class="ww-attention__detail">(Arabisch, 0 von 3 Texten übersetzt)</span>'
    )
    office = panel_html(
        in_german(client, office_user).get(reverse("wagtailadmin_home")).content.decode(), "office-attention"
    )
    waiting = attention_item(office, "translations")
    assert '<span class="ww-attention__value">1</span>' in waiting and row in waiting
    assert '<span class="ww-attention__value">0</span>' in attention_item(office, "untranslated_texts")
    partner = in_german(client, editor_a).get(reverse("wagtailadmin_home")).content.decode()
    waiting = attention_item(panel_html(partner, "partner-translations"), "translations")
    assert "Übersetzungen, die auf Veröffentlichung warten" in waiting and row in waiting
