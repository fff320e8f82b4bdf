"""The office chooses a finder's listing type from the installed ones; a typed-in key cannot slip through."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError

from wegweiser.site.models import ListingIndexPage
from wegweiser.site.registry import listing_types


def test_the_finder_form_offers_every_installed_listing_type_by_name(client, admin_user, home):
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/add/core/listingindexpage/{home.pk}/").content.decode()
    select = re.search(r'<select name="listing_type".*?</select>', html, re.S)
    assert select, "the listing type is a choice, not a text field"
    offered = set(re.findall(r'<option value="([^"]+)"', select.group()))
    assert offered == set(listing_types())
    assert ">Angebote<" in select.group()


def test_a_finder_with_a_listing_type_that_is_not_installed_is_refused_in_german(home):
    finder = ListingIndexPage(title="Angebote", slug="angebote", listing_type="angebot")
    with pytest.raises(ValidationError) as refused:
        home.add_child(instance=finder)
    assert "Wählen Sie eine der installierten Arten von Einträgen" in str(
        refused.value.message_dict["listing_type"]
    )
    assert not ListingIndexPage.objects.filter(slug="angebote").exists()
