"""A page the office made private (Wagtail's "Privacy": a password, or logged-in users only) asks for the
password or a login on a page of the portal, in the visitor's language, and then shows the page."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from wegweiser.site.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_page(home):
    page = home.add_child(
        instance=StandardPage(title="Protokolle des Netzwerks", slug="protokolle", intro="Nur intern.")
    )
    return page


def test_a_page_with_a_password_opens_after_the_password_is_given(client, private_page):
    PageViewRestriction.objects.create(
        page=private_page, restriction_type=PageViewRestriction.PASSWORD, password="Netzwerk-2026"
    )
    asked = client.get(private_page.url)
    html = asked.content.decode()
    assert asked.status_code == 200
    assert "Passwort erforderlich" in html and 'class="site-header' in html, "the portal's page, in German"
    assert "Nur intern." not in html
    action = asked.context["action_url"]

    wrong = client.post(action, {"password": "falsch", "return_url": private_page.url})
    assert wrong.status_code == 200 and "Nur intern." not in wrong.content.decode()

    right = client.post(action, {"password": "Netzwerk-2026", "return_url": private_page.url})
    assert right.status_code == 302 and right["Location"] == private_page.url
    assert "Nur intern." in client.get(private_page.url).content.decode()


def test_a_page_for_logged_in_users_leads_to_a_login_and_back(client, private_page):
    PageViewRestriction.objects.create(page=private_page, restriction_type=PageViewRestriction.LOGIN)
    get_user_model().objects.create_user("partnerin@example.org", "partnerin@example.org", "Geheim-2026-pass")

    to_login = client.get(private_page.url)
    assert to_login.status_code == 302
    login = client.get(to_login["Location"])
    assert login.status_code == 200
    html = login.content.decode()
    assert "Anmelden" in html and 'class="site-header' in html

    back = client.post(
        to_login["Location"], {"username": "partnerin@example.org", "password": "Geheim-2026-pass"}
    )
    assert back.status_code == 302 and back["Location"] == private_page.url
    assert "Nur intern." in client.get(private_page.url).content.decode()


def test_the_login_of_a_private_page_speaks_the_visitor_s_language(client, home):
    html = client.get("/ar/_util/login/", {"next": "/ar/"}).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>تسجيل الدخول</h1>" in html
