"""A volunteer's sign-up: personal data with the consent it was given under, and its life cycle.

Personal data lives only here (never in the search index, the logs or the cache) and is wiped by
:meth:`VolunteerApplication.anonymise` when it is no longer needed; the numbers stay for reports.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wegweiser.plugin_api import owned_mails


class VolunteerApplicationQuerySet(models.QuerySet):
    def reached_organisation(self):
        """Confirmed by the volunteer (double opt-in) and not yet anonymised: what the organisation sees."""
        return self.exclude(status=VolunteerApplication.Status.NEW).filter(anonymised_at__isnull=True)

    def for_email(self, email: str):
        return self.filter(email__iexact=email.strip(), anonymised_at__isnull=True)

    def due_for_anonymisation(self, now=None):
        """Closed, or whose opportunity ended, longer ago than the retention period."""
        now = now or timezone.now()
        cutoff = now - timezone.timedelta(days=retention_days())
        return (
            self.filter(anonymised_at__isnull=True)
            .exclude(status=VolunteerApplication.Status.NEW)
            .filter(Q(closed_at__lt=cutoff) | Q(opportunity__valid_until__lt=cutoff.date()))
        )

    def unconfirmed_expired(self, now=None):
        """Sign-ups whose confirmation link has expired: never confirmed, so never consented to being kept."""
        now = now or timezone.now()
        cutoff = now - timezone.timedelta(days=confirmation_days() + 1)
        return self.filter(status=VolunteerApplication.Status.NEW, created_at__lt=cutoff)


def retention_days() -> int:
    return int(getattr(settings, "WEGWEISER_VOLUNTEER_RETENTION_DAYS", 183))


def confirmation_days() -> int:
    return int(getattr(settings, "WEGWEISER_VOLUNTEER_CONFIRMATION_DAYS", 7))


class VolunteerApplication(models.Model):
    """One person's sign-up for one opportunity."""

    class Status(models.TextChoices):
        NEW = "new", _("not yet confirmed")
        CONFIRMED = "confirmed", _("waiting for an answer")  # the volunteer confirmed the address
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")

    CLOSED_STATUSES = (Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN)
    ANSWER_STATUSES = (Status.ACCEPTED, Status.DECLINED)

    opportunity = models.ForeignKey(
        "volunteers.VolunteerOpportunityPage",
        verbose_name=_("volunteer opportunity"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=120)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages_spoken = models.ManyToManyField(
        "core.Language", verbose_name=_("languages spoken"), blank=True, related_name="+"
    )
    availability = models.CharField(_("availability"), max_length=300, blank=True)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    language = models.CharField(
        _("language of the sign-up"),
        max_length=10,
        default="de",
        help_text=_("Mails go out in this language."),
    )
    consent_text = models.TextField(_("consent text"))
    consent_version = models.CharField(_("consent version"), max_length=40)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    waiting_list = models.BooleanField(_("on the waiting list"), default=False)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    outgoing_mails = owned_mails()  # deleted with the sign-up

    objects = VolunteerApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer sign-up")
        verbose_name_plural = _("volunteer sign-ups")
        ordering = ["-created_at"]
        permissions = [
            ("view_personal_data", _("Can see volunteers' personal data of every organisation")),
            ("view_volunteering_report", _("Can see the volunteering report (numbers only)")),
        ]
        indexes = [models.Index(fields=["status", "closed_at"]), models.Index(fields=["email"])]

    def __str__(self) -> str:
        # Shown in the audit log: never the person's name or address.
        return _("Sign-up no. %(number)s") % {"number": self.pk}

    @classmethod
    def sign_up(
        cls, opportunity, email: str, languages_spoken=(), **details
    ) -> tuple[VolunteerApplication, bool]:
        """``(application, created)``. The same address for the same opportunity gets its sign-up back
        (``created`` False) and no second one, as it was: one not yet confirmed has its link mailed again (valid
        from now on), one confirmed or accepted stays. Its details are the ones sent first: anyone who knows the
        address can send the form, and had put their own name, phone and message into the sign-up its owner
        then confirmed with the link from the first mail. After a withdrawal or a decline, a new sign-up begins.

        The opportunity's row is locked while looking, so two sends at once make one sign-up.
        """
        email = email.strip()
        with transaction.atomic():
            type(opportunity).objects.select_for_update().filter(pk=opportunity.pk).first()
            earlier = (
                cls.objects.for_email(email)
                .filter(opportunity=opportunity)
                .exclude(status__in=[cls.Status.WITHDRAWN, cls.Status.DECLINED])
                .order_by("-created_at")
                .first()
            )
            if earlier is None:
                application = cls.objects.create(opportunity=opportunity, email=email, **details)
                application.languages_spoken.set(languages_spoken)
                return application, True
            if earlier.status == cls.Status.NEW:
                earlier.created_at = timezone.now()  # its new link is valid from now on
                earlier.save(update_fields=["created_at"])
            return earlier, False

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.CONFIRMED) and not self.is_anonymised

    def confirm(self) -> bool:
        """Double opt-in completed; returns False if there was nothing to confirm."""
        if self.status != self.Status.NEW or self.is_anonymised:
            return False
        self.status = self.Status.CONFIRMED
        self.confirmed_at = timezone.now()
        self.waiting_list = self.waiting_list or self.opportunity.has_waiting_list
        self.save(update_fields=["status", "confirmed_at", "waiting_list"])
        return True

    def withdraw(self) -> bool:
        if self.status == self.Status.WITHDRAWN or self.is_anonymised:
            return False
        self.status = self.Status.WITHDRAWN
        self.closed_at = timezone.now()
        self.save(update_fields=["status", "closed_at"])
        return True

    def set_status(self, status: str) -> bool:
        """The organisation's answer; returns whether anything changed."""
        if status == self.status:
            return False
        now = timezone.now()
        self.status = status
        if status in self.ANSWER_STATUSES and self.answered_at is None:
            self.answered_at = now
        self.closed_at = now if status in self.CLOSED_STATUSES else None
        if status == self.Status.ACCEPTED:
            self.waiting_list = False
        self.save(update_fields=["status", "answered_at", "closed_at", "waiting_list"])
        return True

    def anonymise(self) -> None:
        """Wipe everything that identifies the person; status and dates stay for the statistics."""
        self.name = ""
        self.email = ""
        self.phone = ""
        self.availability = ""
        self.message = ""
        self.anonymised_at = timezone.now()
        self.save(update_fields=["name", "email", "phone", "availability", "message", "anonymised_at"])
        self.languages_spoken.clear()
        self.outgoing_mails.all().delete()

    def personal_data(self) -> dict:
        """Everything stored about the person for this sign-up (GDPR Art. 15 export)."""
        return {
            "opportunity": self.opportunity.title,
            "organisation": self.opportunity.organisation.title if self.opportunity.organisation else "",
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "languages_spoken": sorted(self.languages_spoken.values_list("slug", flat=True)),
            "availability": self.availability,
            "message": self.message,
            "language": self.language,
            "consent_text": self.consent_text,
            "consent_version": self.consent_version,
            "status": self.status,
            "waiting_list": self.waiting_list,
            "signed_up": self.created_at,
            "confirmed": self.confirmed_at,
            "answered": self.answered_at,
            "closed": self.closed_at,
        }
