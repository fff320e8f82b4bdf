"""A partner organisation's editor finds "housing offer" in the page editor and can create one — with no
change to the core, only because the plugin is installed."""

from __future__ import annotations

from wegweiser_housing.models import HousingOfferPage


def add_url(organisation) -> str:
    return f"/admin/pages/add/wegweiser_housing/housingofferpage/{organisation.pk}/"


def housing_form_data(**overrides) -> dict:
    data = {
        "title": "2-Zimmer-Wohnung am Hafen",
        "slug": "2-zimmer-wohnung-am-hafen",
        "summary": "Helle Wohnung mit Balkon, die Vermieterin akzeptiert das Jobcenter.",
        "kind": "flat",
        "rooms": "2",
        "living_space": "56",
        "rent_cold": "430",
        "rent_warm": "565",
        "available_from": "",
        "wbs": "not_needed",
        "kdu_accepted": "on",
        "cost": "fee",
        "body-count": "0",
        "city": "Teststadt",
    }
    data.update(overrides)
    return data


def test_partner_editor_sees_housing_offer_in_the_page_type_chooser(client, organisation_a, editor_a):
    client.force_login(editor_a)
    response = client.get(f"/admin/pages/{organisation_a.pk}/add_subpage/")
    # With several page types Wagtail lists them; with housing as the only one it goes straight to its form.
    if response.status_code == 302:
        assert response["Location"] == add_url(organisation_a)
    else:
        assert response.status_code == 200
        assert add_url(organisation_a) in response.content.decode()


def test_partner_editor_opens_the_housing_offer_form(client, organisation_a, editor_a):
    client.force_login(editor_a)
    response = client.get(add_url(organisation_a))
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("rent_warm", "kdu_accepted", "wbs", "family_suitable", "barrier_free"):
        assert f'name="{field}"' in html


def test_partner_editor_saves_a_housing_offer_as_draft_below_own_organisation(
    client, organisation_a, editor_a
):
    client.force_login(editor_a)
    response = client.post(add_url(organisation_a), housing_form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    offer = HousingOfferPage.objects.get(slug="2-zimmer-wohnung-am-hafen")
    assert offer.get_parent().pk == organisation_a.pk
    assert offer.organisation_id == organisation_a.pk
    assert offer.room_band == "2"
    assert offer.kdu_accepted is True
    assert not offer.live


def test_total_rent_below_basic_rent_is_refused_with_a_clear_message(client, organisation_a, editor_a):
    client.force_login(editor_a)
    response = client.post(add_url(organisation_a), housing_form_data(rent_cold="700", rent_warm="500"))
    assert response.status_code == 200
    # The admin speaks the portal's default language, German.
    assert "Die Warmmiete kann nicht niedriger sein als die Kaltmiete" in response.content.decode()
    assert not HousingOfferPage.objects.exists()


def test_partner_editor_cannot_add_housing_offer_below_another_organisation(client, editor_a, organisation_b):
    client.force_login(editor_a)
    response = client.get(add_url(organisation_b))
    assert response.status_code in (302, 403)
    response = client.post(add_url(organisation_b), housing_form_data())
    assert not HousingOfferPage.objects.exists()
