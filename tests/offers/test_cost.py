"""What taking part costs: an amount (or free) and who can get it paid, shown in the visitor's language and
number format, in the API and JSON-LD, found by "free or paid for by an authority", entered in the editor."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from django.utils import translation

from tests.offers.admin_forms import offer_form_data
from wegweiser.offers.models import OfferPage
from wegweiser.offers.offer_import import import_offers
from wegweiser.plugin_api.testing import built_once, make_organisation, make_organisation_index, make_user
from wegweiser.site.models import ListingIndexPage
from wegweiser.site.prices import format_amount, payers_named_in
from wegweiser.site.setup import ensure_portal

API = "/api/v1"


def _offer(parent, title: str, **fields) -> OfferPage:
    offer = OfferPage(title=title, slug=title.lower().replace(" ", "-"), summary=title, **fields)
    parent.add_child(instance=offer)
    offer.save_revision().publish()
    return offer


def _build_world():
    home = ensure_portal(home_title="Willkommen in Teststadt")
    organisation = make_organisation(make_organisation_index(home), "Verein A", "verein-a")
    editor = make_user("editor-a", organisation.editors_group)
    finder = home.add_child(
        instance=ListingIndexPage(title="Angebote", slug="angebote", listing_type="offer")
    )
    finder.save_revision().publish()
    paid = _offer(
        organisation,
        "Deutschkurs B2",
        kind=OfferPage.Kind.COURSE,
        cost=OfferPage.Cost.REDUCED,
        cost_amount=Decimal("1200.50"),
        cost_paid_by=["jobcenter", "town_pass"],
        cost_note="mit dem Neustadt-Pass 50 % günstiger",
    )
    fee = _offer(organisation, "Kochkurs", kind=OfferPage.Kind.GROUP, cost=OfferPage.Cost.FEE, cost_amount=45)
    free = _offer(organisation, "Sprachcafé", kind=OfferPage.Kind.GROUP, cost=OfferPage.Cost.FREE)
    return {"organisation": organisation.pk, "editor": editor.pk, "finder": finder.pk, "paid": paid.pk,
            "fee": fee.pk, "free": free.pk}  # fmt: skip


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build_world) as ids:
        yield ids


@pytest.fixture
def pages(world, db):
    from wagtail.models import Page

    return {name: Page.objects.get(pk=pk).specific for name, pk in world.items() if name != "editor"}


def test_amounts_are_written_the_way_each_language_writes_them():
    shown = {}
    for language in ("de", "en", "ar", "uk"):
        with translation.override(language):
            shown[language] = (format_amount(Decimal("1200.50")), format_amount(Decimal("45")))
    assert shown == {
        "de": ("1.200,50 €", "45 €"),
        "en": ("€1,200.50", "€45"),
        "ar": ("1200,50 €", "45 €"),
        "uk": ("1\xa0200,50 €", "45 €"),  # a no-break space between thousands
    }


def test_the_offer_page_shows_the_amount_and_who_can_pay_in_german(client, pages):
    html = client.get(pages["paid"].url).content.decode()
    assert '<bdi class="listing__price">1.200,50 €</bdi> · ermäßigte Gebühr möglich' in html
    assert "Kosten können übernehmen: Jobcenter (Bildungsgutschein), Stadtpass (z. B. Neustadt-Pass)" in html


def test_the_offer_page_shows_the_amount_and_who_can_pay_in_arabic(client, pages):
    html = client.get(pages["paid"].url.replace("/de/", "/ar/", 1)).content.decode()
    assert '<bdi class="listing__price">1200,50 €</bdi>' in html
    assert (
        "يمكن أن يدفع التكاليف: مركز العمل Jobcenter (قسيمة تعليم، Bildungsgutschein)، بطاقة المدينة" in html
    )


def test_the_finder_finds_what_is_free_or_paid_for_by_an_authority(client, pages):
    response = client.get(f"{pages['finder'].url}?free_or_funded=on")
    assert sorted(listing.title for listing in response.context["listings"]) == [
        "Deutschkurs B2",
        "Sprachcafé",
    ]
    assert "Kostenlos oder von einer Stelle bezahlt" in response.content.decode()


def test_the_api_gives_amount_currency_and_payers(client, pages):
    response = client.get(f"{API}/listings/offer/", {"free_or_funded": "true", "kind": "course"})
    assert response.status_code == 200, response.content
    [item] = response.json()["items"]
    assert {key: item[key] for key in ("cost", "cost_amount", "cost_currency", "price_label", "cost_paid_by",
                                        "cost_paid_by_labels", "free_or_funded")} == {
        "cost": "reduced",
        "cost_amount": "1200.50",
        "cost_currency": "EUR",
        "price_label": "1.200,50 €",
        "cost_paid_by": ["jobcenter", "town_pass"],
        "cost_paid_by_labels": ["Jobcenter (Bildungsgutschein)", "Stadtpass (z. B. Neustadt-Pass)"],
        "free_or_funded": True,
    }  # fmt: skip
    titles = [
        item["title"]
        for item in client.get(f"{API}/listings/offer/", {"free_or_funded": "true"}).json()["items"]
    ]
    assert sorted(titles) == ["Deutschkurs B2", "Sprachcafé"]


def _json_ld(client, page) -> dict:
    html = client.get(page.url).content.decode()
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_json_ld_has_price_currency_and_whether_it_is_free(client, pages):
    paid = _json_ld(client, pages["paid"])
    assert (paid["offers"]["price"], paid["offers"]["priceCurrency"], paid["isAccessibleForFree"]) == (
        "1200.50",
        "EUR",
        False,
    )
    assert paid["offers"]["description"].startswith("Kosten können übernehmen: Jobcenter")
    free = _json_ld(client, pages["free"])
    assert (free["offers"]["price"], free["offers"]["priceCurrency"], free["isAccessibleForFree"]) == (
        "0",
        "EUR",
        True,
    )


def test_the_editor_ticks_who_can_pay_and_a_free_offer_with_an_amount_is_refused(client, world, pages):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(pk=world["editor"]))
    url = f"/admin/pages/add/offers/offerpage/{world['organisation']}/"
    refused = client.post(
        url, offer_form_data(title="Kurs", slug="kurs", cost="free", cost_amount="30", cost_currency="EUR")
    )
    assert refused.status_code == 200
    with translation.override("de"):
        assert refused.context["form"].errors["cost_amount"] == [
            "Ein kostenloses Angebot hat keinen Betrag: Lassen Sie den Betrag leer oder wählen Sie bei den Kosten "
            "„kostenpflichtig“ oder „ermäßigte Gebühr möglich“."
        ]
    data = offer_form_data(
        "publish", title="Kurs", slug="kurs", cost="fee", cost_amount="30", cost_currency="EUR"
    )
    data["cost_paid_by"] = ["bamf", "employment_agency"]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    offer = OfferPage.objects.get(slug="kurs")
    assert (offer.cost_amount, offer.cost_paid_by, offer.free_or_funded) == (
        Decimal("30"),
        ["bamf", "employment_agency"],
        True,
    )


def test_the_import_reads_amount_and_payers_and_reports_what_it_cannot_read(pages):
    csv = (
        "title;summary;kind;cost;cost_amount;cost_paid_by\n"
        'Kurs mit Gebühr;Deutsch.;Kurs;kostenpflichtig;"1.200,50 €";Jobcenter, Neustadt-Pass\n'
    ).encode()
    report = import_offers(csv, pages["organisation"], dry_run=False)
    assert report.ok, report.problems
    offer = OfferPage.objects.get(title="Kurs mit Gebühr")
    assert (offer.cost_amount, offer.cost_paid_by, offer.free_or_funded) == (
        Decimal("1200.50"),
        ["jobcenter", "town_pass"],
        True,
    )
    bad = (
        b"title;summary;kind;cost;cost_amount;cost_paid_by\n"
        b"Kurs kostenlos;Deutsch.;Kurs;kostenlos;zehn;Sozialamt\n"
    )
    with translation.override("de"):
        report = import_offers(bad, pages["organisation"], dry_run=True)
    assert {(problem.row, problem.column) for problem in report.problems} == {
        (2, "cost_amount"),
        (2, "cost_paid_by"),
    }


def test_the_migration_reads_payers_from_old_notes():
    assert payers_named_in("über BAMF-Berechtigungsschein oder Bildungsgutschein") == ["bamf", "jobcenter"]
    assert payers_named_in("mit dem Neustadt-Pass kostenlos") == ["town_pass"]
    assert payers_named_in("5 € für Zutaten") == []


@pytest.mark.parametrize(("typed", "saved"), [("120,50", "120.50"), ("12.50", "12.50"), ("1200", "1200")])
def test_the_editor_types_an_amount_as_german_writes_it(client, world, pages, typed, saved):
    """The amount was a number field: Chromium in German took "120,50" for 12050, which was saved."""
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(pk=world["editor"]))
    url = f"/admin/pages/add/offers/offerpage/{world['organisation']}/"
    form = client.get(url).content.decode()
    [field] = re.findall(r'<input[^>]*name="cost_amount"[^>]*>', form)
    assert 'type="text"' in field and 'inputmode="decimal"' in field
    data = offer_form_data(
        "publish", title="Kurs", slug="kurs", cost="fee", cost_amount=typed, cost_currency="EUR"
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    offer = OfferPage.objects.get(slug="kurs")
    assert offer.cost_amount == Decimal(saved)
    edit = client.get(f"/admin/pages/{offer.pk}/edit/").content.decode()
    [field] = re.findall(r'<input[^>]*name="cost_amount"[^>]*>', edit)
    assert f'value="{saved.replace(".", ",")}"' in field  # as German writes it
