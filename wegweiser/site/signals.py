"""Keep derived data in step with content: editors groups, listing ownership, cached term labels; and give
uploaded images file names nobody can guess."""

from __future__ import annotations

import secrets

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Locale
from wagtail.signals import page_published, post_page_move

from wegweiser.site import taxonomy_labels
from wegweiser.site.models import (
    District,
    HomePage,
    Language,
    Listing,
    OrganisationPage,
    PortalSettings,
    TargetGroup,
    Topic,
)
from wegweiser.site.organisations import ensure_editors_group
from wegweiser.site.page_tree_cache import public_pages_show
from wegweiser.site.setup import ensure_office_rights
from wegweiser.site.translation_sync import sync_live_translations


@receiver(post_save, sender=OrganisationPage)
def create_editors_group(
    sender, instance: OrganisationPage, created: bool, raw: bool = False, **kwargs
) -> None:
    if raw:
        return
    if instance.locale_id != _default_locale_id():
        # Also for an alias: wagtail-localize creates one when a partner translates a listing first.
        source = OrganisationPage.objects.filter(
            translation_key=instance.translation_key, locale_id=_default_locale_id()
        ).first()
        if source is not None and created:
            ensure_editors_group(source)
        return
    if instance.alias_of_id:
        return
    if created or instance.editors_group_id is None or _publish_right_changed(instance):
        ensure_editors_group(instance)


def _publish_right_changed(instance: OrganisationPage) -> bool:
    has_publish = GroupPagePermission.objects.filter(
        group_id=instance.editors_group_id, page_id=instance.pk, permission__codename="publish_page"
    ).exists()
    return has_publish != instance.may_publish_directly


@receiver(post_save, sender=HomePage)
def extend_office_rights_to_new_language(
    sender, instance: HomePage, created: bool, raw: bool = False, **kwargs
) -> None:
    """A new language version of the portal (often an alias made by wagtail-localize) is the office's too."""
    if raw or not created or instance.locale_id == _default_locale_id():
        return
    source = HomePage.objects.filter(
        translation_key=instance.translation_key, locale_id=_default_locale_id()
    ).first()
    if source is not None:
        ensure_office_rights(source)


def _default_locale_id() -> int | None:
    try:
        return Locale.get_default().pk
    except Locale.DoesNotExist:
        return None


@receiver(page_published)
def bring_translations_up_to_date(sender, instance, **kwargs) -> None:
    sync_live_translations(instance)


@receiver(post_page_move)
def update_listing_organisation(sender, instance, **kwargs) -> None:
    specific = instance.specific
    if isinstance(specific, Listing):
        specific.save(update_fields=["organisation"])


@receiver(pre_save, sender=get_image_model())
def unguessable_image_file_name(sender, instance, raw: bool = False, **kwargs) -> None:
    """A new upload's file name begins with a random part ("original_images/3f9a…_ausweis.jpg"), which every
    rendition keeps ("images/3f9a…_ausweis.max-165x165.jpg"). The web server serves renditions to anyone
    (README, "Media"), and the admin makes one as soon as a partner sees the upload in the library: with
    the name as uploaded, a photo of an unpublished draft, or of a person, was one guess away."""
    upload = instance.file
    if raw or not upload or getattr(upload, "_committed", True):
        return
    upload.name = f"{secrets.token_hex(8)}_{upload.name.rsplit('/', 1)[-1]}"


for taxonomy in (Topic, TargetGroup, Language, District):
    post_save.connect(lambda **kwargs: taxonomy_labels.invalidate(), sender=taxonomy, weak=False)
    post_delete.connect(lambda **kwargs: taxonomy_labels.invalidate(), sender=taxonomy, weak=False)


# Every public page shows terms (cards, filters) and the portal settings (the office in the footer).
public_pages_show(Topic, TargetGroup, Language, District, PortalSettings)
