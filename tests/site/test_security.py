"""Smaller hardening findings of the security review, each written as the attack or the check a visitor makes."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def huge_png(width: int = 11000, height: int = 11000) -> io.BytesIO:
    """A few hundred kilobytes on disk, gigabytes once decoded."""
    data = io.BytesIO()
    PILImage.new("1", (width, height)).save(data, "PNG")
    data.name = "riesig.png"
    data.seek(0)
    return data


def test_an_image_with_huge_dimensions_is_refused_and_the_limit_is_said_beforehand(client, admin_user):
    client.force_login(admin_user)
    form = client.get(reverse("wagtailimages:add"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Höchstens 25 Megapixel" in form

    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Riesig", "file": huge_png(), "collection": 1},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 200
    assert "zu viele Pixel" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_public_pages_allow_only_the_portals_own_origin(client, home):
    response = client.get("/de/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self';" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=(self)" in response["Permissions-Policy"]  # the finder's "near me"


def test_admin_pages_get_a_policy_that_still_lets_wagtail_work(client, admin_user):
    client.force_login(admin_user)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_login")):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self' 'unsafe-inline'" in policy and "img-src 'self' data: blob:" in policy
        assert "microphone=()" in response["Permissions-Policy"]


def test_json_answers_carry_no_html_policy(client, home):
    response = client.get("/healthz")
    assert "Content-Security-Policy" not in response
