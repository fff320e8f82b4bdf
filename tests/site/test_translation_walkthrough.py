"""A partner translates its own offer with wagtail-localize, segment by segment, through the real admin views.

Submit for translation, edit single segments, sync after the German source changed, PO export and import for an
external translator, publish (by the office: partners without direct publishing rights cannot), and read the
result at /en/ and /ar/. Another partner can do none of this to the first partner's offer.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from wegweiser.site.models import District, StandardPage, Topic
from wegweiser.site.registry import listing_types

pytestmark = pytest.mark.django_db

TITLE_DE = "Sprachcafé am Dienstag"
SUMMARY_DE = "Wir sprechen Deutsch bei Kaffee und Kuchen."
SUMMARY_DE_NEW = "Wir sprechen Deutsch bei Tee und Kuchen."


@pytest.fixture
def locales(home):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ar")}


@pytest.fixture
def offer(organisation_a):
    model = listing_types()["offer"].model
    page = organisation_a.add_child(instance=model(title=TITLE_DE, slug="sprachcafe", summary=SUMMARY_DE))
    page.save_revision().publish()
    return page


def submit(client, page, *locales):
    return client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk for locale in locales]}
    )


def segment(source: TranslationSource, text: str) -> StringSegment:
    return StringSegment.objects.get(source=source, string__data=text)


def put_segment(client, translation: Translation, string_segment: StringSegment, value: str):
    """What wagtail-localize's editor does when a translator saves one segment."""
    return client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{string_segment.pk}/edit/",
        encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
    )


def translated(source: TranslationSource, text: str, locale: Locale) -> str | None:
    found = StringTranslation.objects.filter(
        translation_of=segment(source, text).string, locale=locale, context=segment(source, text).context
    ).first()
    return found.data if found else None


def publish_translation(client, page, locale):
    target = page.get_translation(locale)
    return client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})


def assert_denied(response) -> None:
    """Wagtail's admin answers a refusal with 403, or a redirect to the dashboard with a message; another
    organisation's page with unpublished changes is not found (``scoping.AdminScopeMiddleware``)."""
    assert (response.status_code, response.get("Location")) in {(403, None), (302, "/admin/"), (404, None)}, (
        response.request["PATH_INFO"],
        response.status_code,
    )


def office_attention_item(client, name: str) -> str:
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    return html.split(f'data-item="{name}"', 1)[1].split('class="ww-attention__item"', 1)[0]


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_partner_translates_own_offer_segment_by_segment_and_the_office_publishes(
    client, locales, offer, editor_a, office_user, django_capture_on_commit_callbacks
):
    english, arabic = locales["en"], locales["ar"]
    client.force_login(editor_a)

    # 1. Submit the offer for translation into English and Arabic.
    assert client.get(f"/admin/localize/submit/page/{offer.pk}/").status_code == 200
    response = submit(client, offer, english, arabic)
    assert response.status_code == 302
    source = TranslationSource.objects.get(object_id=offer.translation_key)
    translations = {t.target_locale.language_code: t for t in Translation.objects.filter(source=source)}
    assert set(translations) == {"en", "ar"}
    english_offer = offer.get_translation(english)
    arabic_offer = offer.get_translation(arabic)

    # 2. The partner opens the translation editor and translates single segments.
    editor = client.get(f"/admin/pages/{english_offer.pk}/edit/")
    assert editor.status_code == 200
    assert b"wagtail-localize" in editor.content or b"editTranslation" in editor.content
    for language, title, summary in [
        ("en", "Language café on Tuesdays", "We speak German over coffee and cake."),
        ("ar", "مقهى اللغة يوم الثلاثاء", "نتحدث الألمانية مع القهوة والكعك."),
    ]:
        response = put_segment(client, translations[language], segment(source, TITLE_DE), title)
        assert response.status_code == 201, response.content
        response = put_segment(client, translations[language], segment(source, SUMMARY_DE), summary)
        assert response.status_code == 201, response.content
    assert translated(source, TITLE_DE, english) == "Language café on Tuesdays"

    # 3. The German source changes; the partner syncs the translations.
    offer.refresh_from_db()
    offer.summary = SUMMARY_DE_NEW
    offer.save_revision().publish()
    response = client.post(f"/admin/localize/update/{source.pk}/", {})
    assert response.status_code == 302, response.content
    source.refresh_from_db()
    # The changed sentence needs translating again; the unchanged title keeps its translation.
    assert translated(source, SUMMARY_DE_NEW, english) is None
    assert translated(source, TITLE_DE, english) == "Language café on Tuesdays"
    assert translated(source, TITLE_DE, arabic) == "مقهى اللغة يوم الثلاثاء"

    # 4. PO export for an external translator, and import of the translated file.
    response = client.get(f"/admin/localize/translate/{translations['en'].pk}/pofile/download/")
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    missing = {entry.msgid: entry for entry in po if not entry.msgstr}
    assert SUMMARY_DE_NEW in missing
    assert TITLE_DE not in missing
    missing[SUMMARY_DE_NEW].msgstr = "We speak German over tea and cake."
    upload = SimpleUploadedFile(
        "sprachcafe-en.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    response = client.post(
        f"/admin/localize/translate/{translations['en'].pk}/pofile/upload/",
        {"file": upload, "next": f"/admin/pages/{english_offer.pk}/edit/"},
    )
    assert response.status_code == 302
    assert translated(source, SUMMARY_DE_NEW, english) == "We speak German over tea and cake."
    # A PO file made for another translation is refused with a message, and changes nothing.
    arabic_po = client.get(f"/admin/localize/translate/{translations['ar'].pk}/pofile/download/").content
    response = client.post(
        f"/admin/localize/translate/{translations['en'].pk}/pofile/upload/",
        {"file": SimpleUploadedFile("wrong.po", arabic_po), "next": "/admin/"},
    )
    assert [message.level_tag for message in get_messages(response.wsgi_request)][-1] == "error"
    assert translated(source, SUMMARY_DE_NEW, english) == "We speak German over tea and cake."
    put_segment(
        client, translations["ar"], segment(source, SUMMARY_DE_NEW), "نتحدث الألمانية مع الشاي والكعك."
    )

    # 5. The partner may not publish directly; the office does.
    assert_denied(publish_translation(client, offer, english))
    english_offer.refresh_from_db()
    assert english_offer.specific.summary != "We speak German over tea and cake."
    client.force_login(office_user)
    # The office's start page says what waits for it, each translation linking to its editor: only the office
    # can publish them, and only the translations report showed them.
    waiting = office_attention_item(client, "translations")
    assert '<span class="ww-attention__value">2</span>' in waiting
    assert "Übersetzungen, die auf Veröffentlichung warten" in waiting
    assert f'href="/admin/pages/{arabic_offer.pk}/edit/"><bdi>{arabic_offer.title}</bdi>' in waiting
    # the title, the summary and the address (slug); no longer the currency "EUR", which is no text to translate
    assert "(Arabisch, 2 von 3 Texten übersetzt)" in waiting
    for locale in (english, arabic):
        # wagtail-localize publishes when the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            response = publish_translation(client, offer, locale)
        assert response.status_code == 302
        assert response["Location"] != "/admin/"
    english_offer.refresh_from_db()
    arabic_offer.refresh_from_db()
    assert english_offer.live and arabic_offer.live
    assert '<span class="ww-attention__value">0</span>' in office_attention_item(client, "translations")

    # 6. Visitors read the translation in their language; Arabic right to left.
    client.logout()
    english_page = html_of(client, english_offer.specific)
    assert english_page.html["lang"] == "en"
    assert english_page.h1.get_text(strip=True) == "Language café on Tuesdays"
    assert "We speak German over tea and cake." in english_page.get_text()
    arabic_page = html_of(client, arabic_offer.specific)
    assert (arabic_page.html["lang"], arabic_page.html["dir"]) == ("ar", "rtl")
    assert arabic_page.h1.get_text(strip=True) == "مقهى اللغة يوم الثلاثاء"
    assert "نتحدث الألمانية مع الشاي والكعك." in arabic_page.get_text()


def test_other_partner_can_neither_submit_nor_edit_nor_sync_the_translations(
    client, locales, offer, editor_a, editor_b
):
    english = locales["en"]
    client.force_login(editor_a)
    submit(client, offer, english)
    source = TranslationSource.objects.get(object_id=offer.translation_key)
    translation = Translation.objects.get(source=source, target_locale=english)
    put_segment(client, translation, segment(source, TITLE_DE), "Language café on Tuesdays")
    english_offer = offer.get_translation(english)
    strings_before = list(StringTranslation.objects.values_list("pk", "data"))
    revisions_before = english_offer.revisions.count()

    client.force_login(editor_b)
    denied = [
        client.get(f"/admin/localize/submit/page/{offer.pk}/"),
        submit(client, offer, locales["ar"]),
        client.get(f"/admin/pages/{english_offer.pk}/edit/"),
        put_segment(client, translation, segment(source, TITLE_DE), "Hijacked"),
        client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/"),
        client.post(
            f"/admin/localize/translate/{translation.pk}/pofile/upload/",
            {"file": SimpleUploadedFile("x.po", b""), "next": "/admin/"},
        ),
        client.get(f"/admin/localize/update/{source.pk}/"),
        client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}),
        client.post(f"/admin/pages/{english_offer.pk}/edit/", {"action": "publish"}),
    ]
    for response in denied:
        assert_denied(response)
    assert list(StringTranslation.objects.values_list("pk", "data")) == strings_before
    assert english_offer.revisions.count() == revisions_before
    assert not Page.objects.filter(translation_key=offer.translation_key, locale=locales["ar"]).exists()


def test_partner_without_publishing_rights_cannot_publish_by_syncing(client, locales, offer, editor_a):
    """The sync view's "publish immediately" box must not bypass the office's review."""
    english = locales["en"]
    client.force_login(editor_a)
    submit(client, offer, english)
    source = TranslationSource.objects.get(object_id=offer.translation_key)
    translation = Translation.objects.get(source=source, target_locale=english)
    put_segment(client, translation, segment(source, TITLE_DE), "Language café on Tuesdays")
    response = client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    assert_denied(response)
    assert offer.get_translation(english).specific.title == TITLE_DE


def test_office_translates_a_topic(client, locales, office_user, editor_a):
    topic = Topic.objects.create(name="Beratung", slug="beratung")
    client.force_login(office_user)
    response = client.post(
        f"/admin/localize/submit/snippet/core/topic/{topic.pk}/", {"locales": [locales["en"].pk]}
    )
    assert response.status_code == 302
    source = TranslationSource.objects.get(object_id=topic.translation_key)
    translation = Translation.objects.get(source=source, target_locale=locales["en"])
    assert put_segment(client, translation, segment(source, "Beratung"), "Counselling").status_code == 201
    english_topic = Topic.objects.get(translation_key=topic.translation_key, locale=locales["en"])
    response = client.post(f"/admin/snippets/core/topic/edit/{english_topic.pk}/", {"action": "publish"})
    assert response.status_code == 302
    english_topic.refresh_from_db()
    assert english_topic.name == "Counselling"

    # A partner may not touch the office's taxonomy translations.
    client.force_login(editor_a)
    assert_denied(put_segment(client, translation, segment(source, "Beratung"), "Advice"))
    assert Topic.objects.get(pk=english_topic.pk).name == "Counselling"


def test_a_partner_translating_its_offer_leaves_the_office_s_translated_terms_as_they_are(
    client, locales, offer, editor_a, organisation_a
):
    """The office names each district and topic in every language; wagtail-localize submitted a page's
    district along with the page and wrote the German name over the Arabic one ("الحي الشرقي" became
    "Ostviertel" on every Arabic page) when the partner translated its offer."""
    district = District.objects.create(name="Ostviertel", slug="ostviertel")
    arabic_district = district.copy_for_translation(locales["ar"])
    arabic_district.name = "الحي الشرقي"
    arabic_district.save()
    topic = Topic.objects.create(name="Sprache", slug="sprache")
    arabic_topic = topic.copy_for_translation(locales["ar"])
    arabic_topic.name = "اللغة"
    arabic_topic.save()
    offer.district = district
    offer.topics.set([topic])
    offer.save_revision().publish()
    arabic_organisation = organisation_a.copy_for_translation(locales["ar"], copy_parents=True)
    arabic_organisation.title = "جمعية أ"
    arabic_organisation.save_revision().publish()
    client.force_login(editor_a)

    assert submit(client, offer, locales["ar"]).status_code == 302

    assert District.objects.get(pk=arabic_district.pk).name == "الحي الشرقي"
    assert Topic.objects.get(pk=arabic_topic.pk).name == "اللغة"
    arabic_organisation.refresh_from_db()
    assert arabic_organisation.title == "جمعية أ" and not arabic_organisation.has_unpublished_changes
    assert offer.get_translation(locales["ar"]).district.slug == "ostviertel"


def test_the_office_sees_a_published_translation_whose_changed_german_text_is_german_there(
    client, locales, offer, editor_a, office_user, django_capture_on_commit_callbacks
):
    """Publishing the German offer brings its Arabic page up to date, a changed text in German until it is
    translated again; the office's start page listed the translations waiting to be published, not the published
    ones that newcomers read partly in German."""
    arabic = locales["ar"]
    client.force_login(office_user)
    submit(client, offer, arabic)
    source = TranslationSource.objects.get(object_id=offer.translation_key)
    translation = Translation.objects.get(source=source, target_locale=arabic)
    for text, value in [
        (TITLE_DE, "مقهى اللغة يوم الثلاثاء"),
        (SUMMARY_DE, "نتحدث الألمانية مع القهوة والكعك."),
    ]:
        put_segment(client, translation, segment(source, text), value)
    put_segment(client, translation, segment(source, "sprachcafe"), "maqha-al-lugha")
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(client, offer, arabic)
    arabic_offer = offer.get_translation(arabic)
    assert '<span class="ww-attention__value">0</span>' in office_attention_item(client, "untranslated_texts")

    offer.refresh_from_db()
    offer.summary = SUMMARY_DE_NEW
    with django_capture_on_commit_callbacks(execute=True):
        offer.save_revision().publish()

    assert SUMMARY_DE_NEW in html_of(client, arabic_offer.specific).get_text(), (
        "the German text, on the Arabic page"
    )
    client.force_login(office_user)
    german = office_attention_item(client, "untranslated_texts")
    assert '<span class="ww-attention__value">1</span>' in german
    assert "Veröffentlichte Übersetzungen mit deutschem Text" in german
    assert (
        f'<a href="/admin/pages/{arabic_offer.pk}/edit/"><bdi>مقهى اللغة يوم الثلاثاء</bdi></a> '
        '<span class="ww-attention__detail">(Arabisch, 2 von 3 Texten übersetzt)</span>'
    ) in german
    assert 'href="/admin/localize/reports/translations/?waiting_for_translation=true"' in german
    assert '<span class="ww-attention__value">0</span>' in office_attention_item(client, "translations")
    # The offer's partner sees it on its own start page, not in the office's panel.
    client.force_login(editor_a)
    partner = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'id="office-attention-section"' not in partner
    assert (
        f'href="/admin/pages/{arabic_offer.pk}/edit/"'
        in partner.split('id="partner-translations-section"')[1]
    )

    # Translated again, it waits for the office to publish it: listed there, not twice.
    client.force_login(office_user)
    put_segment(client, translation, segment(source, SUMMARY_DE_NEW), "نتحدث الألمانية مع الشاي والكعك.")
    assert '<span class="ww-attention__value">0</span>' in office_attention_item(client, "untranslated_texts")
    assert '<span class="ww-attention__value">1</span>' in office_attention_item(client, "translations")
    with django_capture_on_commit_callbacks(execute=True):
        publish_translation(client, offer, arabic)
    assert '<span class="ww-attention__value">0</span>' in office_attention_item(client, "untranslated_texts")
    assert '<span class="ww-attention__value">0</span>' in office_attention_item(client, "translations")


def test_a_content_page_published_before_anyone_translated_it_is_listed_too(
    client, locales, home, office_user, django_capture_on_commit_callbacks
):
    """Not only listings: the office's own pages are read in Arabic as well."""
    page = home.add_child(
        instance=StandardPage(
            title="Willkommen in der Stadt", slug="willkommen", intro="Hier finden Sie Hilfe."
        )
    )
    page.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locales["ar"])
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    client.force_login(office_user)

    listed = office_attention_item(client, "untranslated_texts")

    assert '<span class="ww-attention__value">1</span>' in listed
    arabic_page = page.get_translation(locales["ar"])
    assert f'href="/admin/pages/{arabic_page.pk}/edit/"><bdi>Willkommen in der Stadt</bdi>' in listed
    assert "(Arabisch, 0 von 3 Texten übersetzt)" in listed


def speaking_german(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    return user


def shown_text(response) -> str:
    """What a page shows and reads out, without its scripts and templates."""
    html = BeautifulSoup(response.content, "html.parser")
    for hidden in html(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(html.get_text(" ").split())


def javascript_catalogue(client) -> dict[str, str]:
    """The messages wagtail-localize's translation editor (React) reads: Django's JavaScript catalogue of the
    package, in the user's language."""
    script = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))


def test_wagtail_localize_s_screens_speak_german_to_a_german_admin(
    client, locales, offer, editor_a, office_user
):
    """wagtail-localize's German catalogue leaves "Locale" and its locales pages in English and words much of
    the rest oddly ("Synchronisiere übersetzte Seiten", "Lade PO Datei herunter"); the portal's German for
    them (``wegweiser/third_party/locale``) reaches its forms, its translation editor and the report."""
    client.force_login(speaking_german(editor_a))

    form = client.get(f"/admin/localize/submit/page/{offer.pk}/")
    assert "Sprachen" in shown_text(form) and "Locale" not in shown_text(form)
    submit(client, offer, locales["en"])
    source = TranslationSource.objects.get(object_id=offer.translation_key)
    english_offer = offer.get_translation(locales["en"])

    editor = shown_text(client.get(f"/admin/pages/{english_offer.pk}/edit/"))
    assert "Sprache: English" in editor and "In 2 Sprachen verfügbar" in editor
    assert "Locale" not in editor
    catalogue = javascript_catalogue(client)
    assert catalogue["Download PO file and input translations offline"] == (
        "PO-Datei herunterladen und Übersetzungen offline eintragen"
    )
    assert catalogue["Uses %s version"] == "Verwendet die Version auf %s"
    assert catalogue["segments translated"] == "Texte übersetzt"

    source_editor = shown_text(client.get(f"/admin/pages/{offer.pk}/edit/"))
    assert "Übersetzte Seiten synchronisieren" in source_editor
    sync = shown_text(client.get(f"/admin/localize/update/{source.pk}/"))
    assert "Warum sollte ich meine Seite synchronisieren?" in sync and "Zuletzt synchronisiert am" in sync

    client.force_login(speaking_german(office_user))
    report = client.get(reverse("wagtail_localize:translations_report"))
    assert BeautifulSoup(report.content, "html.parser").h1.get_text(strip=True) == "Übersetzungen"
    report_text = shown_text(report)
    assert "Wartet auf Übersetzung" in report_text and "1 Übersetzung" in report_text
    # its filters were named after wagtail-localize's model fields, its count after its model
    assert "Ausgangssprache" in report_text and "Zielsprache" in report_text
    assert "locale" not in report_text.casefold() and "translation" not in report_text


def test_the_translation_editor_dates_a_translated_text_as_the_admin_s_language_writes_it(
    client, locales, offer, editor_a
):
    """wagtail-localize wrote "Manuell übersetzt am 7 December 2026": the month in English (``strftime``)
    and the day in UTC, the day before for a text translated at half past midnight in Neustadt."""
    client.force_login(speaking_german(editor_a))
    submit(client, offer, locales["en"])
    source = TranslationSource.objects.get(object_id=offer.translation_key)
    translation = Translation.objects.get(source=source, target_locale=locales["en"])
    put_segment(client, translation, segment(source, TITLE_DE), "Language café on Tuesdays")
    half_past_midnight = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)  # 7 December in Berlin
    StringTranslation.objects.filter(locale=locales["en"]).update(updated_at=half_past_midnight)

    editor = client.get(f"/admin/pages/{offer.get_translation(locales['en']).pk}/edit/")
    props = json.loads(
        BeautifulSoup(editor.content, "html.parser").find(class_="js-translation-editor")["data-props"]
    )
    assert [text["comment"] for text in props["initialStringTranslations"]] == [
        "Manuell übersetzt am 7. Dezember 2026"
    ]


@pytest.mark.parametrize(
    ("language", "direction", "language_name"), [("ar", "rtl", "العربية"), ("uk", "ltr", "Українська")]
)
def test_the_translation_editor_writes_the_translated_texts_in_the_target_language_s_direction(
    client, offer, office_user, language, direction, language_name
):
    """wagtail-localize's editor showed and took Arabic left to right, its punctuation out of place, under the
    English heading "Deutsch to العربية translation". The page gives its script (which marks each translated
    text, the app being drawn in the browser: tests/browser/test_translation_editor.py) the target language
    and its direction, the German source's, and the German for the texts the app writes in English."""
    target = Locale.objects.get_or_create(language_code=language)[0]
    client.force_login(speaking_german(office_user))
    submit(client, offer, target)

    editor = BeautifulSoup(
        client.get(f"/admin/pages/{offer.get_translation(target).pk}/edit/").content, "html.parser"
    )
    languages = editor.find(id="ww-translation-languages")
    assert (languages["data-target-lang"], languages["data-target-dir"]) == (language, direction)
    assert (languages["data-source-lang"], languages["data-source-dir"]) == ("de", "ltr")
    assert languages["data-heading"] == f"Übersetzung Deutsch → {language_name}"
    assert languages["data-more-actions"] == "Mehr Aktionen"
    scripts = [script["src"].split("?")[0] for script in editor.find_all("script", src=True)]
    assert "/static/js/admin/translation_editor.js" in scripts
