"""Links in mails open the running portal: they start with WAGTAILADMIN_BASE_URL (which ``make run`` sets
to its own address), not with the page tree's placeholder host ``http://localhost/``."""

from __future__ import annotations

import pytest
from django.utils import translation
from wagtail.models import Site

from tests.site.account_request_data import make_request
from wegweiser.plugin_api.testing import body_of
from wegweiser.site.links import public_base_url

pytestmark = pytest.mark.django_db


def test_the_invitation_mail_links_to_the_configured_address(
    client, smtp_server, office_user, organisation_index, settings
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"
    account_request = make_request()
    client.force_login(office_user)

    with translation.override("de"):
        client.post(f"/admin/account-requests/{account_request.pk}/approve/")

    [invitation] = smtp_server.to("amina@frauencafe.example")
    body = body_of(invitation)
    assert "http://127.0.0.1:8000/de/konto/einladung/" in body
    assert "http://localhost" not in body


def test_another_towns_site_keeps_its_own_address(home, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000/"
    other_town = Site.objects.create(hostname="nachbarstadt.example", port=443, root_page=home)

    assert public_base_url() == "http://127.0.0.1:8000"
    assert public_base_url(Site.objects.get(is_default_site=True)) == "http://127.0.0.1:8000"
    assert public_base_url(other_town) == "https://nachbarstadt.example"
