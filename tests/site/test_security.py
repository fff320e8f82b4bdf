"""Smaller hardening findings of the security review, each written as the attack or the check a visitor makes."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.snippets.models import get_snippet_models

from wegweiser.plugin_api.testing import make_user
from wegweiser.search.models import SearchQueryLog
from wegweiser.site.models import StandardPage, Topic
from wegweiser.site.scheduling import run_jobs, scheduled_jobs
from wegweiser.site.setup import ensure_portal

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


def small_png(name: str) -> io.BytesIO:
    data = io.BytesIO()
    PILImage.new("RGB", (400, 300), "teal").save(data, "PNG")
    data.name = name
    data.seek(0)
    return data


def test_an_uploaded_image_and_its_thumbnails_have_names_nobody_can_guess(client, editor_a, organisation_a):
    """The web server serves renditions (``/media/images/``) to anyone; the admin makes one as soon as a
    partner sees an upload in the library. Named as uploaded, a partner's unpublished photo was at
    ``/media/images/ausweis.max-165x165.png`` for whoever guessed."""
    client.force_login(editor_a)
    client.cookies["django_language"] = "de"
    for _ in range(2):
        upload = {
            "title": "Ausweis",
            "file": small_png("ausweis.png"),
            "collection": organisation_a.collection.pk,
        }
        assert client.post(reverse("wagtailimages:add"), upload).status_code == 302
    assert client.get(reverse("wagtailimages:index")).status_code == 200  # the library makes the thumbnails

    images = list(get_image_model().objects.filter(title="Ausweis"))
    names = [image.file.name for image in images]
    assert len(set(names)) == 2 and all(
        re.fullmatch(r"original_images/[0-9a-f]{16}_ausweis\.png", n) for n in names
    )
    renditions = [rendition.file.name for image in images for rendition in image.renditions.all()]
    assert renditions, "the library showed a thumbnail of each"
    for name in renditions:
        assert re.fullmatch(r"images/[0-9a-f]{16}_ausweis\.[^/]+", name), name
        guessed = "images/" + name.split("_", 1)[1]
        assert not default_storage.exists(guessed)


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


def test_every_snippet_list_in_the_admin_can_be_searched(client, admin_user, home):
    Topic.objects.create(name="Sprache lernen", slug="sprache", locale=Locale.get_default())
    client.force_login(admin_user)
    for model in get_snippet_models():
        url = reverse(model.snippet_viewset.get_url_name("list"))
        response = client.get(url, {"q": "Sprache"})
        assert response.status_code == 200, url
    topics = client.get(reverse(Topic.snippet_viewset.get_url_name("list")), {"q": "sprach"})
    assert "Sprache lernen" in topics.content.decode()


def test_logged_searches_are_deleted_after_the_retention_period_by_the_daily_job(settings, home):
    settings.WEGWEISER_SEARCH_LOG_RETENTION_DAYS = 90
    fields = {"locale": "de", "result_count": 0, "backend": "database", "took_ms": 3}
    old = SearchQueryLog.objects.create(query_text="Asylberatung", **fields)
    recent = SearchQueryLog.objects.create(query_text="Deutschkurs", **fields)
    SearchQueryLog.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=91))
    SearchQueryLog.objects.filter(pk=recent.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=89)
    )
    assert "search.delete_old_search_logs" in scheduled_jobs()
    run_jobs(only=["search.delete_old_search_logs"])
    assert list(SearchQueryLog.objects.values_list("query_text", flat=True)) == ["Deutschkurs"]


def test_setup_portal_with_https_makes_page_links_https(db):
    call_command("setup_portal", "--hostname", "wegweiser.example", "--scheme", "https", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "https://wegweiser.example"
    assert site.root_page.specific.get_full_url().startswith("https://wegweiser.example/")


def test_the_site_takes_https_from_the_configured_base_url(db, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://integration.example"
    home = ensure_portal(hostname="integration.example")
    assert home.get_site().root_url == "https://integration.example"


@pytest.mark.parametrize(
    "url_name",
    [
        "events:organisation-feed",
        "events:event-feed",
        "events:register",
        "events:registration-sent",
        "volunteers:signup",
        "volunteers:signup_done",
    ],
)
def test_an_id_beyond_64_bits_is_not_found_rather_than_a_server_error(client, home, url_name):
    url = reverse(url_name, args=[2**64 + 1])
    assert client.get(url).status_code in (404, 405)  # the volunteers' sign-up takes POST only
    assert client.post(url, {"name": "x"}).status_code == 404


def test_a_calendar_month_beyond_any_date_is_not_found(client, home):
    url = reverse("events:month", args=[10**20, 1])
    assert client.get(url).status_code == 404


def test_a_document_no_live_page_uses_cannot_be_fetched_by_guessing_its_address(
    client, home, organisation_a, editor_a, editor_b, office_user, settings
):
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"  # the test storage keeps files in memory, not on disk
    document = get_document_model().objects.create(
        title="Entwurf",
        file=ContentFile(b"%PDF-1.4 interne Notizen", name="anmeldebogen.pdf"),
        collection=organisation_a.collection,
    )
    assert client.get(document.url).status_code == 404

    client.force_login(editor_b)  # another organisation's editor: its address guessed, not its to open
    assert client.get(document.url).status_code == 404
    for colleague in (editor_a, office_user):  # its organisation and the office still open it
        client.force_login(colleague)
        assert client.get(document.url).status_code == 302
    client.logout()

    page = home.add_child(instance=StandardPage(title="Formulare", slug="formulare", live=False))
    page.body = [("document", document)]
    page.save_revision()
    assert client.get(document.url).status_code == 404  # only in a draft: still private
    page.get_latest_revision().publish()
    assert client.get(document.url).status_code == 302


def test_a_document_only_a_private_page_uses_reaches_only_visitors_who_may_see_that_page(
    client, home, organisation_a, settings
):
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    document = get_document_model().objects.create(
        title="Protokoll",
        file=ContentFile(b"%PDF-1.4 Protokoll der Vorstandssitzung", name="protokoll.pdf"),
        collection=organisation_a.collection,
    )
    page = home.add_child(instance=StandardPage(title="Vorstand", slug="vorstand"))
    page.body = [("document", document)]
    page.save_revision().publish()
    assert client.get(document.url).status_code == 302  # on a public page: public
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(document.url).status_code == 404  # its address guessed by a visitor the page turns away
    client.force_login(make_user("mitglied"))  # an account of no organisation, as the page asks for
    assert client.get(page.url).status_code == 200
    assert client.get(document.url).status_code == 302  # whoever may see the page opens its document


@pytest.mark.parametrize("action", ["add", "edit", "copy"])
def test_a_hand_made_admin_post_without_the_forms_own_fields_is_refused_not_a_server_error(
    client, admin_user, home, action
):
    from wagtail.models import Page

    client.raise_request_exception = False
    client.force_login(admin_user)
    url = {
        "add": f"/admin/pages/add/core/standardpage/{home.pk}/",
        "edit": f"/admin/pages/{home.pk}/edit/",
        "copy": f"/admin/pages/{home.pk}/copy/",
    }[action]
    pages_before = Page.objects.count()
    title_before = Page.objects.get(pk=home.pk).title
    response = client.post(url, {"title": "Übernommen", "slug": "uebernommen"}, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 400
    assert "Das Formular ist unvollständig angekommen" in response.content.decode()
    assert Page.objects.count() == pages_before
    assert Page.objects.get(pk=home.pk).title == title_before
