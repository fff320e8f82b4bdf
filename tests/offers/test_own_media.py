"""A partner's page takes only images and documents the partner may choose, whatever ids a hand-made
request sends: another organisation's unpublished file never reaches a partner's page (and so the public)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, get_page_models
from wagtail.test.utils.form_data import rich_text, streamfield

from tests.offers.admin_forms import offer_form_data
from wegweiser.offers.factories import OfferPageFactory
from wegweiser.offers.models import OfferPage
from wegweiser.site.page_forms import ChoosableMediaFormMixin

REFUSED = "Wählen Sie eines aus den Bildern und Dokumenten Ihrer Organisation."


@pytest.fixture
def media_of_b(organisation_b):
    return {
        "image": Image.objects.create(
            title="Entwurf B", file=get_test_image_file(), collection=organisation_b.collection
        ),
        "document": Document.objects.create(
            title="Protokoll B",
            file=ContentFile(b"%PDF-1.4 intern", name="protokoll-b.pdf"),
            collection=organisation_b.collection,
        ),
    }


def body_with(kind: str, item) -> dict:
    if kind == "image":
        return streamfield([("image", {"image": item.pk, "decorative": True, "alt_text": ""})])
    if kind == "document":
        return streamfield([("document", item.pk)])
    link = f'<p><a linktype="document" id="{item.pk}">Protokoll</a></p>'
    return streamfield([("paragraph", rich_text(link))])


@pytest.mark.parametrize("kind", ["image", "document", "document link"])
def test_a_partner_cannot_put_another_organisation_s_file_on_its_offer(
    client, organisation_a, editor_a, media_of_b, kind
):
    item = media_of_b["image" if kind == "image" else "document"]
    offer = OfferPageFactory(parent=organisation_a, title="Sprachcafé", slug="sprachcafe")
    revisions = offer.revisions.count()
    client.force_login(editor_a)
    client.cookies["django_language"] = "de"

    edited = client.post(
        f"/admin/pages/{offer.pk}/edit/", offer_form_data(slug="sprachcafe", body=body_with(kind, item))
    )
    added = client.post(
        f"/admin/pages/add/offers/offerpage/{organisation_a.pk}/",
        offer_form_data(title="Neu", slug="neu", body=body_with(kind, item)),
    )
    preview = client.post(
        f"/admin/pages/{offer.pk}/edit/preview/",
        offer_form_data(slug="sprachcafe", body=body_with(kind, item)),
    )

    assert edited.status_code == 200 and REFUSED in edited.content.decode()
    assert added.status_code == 200 and REFUSED in added.content.decode()
    assert preview.json()["is_valid"] is False
    assert offer.revisions.count() == revisions and not OfferPage.objects.filter(slug="neu").exists()


def test_a_partner_uses_its_own_files_and_keeps_one_the_office_put_on_its_page(
    client, organisation_a, editor_a, media_of_b
):
    own = Document.objects.create(
        title="Flyer A",
        file=ContentFile(b"%PDF-1.4 Flyer", name="flyer-a.pdf"),
        collection=organisation_a.collection,
    )
    offer = OfferPageFactory(parent=organisation_a, title="Sprachcafé", slug="sprachcafe")
    offer.body = [("document", media_of_b["document"])]  # chosen by the office (or before a move)
    offer.save_revision()
    client.force_login(editor_a)
    body = streamfield([("document", media_of_b["document"].pk), ("document", own.pk)])
    response = client.post(f"/admin/pages/{offer.pk}/edit/", offer_form_data(slug="sprachcafe", body=body))
    assert response.status_code == 302
    saved = OfferPage.objects.get(pk=offer.pk).get_latest_revision_as_object()
    assert [block.value.pk for block in saved.body] == [media_of_b["document"].pk, own.pk]


def test_every_page_type_s_editor_checks_the_files_it_takes():
    for model in get_page_models():
        if model is not Page:
            assert issubclass(model.base_form_class, ChoosableMediaFormMixin), model


def _png() -> SimpleUploadedFile:
    return SimpleUploadedFile("plakat.png", get_test_image_file().file.getvalue(), content_type="image/png")


def test_the_office_chooses_and_uploads_images_and_documents_of_every_organisation(
    client, office_user, editor_a, media_of_b
):
    """The office's group had the rights on the model only, which Wagtail's collection-based choosers ignore:
    its chooser was empty and the image library sent it back to the dashboard."""
    client.force_login(office_user)
    client.cookies["django_language"] = "de"
    assert "Entwurf B" in client.get("/admin/images/chooser/").content.decode()
    assert "Protokoll B" in client.get("/admin/documents/chooser/").content.decode()
    assert client.get("/admin/images/").status_code == 200
    assert client.get(f"/admin/images/{media_of_b['image'].pk}/").status_code == 200

    root = Collection.get_first_root_node()
    upload = {"title": "Plakat Integrationsbüro", "file": _png(), "collection": root.pk}
    added = client.post("/admin/images/add/", upload)
    assert added.status_code == 302 and Image.objects.filter(title="Plakat Integrationsbüro").exists()

    client.force_login(editor_a)  # a partner still sees none of another organisation's
    assert "Entwurf B" not in client.get("/admin/images/chooser/").content.decode()


REFUSED_PAGE = "Wählen Sie eine veröffentlichte Seite oder eine Ihrer Organisation."


@pytest.fixture
def pages_of_b(organisation_b):
    draft = OfferPageFactory(parent=organisation_b, title="Entwurf-Geheim", slug="entwurf-geheim", live=False)
    renamed = OfferPageFactory(parent=organisation_b, title="Beratung B", slug="beratung-b")
    renamed.title = "Neu-Geheim"  # B's new title, not published yet
    renamed.save_revision()
    return {"draft": draft, "renamed": renamed}


def linking(kind: str, page) -> dict:
    if kind == "link block":  # a list block's items: count, then each item's type, value, order and deletion
        item = {"type": "item", "value": {"title": "Mehr", "page": page.pk, "url": "", "description": ""}}
        return streamfield([("links", {"count": 1, "0": {**item, "deleted": "", "order": 0}})])
    return streamfield([("paragraph", rich_text(f'<p><a linktype="page" id="{page.pk}">Mehr</a></p>'))])


@pytest.mark.parametrize("which", ["draft", "renamed"])
@pytest.mark.parametrize("kind", ["link block", "rich-text link"])
def test_a_partner_cannot_link_another_organisation_s_unpublished_page_nor_learn_its_title(
    client, organisation_a, editor_a, pages_of_b, kind, which
):
    """A page form sent by hand with another organisation's page id came back (invalid, say without a title)
    showing that page's draft title in its chooser, and a valid one saved the link: ids could be counted
    through for every organisation's drafts."""
    page = pages_of_b[which]
    client.force_login(editor_a)
    client.cookies["django_language"] = "de"
    untitled = client.post(
        f"/admin/pages/add/offers/offerpage/{organisation_a.pk}/",
        offer_form_data(title="", slug="neu", body=linking(kind, page)),
    )
    added = client.post(
        f"/admin/pages/add/offers/offerpage/{organisation_a.pk}/",
        offer_form_data(title="Neu", slug="neu", body=linking(kind, page)),
    )
    assert untitled.status_code == added.status_code == 200
    assert "Geheim" not in untitled.content.decode() + added.content.decode()
    assert REFUSED_PAGE in added.content.decode()
    assert not OfferPage.objects.filter(slug="neu").exists()


def test_a_partner_links_its_own_pages_and_another_organisation_s_published_ones(
    client, organisation_a, organisation_b, editor_a
):
    own_draft = OfferPageFactory(parent=organisation_a, title="Eigener Entwurf", slug="eigen", live=False)
    published_of_b = OfferPageFactory(parent=organisation_b, title="Beratung B", slug="beratung-b")
    client.force_login(editor_a)
    for page in (own_draft, published_of_b):
        response = client.post(
            f"/admin/pages/add/offers/offerpage/{organisation_a.pk}/",
            offer_form_data(title="Neu", slug=f"neu-{page.pk}", body=linking("link block", page)),
        )
        assert response.status_code == 302, page
    edit = client.get(f"/admin/pages/{OfferPage.objects.get(slug=f'neu-{published_of_b.pk}').pk}/edit/")
    assert "Beratung B" in edit.content.decode()
