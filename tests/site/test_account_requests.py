"""A new organisation requests an account; the integration office approves or rejects it.

The mails go through a real SMTP server on loopback; links are followed from the delivered mails.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry, Page

from tests.offers.admin_forms import offer_form_data
from tests.site.account_request_data import make_request
from wegweiser.offers.models import OfferPage
from wegweiser.plugin_api.testing import body_of, free_port, link_path, make_user
from wegweiser.site.accounts.invitations import invitation_tokens
from wegweiser.site.models import AccountRequest, PortalSettings
from wegweiser.site.organisations import OrganisationKind

FORM_URL = "/de/konto/zugang-beantragen/"
PASSWORD = "Sprachcafé am Mittwoch 2027!"


# -- a real SMTP server (wegweiser.plugin_api.testing) ---------------------------------------------


@pytest.fixture
def smtp(smtp_server):
    return smtp_server


@pytest.fixture(autouse=True)
def clean_state():
    cache.clear()
    with translation.override("de"):
        yield
    cache.clear()


# -- helpers ------------------------------------------------------------------------------------------


def request_data(**overrides) -> dict:
    data = {
        "organisation_name": "Frauencafé Nordstadt e. V.",
        "kind": "association",
        "website": "https://frauencafe.example",
        "address": "Lindenstraße 4, Nordstadt",
        "contact_name": "Amina Yilmaz",
        "email": "amina@frauencafe.example",
        "phone": "0171 2345678",
        "offer_description": "Deutschkurs für Frauen mit Kinderbetreuung, Beratung auf Arabisch und Türkisch.",
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def html(response) -> str:
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def open_request(organisation_index):
    return make_request()


# -- the public form ----------------------------------------------------------------------------------


def test_request_form_is_german_by_default_accessible_and_sets_no_cookie(client, home):
    response = client.get(FORM_URL)
    assert response.status_code == 200
    page = html(response)
    assert '<html lang="de"' in page
    assert not response.cookies, "an anonymous visitor gets no cookie, not even a CSRF one"
    for name in ("organisation_name", "contact_name", "email", "offer_description", "consent"):
        assert f'<label for="id_{name}"' in page
    assert "<legend>" in page, "the kind of organisation is a radio group with a legend"
    assert 'aria-describedby="id_email_help"' in page
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("language", ["en", "ar", "uk"])
def test_request_form_is_offered_in_every_portal_language(client, home, language):
    response = client.get(f"/{language}/konto/zugang-beantragen/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html(response)


def test_organisations_overview_links_to_the_request_form(client, organisation_index):
    response = client.get(organisation_index.url)
    assert f'href="{FORM_URL}"' in html(response)


# -- the whole way: request, review, invitation, first login --------------------------------------------


def test_new_organisation_requests_account_office_approves_editor_adds_offer_only_in_own_organisation(
    client, smtp, organisation_index, organisation_a, office_user
):
    response = client.post(FORM_URL, request_data())
    assert response.status_code == 302
    account_request = AccountRequest.objects.get()
    assert account_request.status == AccountRequest.Status.NEW
    assert account_request.language == "de"
    assert account_request.consent_version and "Integrationsbüro" in account_request.consent_text
    assert len(smtp.to("amina@frauencafe.example")) == 1, "the requester gets a confirmation"
    office_mail = smtp.to(office_user.email)
    assert len(office_mail) == 1, "the office is notified"
    assert "amina@frauencafe.example" not in body_of(office_mail[0]), "no contact details in the office mail"

    client.force_login(office_user)
    listing = client.get("/admin/account-requests/")
    assert listing.status_code == 200
    assert "Frauencafé Nordstadt e. V." in html(listing)
    detail_path = link_path(office_mail[0], "/admin/account-requests/")
    assert client.get(detail_path).status_code == 200

    response = client.post(f"/admin/account-requests/{account_request.pk}/approve/", follow=True)
    assert response.status_code == 200
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.APPROVED
    assert account_request.decided_by == office_user and account_request.decided_at
    assert ModelLogEntry.objects.filter(action="core.approve_account_request", user=office_user).exists()
    organisation = account_request.organisation
    assert organisation.get_parent().pk == organisation_index.pk
    assert organisation.live and organisation.kind == OrganisationKind.ASSOCIATION
    assert organisation.website == "https://frauencafe.example"
    editor = get_user_model().objects.get(email="amina@frauencafe.example")
    assert not editor.has_usable_password() and not editor.is_active
    assert list(editor.groups.all()) == [organisation.editors_group]

    invitation = smtp.to("amina@frauencafe.example")[-1]
    set_password_path = link_path(invitation, "/konto/einladung/")
    assert set_password_path.startswith("/de/")
    client.logout()
    assert client.get(set_password_path).status_code == 200
    response = client.post(set_password_path, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 200
    editor.refresh_from_db()
    assert editor.is_active and editor.check_password(PASSWORD)

    response = client.post("/admin/login/", {"username": "amina@frauencafe.example", "password": PASSWORD})
    assert response.status_code == 302
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    # The dashboard tells the new partner what to do: their organisation, no entries yet, a button per type.
    assert "Ihre Organisation: Frauencafé Nordstadt e. V." in html(dashboard)
    assert "Ihre Organisation hat noch keine Einträge." in html(dashboard)
    add_offer = f"/admin/pages/add/offers/offerpage/{organisation.pk}/"
    assert add_offer in html(dashboard)
    response = client.post(
        add_offer, {**offer_form_data(title="Frauenkurs", slug="kurs"), "action-submit": "1"}
    )
    assert response.status_code == 302
    offer = OfferPage.objects.get(slug="kurs")
    assert offer.get_parent().pk == organisation.pk and not offer.live, "submitted for review, not published"

    # The office sees it waiting for review on its dashboard, linked to the editor.
    office = Client()
    office.force_login(office_user)
    office_dashboard = html(office.get("/admin/"))
    assert f'href="/admin/pages/{offer.pk}/edit/"' in office_dashboard
    assert "Frauenkurs" in office_dashboard

    before = OfferPage.objects.count()
    response = client.post(
        f"/admin/pages/add/offers/offerpage/{organisation_a.pk}/",
        offer_form_data(title="Fremd", slug="fremd"),
    )
    assert response.status_code in (302, 403) and OfferPage.objects.count() == before
    assert "Verein A" not in html(client.get(f"/admin/pages/{organisation_index.pk}/"))
    assert client.get(f"/admin/pages/{organisation_a.pk}/edit/").status_code in (302, 403)
    denied = client.get("/admin/account-requests/")
    assert (denied.status_code, denied.get("Location")) in {(403, None), (302, "/admin/")}


def test_invitation_link_works_only_once(client, smtp, open_request, office_user):
    client.force_login(office_user)
    client.post(f"/admin/account-requests/{open_request.pk}/approve/")
    path = link_path(smtp.to(open_request.email)[-1], "/konto/einladung/")
    client.logout()
    client.post(path, {"new_password1": PASSWORD, "new_password2": PASSWORD})

    for method in (client.get, client.post):
        response = method(path, {"new_password1": "Übernommen 12345!", "new_password2": "Übernommen 12345!"})
        assert response.status_code == 404
        assert gettext("This link is no longer valid") in html(response)
    assert get_user_model().objects.get(email=open_request.email).check_password(PASSWORD)


def test_expired_invitation_link_is_refused_and_the_office_can_send_a_new_one(
    client, smtp, open_request, office_user, settings
):
    client.force_login(office_user)
    client.post(f"/admin/account-requests/{open_request.pk}/approve/")
    user = get_user_model().objects.get(email=open_request.email)
    fifteen_days_ago = invitation_tokens._num_seconds(invitation_tokens._now()) - 15 * 86400
    old_token = invitation_tokens._make_token_with_timestamp(user, fifteen_days_ago, invitation_tokens.secret)
    path = f"/de/konto/einladung/{urlsafe_base64_encode(force_bytes(user.pk))}/{old_token}/"
    client.logout()
    response = client.post(path, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 404 and gettext("This link is no longer valid") in html(response)
    user.refresh_from_db()
    assert not user.has_usable_password() and not user.is_active

    client.force_login(office_user)
    response = client.post(f"/admin/account-requests/{open_request.pk}/resend/", follow=True)
    assert gettext("The invitation has been sent again.") in messages_of(response)
    fresh = link_path(smtp.to(open_request.email)[-1], "/konto/einladung/")
    client.logout()
    assert client.post(fresh, {"new_password1": PASSWORD, "new_password2": PASSWORD}).status_code == 200
    user.refresh_from_db()
    assert user.is_active


def test_the_office_withdraws_an_invitation_that_went_to_a_wrong_address(
    client, smtp, open_request, office_user
):
    """The office saw a typo after approving: the link in that mail must stop working, and only the office
    may stop it."""
    client.force_login(office_user)
    client.post(f"/admin/account-requests/{open_request.pk}/approve/")
    path = link_path(smtp.to(open_request.email)[-1], "/konto/einladung/")
    detail = html(client.get(f"/admin/account-requests/{open_request.pk}/"))
    assert "Einladung zurückziehen" in detail

    intruder = Client()
    intruder.force_login(make_user("fremd"))
    denied = intruder.post(f"/admin/account-requests/{open_request.pk}/withdraw/")
    assert denied.status_code in (302, 403)
    assert Client().get(path).status_code == 200

    response = client.post(f"/admin/account-requests/{open_request.pk}/withdraw/", follow=True)
    assert (
        "Die Einladung wurde zurückgezogen: Die bisher versandten Links funktionieren nicht mehr."
        in messages_of(response)
    )
    assert ModelLogEntry.objects.filter(action="core.withdraw_invitation").count() == 1
    client.logout()
    response = client.post(path, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 404 and "Dieser Link ist nicht mehr gültig" in html(response)
    user = get_user_model().objects.get(email=open_request.email)
    assert not user.has_usable_password() and not user.is_active

    client.force_login(office_user)
    client.post(f"/admin/account-requests/{open_request.pk}/resend/")
    fresh = link_path(smtp.to(open_request.email)[-1], "/konto/einladung/")
    client.logout()
    assert client.post(fresh, {"new_password1": PASSWORD, "new_password2": PASSWORD}).status_code == 200
    client.force_login(office_user)
    response = client.post(f"/admin/account-requests/{open_request.pk}/withdraw/", follow=True)
    assert "Das Konto ist bereits aktiviert; es gibt keine Einladung zurückzuziehen." in messages_of(response)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_mismatched_passwords_are_refused_and_the_account_stays_locked(
    client, smtp, open_request, office_user
):
    client.force_login(office_user)
    client.post(f"/admin/account-requests/{open_request.pk}/approve/")
    path = link_path(smtp.to(open_request.email)[-1], "/konto/einladung/")
    client.logout()
    response = client.post(path, {"new_password1": PASSWORD, "new_password2": "etwas anderes 123"})
    assert response.status_code == 400
    assert re.search(r'aria-describedby="[^"]*id_new_password2_error"', html(response))
    user = get_user_model().objects.get(email=open_request.email)
    assert not user.is_active and not user.has_usable_password()


# -- bad input -----------------------------------------------------------------------------------------


def test_an_empty_name_is_named_in_the_visitor_s_language(client, smtp, home):
    """ "هذا الحقل مطلوب" ("This field is required"), Django's own, for either name: which one was meant only
    the field's place told."""
    response = client.post(
        FORM_URL.replace("/de/", "/ar/", 1), request_data(organisation_name="", contact_name="")
    )
    page = html(response)
    assert "يرجى إدخال اسم منظمتكم." in page and "يرجى إدخال اسمكم." in page
    assert "هذا الحقل مطلوب" not in page


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"organisation_name": ""}, "organisation_name"),
        ({"kind": None}, "kind"),
        ({"kind": "secret-society"}, "kind"),
        ({"contact_name": ""}, "contact_name"),
        ({"email": ""}, "email"),
        ({"email": "amina-at-frauencafe"}, "email"),
        ({"offer_description": ""}, "offer_description"),
        ({"offer_description": "<script>alert(1)</script>"}, "offer_description"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"phone": "call me maybe"}, "phone"),
        ({"consent": None}, "consent"),
    ],
)
def test_bad_input_changes_nothing_and_says_what_is_wrong(client, smtp, home, overrides, field):
    response = client.post(FORM_URL, request_data(**overrides))
    assert response.status_code == 400
    page = html(response)
    assert 'id="form-errors"' in page, "an error summary at the top"
    error_id = f"id_{field}_error"
    assert f'id="{error_id}"' in page
    if field != "kind":
        assert re.search(rf'id="id_{field}"[^>]*aria-describedby="[^"]*{error_id}', page) or re.search(
            rf'aria-describedby="[^"]*{error_id}[^"]*"[^>]*id="id_{field}"', page
        )
    assert AccountRequest.objects.count() == 0
    assert smtp.messages == []


def test_a_second_request_gets_the_same_answer_and_stores_nothing(client, smtp, home, open_request):
    """The form does not tell a stranger whether an address has already applied."""
    unknown = client.post(FORM_URL, request_data(email="nobody@example.org"))
    known = client.post(FORM_URL, request_data(email=open_request.email.upper()))
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert AccountRequest.objects.filter(email__iexact=open_request.email).count() == 1
    assert not smtp.to(open_request.email)


def test_honeypot_stores_nothing_and_sends_nothing(client, smtp, home):
    response = client.post(FORM_URL, request_data(homepage="http://spam.example"))
    assert response.status_code == 302
    assert AccountRequest.objects.count() == 0
    assert smtp.messages == []


def test_rate_limit_per_address(client, smtp, home, settings):
    settings.WEGWEISER_PUBLIC_FORM_LIMITS = {"account-request": 2}
    for _send in range(2):
        assert client.post(FORM_URL, request_data(email="person@example.org")).status_code == 302
    stored = AccountRequest.objects.count()
    response = client.post(FORM_URL, request_data(email="person@example.org"))
    assert response.status_code == 429
    assert gettext(
        "This form has been sent too often in the last hour. Please try again in an hour."
    ) in html(response)
    assert AccountRequest.objects.count() == stored
    other = client.post(FORM_URL, request_data(email="other@example.org"))
    assert other.status_code == 302, "another organisation on the same connection is not blocked"


def test_request_is_kept_when_the_mail_server_is_down(client, home, settings):
    settings.WEGWEISER_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    response = client.post(FORM_URL, request_data())
    assert response.status_code == 302
    assert AccountRequest.objects.count() == 1


# -- who may review ------------------------------------------------------------------------------------

OFFICE_URLS = [
    ("get", "/admin/account-requests/"),
    ("get", "/admin/account-requests/{pk}/"),
    ("post", "/admin/account-requests/{pk}/approve/"),
    ("post", "/admin/account-requests/{pk}/reject/"),
    ("post", "/admin/account-requests/{pk}/resend/"),
    ("post", "/admin/account-requests/{pk}/withdraw/"),
    ("post", "/admin/account-requests/{pk}/delete/"),
]


@pytest.mark.parametrize(("method", "url"), OFFICE_URLS)
@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_only_the_office_reaches_account_requests(client, smtp, open_request, editor_a, role, method, url):
    if role == "editor":
        client.force_login(editor_a)
    pages_before = Page.objects.count()
    response = getattr(client, method)(url.format(pk=open_request.pk), {"reason": "Nein."})
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    else:
        assert (response.status_code, response.get("Location")) in {(403, None), (302, "/admin/")}
        assert "Frauencafé" not in html(response)
    open_request.refresh_from_db()
    assert open_request.status == AccountRequest.Status.NEW and open_request.decided_at is None
    assert Page.objects.count() == pages_before
    assert smtp.messages == []


def test_menu_item_is_shown_to_the_office_and_superusers_only(
    client, open_request, editor_a, office_user, admin_user
):
    client.force_login(editor_a)
    assert "/admin/account-requests/" not in html(client.get("/admin/"))
    for user in (office_user, admin_user):
        client.force_login(user)
        assert "/admin/account-requests/" in html(client.get("/admin/"))
        assert client.get("/admin/account-requests/").status_code == 200


def test_office_list_needs_the_same_queries_for_few_and_many_requests(
    client, organisation_index, office_user, django_assert_max_num_queries
):
    client.force_login(office_user)
    for number in range(3):
        make_request(email=f"few{number}@example.org")
    client.get("/admin/account-requests/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/admin/account-requests/?status=all")
    for number in range(30):
        make_request(email=f"many{number}@example.org", status=AccountRequest.Status.REJECTED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/admin/account-requests/?status=all")
    assert html(response).count("/admin/account-requests/") >= 33


# -- decisions -----------------------------------------------------------------------------------------


def test_approving_twice_is_refused_with_a_clear_message(client, smtp, open_request, office_user):
    client.force_login(office_user)
    client.post(f"/admin/account-requests/{open_request.pk}/approve/")
    pages, users, mails = Page.objects.count(), get_user_model().objects.count(), len(smtp.messages)
    response = client.post(f"/admin/account-requests/{open_request.pk}/approve/", follow=True)
    assert gettext("This request has already been approved.") in messages_of(response)
    assert (Page.objects.count(), get_user_model().objects.count(), len(smtp.messages)) == (
        pages,
        users,
        mails,
    )


def test_rejection_is_mailed_with_its_reason_and_cannot_be_approved_afterwards(
    client, smtp, organisation_index, office_user
):
    client.post("/en/konto/zugang-beantragen/", request_data())
    account_request = AccountRequest.objects.get()
    assert account_request.language == "en"
    client.force_login(office_user)

    response = client.post(f"/admin/account-requests/{account_request.pk}/reject/", {"reason": ""})
    assert response.status_code == 400
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.NEW

    reason = "Wir nehmen nur Organisationen aus dem Landkreis auf."
    client.post(f"/admin/account-requests/{account_request.pk}/reject/", {"reason": reason})
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.REJECTED
    assert account_request.rejection_reason == reason and account_request.decided_by == office_user
    assert ModelLogEntry.objects.filter(action="core.reject_account_request", user=office_user).exists()
    rejection = smtp.to(account_request.email)[-1]
    assert reason in body_of(rejection)
    assert rejection["Subject"].strip().startswith("Your request for an account")

    pages = Page.objects.count()
    response = client.post(f"/admin/account-requests/{account_request.pk}/approve/", follow=True)
    assert gettext("This request has been rejected and cannot be approved or rejected again.") in messages_of(
        response
    )
    assert Page.objects.count() == pages
    assert not get_user_model().objects.filter(email=account_request.email).exists()


def test_a_rejection_says_whom_to_ask_and_the_invitation_counts_its_days_in_arabic(
    client, smtp, organisation_index, office_user, settings
):
    """The rejection said "please contact the integration office" and named no address; the invitation said
    "14 يومًا" for seven days too ("7 أيام")."""
    office = PortalSettings.for_site(organisation_index.get_site())
    office.office_name, office.office_email = "Integrationsbüro Teststadt", "integration@teststadt.example"
    office.save()
    settings.WEGWEISER_INVITATION_DAYS = 7
    rejected, approved = (
        make_request(language="ar"),
        make_request(language="ar", organisation_name="Elterncafé e. V.", email="lina@elterncafe.example"),
    )
    client.force_login(office_user)
    client.post(f"/admin/account-requests/{rejected.pk}/reject/", {"reason": "Nicht im Landkreis."})
    client.post(f"/admin/account-requests/{approved.pk}/approve/")

    rejection = body_of(smtp.to(rejected.email)[-1])
    assert rejection.rstrip().endswith("-- \r\nIntegrationsbüro Teststadt\r\nintegration@teststadt.example")
    assert "صالح لمدة 7 أيام:" in body_of(smtp.to(approved.email)[-1])


def test_the_arabic_invitation_keeps_the_organisation_s_name_whole(
    client, smtp, organisation_index, office_user
):
    """In an Arabic subject and sentence "Elterncafé e. V." read ".Elterncafé e. V": the name is isolated, and
    so is the contact's in the greeting ("Lina Haddad (Vorstand)" lost its bracket to the Arabic comma)."""
    approved = make_request(
        language="ar",
        organisation_name="Elterncafé e. V.",
        contact_name="Lina Haddad (Vorstand)",
        email="lina@elterncafe.example",
    )
    client.force_login(office_user)
    client.post(f"/admin/account-requests/{approved.pk}/approve/")
    [invitation] = smtp.to(approved.email)[-1:]
    assert str(invitation["Subject"]).strip() == "حسابكم لمنظمة \u2068Elterncafé e. V.\u2069"
    assert "«\u2068Elterncafé e. V.\u2069»" in body_of(invitation)
    assert body_of(invitation).startswith("مرحبًا \u2068Lina Haddad (Vorstand)\u2069،")


def test_a_name_that_already_exists_is_not_approved(client, smtp, organisation_a, office_user):
    account_request = make_request(organisation_name="Verein A")
    client.force_login(office_user)
    response = client.post(f"/admin/account-requests/{account_request.pk}/approve/", follow=True)
    assert any("„Verein A“ gibt es schon" in message for message in messages_of(response))
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.NEW
    assert smtp.messages == []


def test_the_new_organisation_s_address_spells_its_name_as_the_page_editor_would(
    client, smtp, organisation_index, office_user
):
    """An "ß" becomes "ss" (not a dropped letter), as when the office types the title in the page editor; a name
    without Latin letters gets a readable address all the same."""
    german = make_request(organisation_name="Straßenfußball Neustadt e. V.", email="ball@example.org")
    arabic = make_request(organisation_name="جمعية الجالية", email="jamia@example.org")
    client.force_login(office_user)
    for account_request in (german, arabic):
        client.post(f"/admin/account-requests/{account_request.pk}/approve/")
        account_request.refresh_from_db()
    assert german.organisation.slug == "strassenfussball-neustadt-e-v"
    assert german.organisation.url.endswith("/strassenfussball-neustadt-e-v/")
    assert arabic.organisation.slug == "organisation"
    assert client.get(arabic.organisation.url).status_code == 200


@pytest.mark.parametrize(
    ("kind", "label"),
    [("welfare", "Wohlfahrtsverband"), ("religious", "Religionsgemeinschaft"), ("authority", "Behörde")],
)
def test_the_kind_the_organisation_chose_is_the_kind_its_page_gets(
    client, smtp, organisation_index, office_user, kind, label
):
    """The form offers the kinds an organisation page has, so a welfare association, a mosque community or the
    Jobcenter says what it is, and approving keeps it (no mapping to a coarser list in between)."""
    form = html(client.get(FORM_URL))
    assert f'value="{kind}"' in form and label in form
    client.post(FORM_URL, request_data(kind=kind))
    account_request = AccountRequest.objects.get()
    assert account_request.kind == kind
    client.force_login(office_user)
    client.post(f"/admin/account-requests/{account_request.pk}/approve/")
    account_request.refresh_from_db()
    assert account_request.organisation.kind == kind


def test_a_kind_not_in_the_list_is_refused_in_the_visitor_s_language(client, smtp, home):
    response = client.post("/ar/konto/zugang-beantragen/", request_data(kind="ngo"))
    assert response.status_code == 400
    assert "انتق خياراً صحيحاً" in html(response)
    assert not AccountRequest.objects.exists() and smtp.messages == []


def test_requests_stored_with_the_form_s_former_kinds_get_the_page_s_kinds(organisation_index):
    """Migration 0016: "ngo" and "public_body" were the form's own kinds; an open request keeps its meaning."""
    migration = import_module("wegweiser.site.migrations.0016_organisation_kind_one_list")
    ngo, public_body, welfare = (
        make_request(),
        make_request(),
        make_request(kind=OrganisationKind.WELFARE_ASSOCIATION),
    )
    AccountRequest.objects.filter(pk=ngo.pk).update(kind="ngo")
    AccountRequest.objects.filter(pk=public_body.pk).update(kind="public_body")
    migration.forwards(apps, None)
    kinds = dict(AccountRequest.objects.values_list("pk", "kind"))
    assert kinds == {ngo.pk: "association", public_body.pk: "authority", welfare.pk: "welfare"}


def test_a_request_is_in_the_copy_of_its_contact_s_data_and_goes_with_its_deletion(client, smtp, home):
    """The contact person's name, address and phone are personal data: "copy or delete my data" finds them."""
    client.post(FORM_URL, request_data())
    other = make_request(email="someone@else.example", organisation_name="Anderer Verein")

    def confirm(action):
        client.post(reverse("data_requests:request"), {"email": "Amina@Frauencafe.example", "action": action})
        client.post(link_path(smtp.to("Amina@Frauencafe.example")[-1], "/meine-daten/"))

    confirm("export")
    [attachment] = list(smtp.to("Amina@Frauencafe.example")[-1].iter_attachments())
    [request] = json.loads(attachment.get_content())["account_requests"]
    assert (request["organisation"], request["contact_name"], request["phone"]) == (
        "Frauencafé Nordstadt e. V.",
        "Amina Yilmaz",
        "0171 2345678",
    )
    confirm("delete")
    assert list(AccountRequest.objects.values_list("pk", flat=True)) == [other.pk]


def test_existing_account_gets_access_to_the_new_organisation_without_a_new_password(
    client, smtp, open_request, office_user
):
    existing = make_user("amina")
    existing.email = open_request.email
    existing.save()
    client.force_login(office_user)
    client.post(f"/admin/account-requests/{open_request.pk}/approve/")
    open_request.refresh_from_db()
    assert open_request.organisation.editors_group in existing.groups.all()
    assert existing.check_password("correct horse battery")
    assert "/konto/einladung/" not in body_of(smtp.to(open_request.email)[-1])


# -- personal data -------------------------------------------------------------------------------------


def test_office_deletes_a_request(client, open_request, office_user):
    client.force_login(office_user)
    response = client.post(f"/admin/account-requests/{open_request.pk}/delete/")
    assert response.status_code == 302
    assert not AccountRequest.objects.exists()


def test_old_rejected_requests_are_deleted_automatically(organisation_index, settings):
    settings.WEGWEISER_REJECTED_ACCOUNT_REQUEST_RETENTION_DAYS = 30
    now = timezone.now()
    make_request(email="old@example.org", status="rejected", decided_at=now - timedelta(days=31))
    make_request(email="recent@example.org", status="rejected", decided_at=now - timedelta(days=29))
    make_request(email="approved@example.org", status="approved", decided_at=now - timedelta(days=400))
    make_request(email="open@example.org")
    call_command(
        "run_scheduled_jobs", "--force", "core.delete_old_account_requests", stdout=open("/dev/null", "w")
    )
    assert set(AccountRequest.objects.values_list("email", flat=True)) == {
        "recent@example.org",
        "approved@example.org",
        "open@example.org",
    }


def test_the_office_pages_through_many_account_requests_keeping_the_chosen_status(
    client, organisation_index, office_user
):
    """Fifty requests to a page, paged as Wagtail's own lists are; the next page keeps "all"."""
    for number in range(52):
        make_request(organisation_name=f"Anfrageverein {number:02}", email=f"anfrage{number}@example.org")
    client.force_login(office_user)
    first = client.get("/admin/account-requests/", {"status": "all"}).content.decode()
    assert "Seite 1 von 2" in first
    assert "?status=all&amp;p=2" in first
    second = client.get("/admin/account-requests/", {"status": "all", "p": "2"}).content.decode()
    assert "Seite 2 von 2" in second
    assert second.count("Anfrageverein ") == 2


def test_the_office_reads_the_request_s_language_by_its_name(client, office_user, home):
    """The request's page said "Sprache der Anfrage: ar"."""
    request = make_request(language="ar")
    client.force_login(office_user)

    html = client.get(f"/admin/account-requests/{request.pk}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert "<dt>Sprache der Anfrage</dt><dd>Arabisch</dd>" in html
