"""What the office's decision does: approving creates the organisation page, its editors group and the
contact's account; rejecting records the reason. Both refuse a request that is no longer open."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale, Site
from wagtail.users.models import UserProfile

from wegweiser.site.links import slug_for
from wegweiser.site.models import AccountRequest, OrganisationIndexPage, OrganisationPage
from wegweiser.site.organisations import editors_group_name


class DecisionRefused(Exception):
    """The decision cannot be made; the message says why, in the office's language."""


def _lock_open(account_request: AccountRequest) -> AccountRequest:
    """Re-read the request under a row lock, so two clicks never decide it twice."""
    locked = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if locked.status == AccountRequest.Status.APPROVED:
        raise DecisionRefused(_("This request has already been approved."))
    if locked.status == AccountRequest.Status.REJECTED:
        raise DecisionRefused(_("This request has been rejected and cannot be approved or rejected again."))
    return locked


def organisation_index() -> OrganisationIndexPage | None:
    """The organisations overview of the default site, in the default language."""
    site = Site.objects.filter(is_default_site=True).first()
    pages = OrganisationIndexPage.objects.filter(locale=Locale.get_default())
    if site is not None:
        pages = pages.descendant_of(site.root_page)
    return pages.order_by("path").first()


def _unique_slug(parent, name: str) -> str:
    base = slug_for(name, 200) or "organisation"
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def approve(account_request: AccountRequest, decided_by) -> tuple[AccountRequest, object, bool]:
    """Create the organisation and the contact's account. Returns the request, the user and whether the
    user still has to set a password (and so gets an invitation link)."""
    account_request = _lock_open(account_request)
    index = organisation_index()
    if index is None:
        raise DecisionRefused(_("There is no organisations overview page yet. Please create one first."))
    name = account_request.organisation_name
    if (
        OrganisationPage.objects.filter(title__iexact=name).exists()
        or Group.objects.filter(name=editors_group_name(OrganisationPage(title=name))).exists()
    ):
        raise DecisionRefused(
            _("An organisation called “%(name)s” already exists. Please check whether it is the same one.")
            % {"name": name}
        )
    organisation = index.add_child(
        instance=OrganisationPage(
            title=name,
            slug=_unique_slug(index, name),
            kind=account_request.kind,
            summary=account_request.offer_description[:400],
            website=account_request.website,
            street=account_request.address[:200],
        )
    )
    organisation.save_revision(user=decided_by).publish(user=decided_by)
    organisation.refresh_from_db()  # the editors group was created by the post_save signal

    user, needs_invitation = _account_for(account_request)
    user.groups.add(organisation.editors_group)

    account_request.status = AccountRequest.Status.APPROVED
    account_request.decided_at = timezone.now()
    account_request.decided_by = decided_by
    account_request.organisation = organisation
    account_request.save(update_fields=["status", "decided_at", "decided_by", "organisation"])
    log(account_request, "core.approve_account_request", user=decided_by)
    return account_request, user, needs_invitation


def _account_for(account_request: AccountRequest):
    """The contact's account: a new one without a usable password (set through the invitation link), or
    the existing account with that address."""
    User = get_user_model()
    email = account_request.email.lower()
    existing = User.objects.filter(email__iexact=email).order_by("pk").first() or (
        User.objects.filter(username__iexact=email).first()
    )
    if existing is not None:
        return existing, not existing.has_usable_password()
    first_name, _sep, last_name = account_request.contact_name.partition(" ")
    user = User(username=email, email=email, first_name=first_name[:150], last_name=last_name[:150])
    user.set_unusable_password()
    user.is_active = False
    user.save()
    if account_request.language in dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = account_request.language
        profile.save(update_fields=["preferred_language"])
    return user, True


@transaction.atomic
def reject(account_request: AccountRequest, decided_by, reason: str) -> AccountRequest:
    account_request = _lock_open(account_request)
    account_request.status = AccountRequest.Status.REJECTED
    account_request.decided_at = timezone.now()
    account_request.decided_by = decided_by
    account_request.rejection_reason = reason.strip()
    account_request.save(update_fields=["status", "decided_at", "decided_by", "rejection_reason"])
    log(account_request, "core.reject_account_request", user=decided_by)
    return account_request
