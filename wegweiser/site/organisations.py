"""Partner organisations get their own editors group, collection and page permissions on their subtree.

Wagtail's subtree permissions then give "a partner edits only its own listings" without custom policy code.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission


class OrganisationKind(models.TextChoices):
    """What kind of organisation a partner is: asked in the account request, kept on its page, offered as a
    filter in the API. One list, so approving a request keeps what the organisation said it is."""

    WELFARE_ASSOCIATION = "welfare", _("welfare association")
    ASSOCIATION = "association", _("NGO or association")
    MIGRANT_ORGANISATION = "migrant", _("migrant organisation")
    PUBLIC_AUTHORITY = "authority", _("public authority")
    COURSE_PROVIDER = "course_provider", _("course provider")
    RELIGIOUS_COMMUNITY = "religious", _("religious community")
    OTHER = "other", _("other")


EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
PUBLISH_PAGE_PERMISSIONS = ("publish_page",)
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def editors_group_name(organisation) -> str:
    return f"Redaktion: {organisation.title}"[:150]


@transaction.atomic
def ensure_editors_group(organisation) -> Group:
    """Create (or repair) the organisation's editors group and its permissions; idempotent."""
    group = organisation.editors_group
    if group is None:
        group = Group.objects.create(name=_free_group_name(organisation))
        type(organisation).objects.filter(pk=organisation.pk).update(editors_group=group)
        organisation.editors_group = group
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["wagtailadmin", "wagtail_localize"],
            codename__in=["access_admin", "submit_translation"],
        )
    )
    wanted = set(EDITOR_PAGE_PERMISSIONS) | (
        set(PUBLISH_PAGE_PERMISSIONS) if organisation.may_publish_directly else set()
    )
    page_permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=wanted)
    # The organisation's page in every language: partners translate their own listings too.
    pages = type(organisation).objects.filter(translation_key=organisation.translation_key)
    for page in pages:
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page.page_ptr, permission=permission)
    GroupPagePermission.objects.filter(group=group).exclude(permission__codename__in=wanted).delete()

    grant_collection_rights(group, organisation_collection(organisation))
    return group


def grant_collection_rights(group: Group, collection: Collection) -> None:
    """Let ``group`` add, change and choose the images and documents of ``collection`` and the collections
    below it: an organisation's editors their own collection, the office the root (every organisation's)."""
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def _free_group_name(organisation) -> str:
    """The editors group's name, made unique: two organisations of the same title never share a group."""
    name = editors_group_name(organisation)
    if Group.objects.filter(name=name).exists():
        name = f"{name[:130]} ({organisation.pk})"
    return name


def organisation_collection(organisation) -> Collection:
    """The organisation's own collection for images and documents, tied to it by key, not by title.

    Created on first use below the root collection and stored on every language version of the
    organisation's page; a collection another organisation holds (a copied page) is never taken over.
    """
    pages = type(organisation).objects.filter(translation_key=organisation.translation_key)
    collection = organisation.collection
    first_pk = min(pages.values_list("pk", flat=True), default=organisation.pk)
    held_elsewhere = (
        collection is not None
        and type(organisation)
        .objects.filter(collection=collection, pk__lt=first_pk)
        .exclude(translation_key=organisation.translation_key)
        .exists()
    )
    if collection is None or held_elsewhere:
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        collection = root.add_child(name=_free_collection_name(root, organisation.title))
    pages.update(collection=collection)
    organisation.collection = collection
    return collection


def _free_collection_name(root: Collection, title: str) -> str:
    name = title[:240]
    taken = set(root.get_children().values_list("name", flat=True))
    number = 2
    candidate = name
    while candidate in taken:
        candidate = f"{name} ({number})"
        number += 1
    return candidate
