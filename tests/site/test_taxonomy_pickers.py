"""A partner ticks topics, target groups and languages as checkboxes, each term once, in the admin's language.

Terms are translated snippets (German "Sprache", English "Language"); the editor used to get a Ctrl-click
list of both. Every listing type's editor (offers, events, volunteering) shares one mechanism in the core.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from wegweiser.site.models import District, Language, TargetGroup, Topic
from wegweiser.site.registry import listing_types
from wegweiser.site.taxonomy_fields import TaxonomyChoiceField, TaxonomyMultipleChoiceField

pytestmark = pytest.mark.django_db

TERMS = {
    Topic: [("sprache", "Sprache", "Language"), ("arbeit", "Arbeit & Beruf", "Work")],
    TargetGroup: [("frauen", "Frauen", "Women")],
    Language: [("ar", "Arabisch", "Arabic"), ("uk", "Ukrainisch", "Ukrainian")],
    District: [("nordstadt", "Nordstadt", "North Town")],
}
PICKERS = {"topics": Topic, "target_groups": TargetGroup, "languages": Language}


@pytest.fixture
def bilingual_terms(home, english):
    """Every term in German and English, the English rows created first so they come first by id."""
    german = Locale.get_default()
    terms = {}
    for model, rows in TERMS.items():
        for order, (slug, german_name, english_name) in enumerate(rows):
            extra = {"native_name": "–"} if model is Language else {}
            translated = model.objects.create(
                slug=slug, name=english_name, locale=english, sort_order=order, **extra
            )
            original = model.objects.create(
                slug=slug, name=german_name, locale=german, sort_order=order, **extra
            )
            terms[model, slug] = original, translated
    return terms


def editor_speaking(editor, language):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    return editor


def checkboxes(html: str, name: str) -> list[tuple[str, str]]:
    """(value, label) of each checkbox of the field ``name`` as Django renders it."""
    pattern = rf'<input type="checkbox" name="{name}" value="(\d+)"[^>]*>\s*([^<]+?)\s*</label>'
    return re.findall(pattern, html)


@pytest.mark.parametrize("key", ["offer", "event", "volunteer"])
def test_every_listing_type_offers_each_term_once_as_a_checkbox_in_german(
    client, editor_a, organisation_a, bilingual_terms, key
):
    client.force_login(editor_speaking(editor_a, "de"))
    model = listing_types()[key].model
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, organisation_a.pk]
    )

    html = client.get(url).content.decode()

    for name, taxonomy in PICKERS.items():
        expected = [
            (str(bilingual_terms[taxonomy, slug][0].pk), german.replace("&", "&amp;"))
            for slug, german, _english in TERMS[taxonomy]
        ]
        assert checkboxes(html, name) == expected, name
    districts = re.search(r'<select name="district"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert re.findall(r"<option[^>]*>([^<]+)</option>", districts) == ["---------", "Nordstadt"]
    assert "North Town" not in html and "Ukrainian" not in html
    if key == "volunteer":
        assert [label for _value, label in checkboxes(html, "languages_wanted")] == ["Arabisch", "Ukrainisch"]


def test_an_english_speaking_editor_reads_the_terms_in_english(
    client, editor_a, organisation_a, bilingual_terms
):
    client.force_login(editor_speaking(editor_a, "en"))
    model = listing_types()["offer"].model
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, organisation_a.pk]
    )

    html = client.get(url).content.decode()

    assert [label for _value, label in checkboxes(html, "topics")] == ["Language", "Work"]
    assert [label for _value, label in checkboxes(html, "languages")] == ["Arabic", "Ukrainian"]


def test_a_listing_that_points_to_a_translated_term_shows_it_ticked(
    editor_a, organisation_a, bilingual_terms
):
    model = listing_types()["offer"].model
    german_topic, english_topic = bilingual_terms[Topic, "sprache"]
    page = model(title="Deutschkurs", slug="deutschkurs", summary="Ein Kurs.")
    page.topics = [english_topic]
    organisation_a.add_child(instance=page)

    form = model.get_edit_handler().get_form_class()(instance=page, for_user=editor_a)

    assert isinstance(form.fields["topics"], TaxonomyMultipleChoiceField)
    assert isinstance(form.fields["district"], TaxonomyChoiceField)
    assert form["topics"].value() == [german_topic.pk]
    assert f'value="{german_topic.pk}" id="id_topics_0" checked' in str(form["topics"])


def test_organisation_pages_pick_their_district_once(client, editor_a, organisation_a, bilingual_terms):
    form = (
        type(organisation_a).get_edit_handler().get_form_class()(instance=organisation_a, for_user=editor_a)
    )

    assert [label for _pk, label in form.fields["district"].choices][1:] == ["Nordstadt"]
