"""Dates in the admin as German partners type them: "12.01.2027 18:00"."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.utils import formats, translation

from wegweiser.events.models import EventPage
from wegweiser.offers.models import OfferPage


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_language_reads_the_dates_the_admin_writes(language):
    """Wagtail's own check of this (wagtailadmin.E003) runs only with Django's former ``USE_L10N`` setting."""
    assert settings.WAGTAIL_DATE_FORMAT in formats.get_format("DATE_INPUT_FORMATS", lang=language)
    assert settings.WAGTAIL_DATETIME_FORMAT in formats.get_format("DATETIME_INPUT_FORMATS", lang=language)
    assert settings.WAGTAIL_TIME_FORMAT in formats.get_format("TIME_INPUT_FORMATS", lang=language)


@pytest.mark.parametrize("language", ["de", "en"])
def test_an_event_s_start_and_a_listing_s_visibility_are_typed_and_shown_the_german_way(language):
    """The date picker took "12.01.2027 18:00" for no date at all and put today's in its place, without a word,
    and the autosave stored it: it read only "2027-01-12 18:00"."""
    event_fields = EventPage.get_edit_handler().get_form_class().base_fields
    offer_fields = OfferPage.get_edit_handler().get_form_class().base_fields
    with translation.override(language):
        start = event_fields["start"]
        assert start.widget.get_config()["format"] == "d.m.Y H:i"
        assert start.widget.format_value(datetime.datetime(2027, 1, 12, 18, 0)) == "12.01.2027 18:00"
        assert start.clean("12.01.2027 18:00").replace(tzinfo=None) == datetime.datetime(2027, 1, 12, 18, 0)
        visible_from = offer_fields["valid_from"]
        assert visible_from.widget.get_config()["format"] == "d.m.Y"
        assert visible_from.widget.format_value(datetime.date(2027, 1, 12)) == "12.01.2027"
        assert visible_from.clean("12.01.2027") == datetime.date(2027, 1, 12)
