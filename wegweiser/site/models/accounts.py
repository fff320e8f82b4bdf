"""A new partner organisation's request for an account, as the integration office reviews it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wegweiser.site.listings import language_name
from wegweiser.site.models.fields import optional_foreign_key
from wegweiser.site.models.mail import owned_mails
from wegweiser.site.organisations import OrganisationKind


class AccountRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=AccountRequest.Status.NEW)

    def open_for_email(self, email: str):
        return self.open().filter(email__iexact=email.strip())


class AccountRequest(models.Model):
    """Sent through the public form; approving it creates the organisation page, its editors group and
    the contact's account. Holds personal data: rejected requests are deleted after a while."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    organisation_name = models.CharField(_("name of the organisation"), max_length=200)
    kind = models.CharField(_("kind of organisation"), max_length=20, choices=OrganisationKind.choices)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("address or district"), max_length=300, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    offer_description = models.TextField(_("what the organisation offers"), max_length=1000)
    language = models.CharField(_("language of the request"), max_length=10, default="de")
    consent_text = models.TextField(_("consent text"))
    consent_version = models.CharField(_("consent version"), max_length=20)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = optional_foreign_key(settings.AUTH_USER_MODEL, _("decided by"))
    rejection_reason = models.TextField(_("reason for the rejection"), blank=True)
    organisation = optional_foreign_key("core.OrganisationPage", _("organisation page"))

    outgoing_mails = owned_mails()  # mails not yet delivered go with the request

    objects = AccountRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("account request")
        verbose_name_plural = _("account requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.organisation_name

    @property
    def language_name(self) -> str:
        """The request's language in the admin's ("Arabisch"); its code if the portal does not offer it."""
        if self.language not in dict(settings.LANGUAGES):
            return self.language
        return language_name(self.language)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.NEW
