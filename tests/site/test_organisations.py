"""Partner organisations: own editors group, rights only on their own subtree, office approval rights."""

from __future__ import annotations

import importlib

from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

from wegweiser.site.models import OrganisationPage
from wegweiser.site.models.pages import office_group_name


def test_new_organisation_gets_its_own_editors_group_with_rights_on_its_subtree(organisation_a):
    group = organisation_a.editors_group
    assert group is not None
    assert group.name == "Redaktion: Verein A"
    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=organisation_a.page_ptr).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page", "lock_page", "unlock_page"}
    assert group.permissions.filter(codename="access_admin").exists()


def test_publishing_right_is_granted_only_when_the_office_allows_it(organisation_a):
    organisation_a.may_publish_directly = True
    organisation_a.save_revision().publish()
    assert GroupPagePermission.objects.filter(
        group=organisation_a.editors_group, page=organisation_a.page_ptr, permission__codename="publish_page"
    ).exists()
    organisation_a.may_publish_directly = False
    organisation_a.save_revision().publish()
    assert not GroupPagePermission.objects.filter(
        group=organisation_a.editors_group, permission__codename="publish_page"
    ).exists()


def test_partner_editor_can_edit_own_organisation_but_not_another(
    client, organisation_a, organisation_b, editor_a
):
    client.force_login(editor_a)
    assert client.get(f"/admin/pages/{organisation_a.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{organisation_b.pk}/edit/")
    assert response.status_code in (302, 403)
    before = Page.objects.get(pk=organisation_b.pk).title
    client.post(f"/admin/pages/{organisation_b.pk}/edit/", {"title": "Übernommen", "slug": "verein-b"})
    assert Page.objects.get(pk=organisation_b.pk).title == before


def test_partner_editor_explorer_starts_at_their_organisation(
    client, organisation_a, organisation_b, editor_a
):
    client.force_login(editor_a)
    response = client.get(f"/admin/pages/{organisation_b.get_parent().pk}/")
    html = response.content.decode()
    assert "Verein B" not in html


def test_office_group_moderates_the_whole_site(home, organisation_a):
    office = Group.objects.get(name=office_group_name())
    codenames = set(
        GroupPagePermission.objects.filter(group=office, page=home.page_ptr).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames


def test_partner_can_submit_own_organisation_for_translation_but_not_another(
    client, english, organisation_a, organisation_b, editor_a
):
    client.force_login(editor_a)
    assert client.get(f"/admin/localize/submit/page/{organisation_a.pk}/").status_code == 200
    denied = client.get(f"/admin/localize/submit/page/{organisation_b.pk}/")
    assert (denied.status_code, denied.get("Location")) in {(403, None), (302, "/admin/")}
    response = client.post(f"/admin/localize/submit/page/{organisation_b.pk}/", {"locales": [english.pk]})
    assert (response.status_code, response.get("Location")) in {(403, None), (302, "/admin/")}
    assert not Page.objects.filter(translation_key=organisation_b.translation_key, locale=english).exists()


def test_partner_cannot_submit_taxonomy_terms_for_translation(client, english, editor_a):
    from wegweiser.site.models import Topic

    topic = Topic.objects.create(name="Sprache", slug="sprache")
    client.force_login(editor_a)
    response = client.post(
        f"/admin/localize/submit/snippet/core/topic/{topic.pk}/", {"locales": [english.pk]}
    )
    assert (response.status_code, response.get("Location")) in {(403, None), (302, "/admin/")}
    assert not Topic.objects.filter(locale=english).exists()


def test_renaming_to_another_organisations_title_and_translating_takes_over_no_collection(
    client, english, organisation_a, organisation_b, editor_a
):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import GroupCollectionPermission

    collection_of_b = organisation_b.collection
    logo_of_b = Image.objects.create(title="Logo B", file=get_test_image_file(), collection=collection_of_b)
    organisation_a.may_publish_directly = True
    organisation_a.save_revision().publish()

    client.force_login(editor_a)
    organisation_a.refresh_from_db()
    organisation_a.title = "Verein B"
    organisation_a.save_revision(user=editor_a).publish()
    response = client.post(f"/admin/localize/submit/page/{organisation_a.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    assert OrganisationPage.objects.filter(
        translation_key=organisation_a.translation_key, locale=english
    ).exists()

    assert not GroupCollectionPermission.objects.filter(
        group=organisation_a.editors_group, collection=collection_of_b
    ).exists()
    response = client.post(
        f"/admin/images/{logo_of_b.pk}/", {"title": "Übernommen", "collection": organisation_a.collection.pk}
    )
    assert response.status_code in (302, 403)
    logo_of_b.refresh_from_db()
    assert (logo_of_b.title, logo_of_b.collection_id) == ("Logo B", collection_of_b.pk)
    assert OrganisationPage.objects.get(pk=organisation_a.pk).collection != collection_of_b


def test_organisations_of_the_same_title_get_their_own_group_and_collection(
    organisation_index, organisation_b
):
    from wegweiser.plugin_api.testing import make_organisation

    namesake = make_organisation(organisation_index, "Verein B", "verein-b-2")
    assert namesake.editors_group != organisation_b.editors_group
    assert namesake.collection != organisation_b.collection


def test_no_group_has_rights_on_every_organisation_s_pages_but_the_office_s(db, home):
    """Wagtail's own groups "Editors" and "Moderators" could add and change every page below the root: an office
    that gave a partner's new editor the group "Editors" gave them every other organisation's pages too."""
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()


def test_the_migration_keeps_a_stock_group_someone_is_in(db, editor_a):
    removal = importlib.import_module("wegweiser.site.migrations.0022_remove_wagtail_stock_groups")
    used, unused = Group.objects.create(name="Editors"), Group.objects.create(name="Moderators")
    editor_a.groups.add(used)
    removal.remove_unused_stock_groups(django_apps, None)
    assert list(Group.objects.filter(name__in=["Editors", "Moderators"])) == [used]
    assert unused.pk not in set(Group.objects.values_list("pk", flat=True))
