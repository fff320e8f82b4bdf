"""The abstract ``Listing`` page that every plugin's listing type extends."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wegweiser.site.blocks import ContentStreamBlock
from wegweiser.site.models.day_parts import store_day_parts
from wegweiser.site.models.fields import optional_foreign_key
from wegweiser.site.models.places import PlaceMixin
from wegweiser.site.prices import ChoiceListField, PaidBy, format_amount, paid_by_labels
from wegweiser.site.registry import enabled_listing_types, listing_type_for_model
from wegweiser.site.schedules import TimeSlot, day_parts
from wegweiser.site.taxonomy_fields import TaxonomyPageForm
from wegweiser.site.taxonomy_labels import TermName, term_names
from wegweiser.site.view_restrictions import PublicPageMixin, PublicPageQuerySet


def current_listing_q(today: datetime.date | None = None, prefix: str = "") -> Q:
    """Published and within its validity period: what the public may see."""
    return Q(**{f"{prefix}live": True}) & valid_on_q(today, prefix)


def valid_on_q(today: datetime.date | None = None, prefix: str = "") -> Q:
    """Within its validity period (``valid_from``, ``valid_until``) on ``today``."""
    today = today or timezone.localdate()
    return (Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": today})) & (
        Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": today})
    )


class ListingQuerySet(PublicPageQuerySet):
    def current(self, today: datetime.date | None = None):
        """Live, public (no view restriction) and not expired."""
        return self.filter(current_listing_q(today)).public()

    def expired(self, today: datetime.date | None = None):
        return self.filter(valid_until__lt=today or timezone.localdate())

    def stale(self, days: int, today: datetime.date | None = None):
        cutoff = (today or timezone.localdate()) - datetime.timedelta(days=days)
        return self.filter(Q(last_reviewed__lt=cutoff) | Q(last_reviewed__isnull=True))


ListingManager = PageManager.from_queryset(ListingQuerySet)


class Listing(PublicPageMixin, PlaceMixin, Page):
    """Something a partner organisation offers the public; lives below its organisation page."""

    class Cost(models.TextChoices):
        FREE = "free", _("free of charge")
        REDUCED = "reduced", _("reduced fee possible")
        FEE = "fee", _("fee")
        FUNDED = "funded", _("funded (e.g. by BAMF or Jobcenter)")

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("Two or three plain sentences: what, for whom, where.")
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("details"))
    organisation = optional_foreign_key(
        "core.OrganisationPage",
        _("organisation"),
        editable=False,
        related_name="%(app_label)s_%(class)s_listings",
    )
    topics = ParentalManyToManyField("core.Topic", verbose_name=_("topics"), blank=True, related_name="+")
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    languages = ParentalManyToManyField(
        "core.Language", verbose_name=_("languages spoken"), blank=True, related_name="+"
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_amount = models.DecimalField(
        _("amount"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("What a participant pays, e.g. 120 or 12.50. Leave empty if it is free or not known."),
    )
    cost_currency = models.CharField(
        _("currency"),
        max_length=3,
        default="EUR",
        blank=True,
        validators=[
            RegexValidator(r"^[A-Z]{3}$", _("Enter a currency code of three capital letters, e.g. EUR."))
        ],
    )
    cost_paid_by = ChoiceListField(
        _("who can get it paid"),
        blank=True,
        choice_list=PaidBy.choices,
        help_text=_("Tick who may pay the cost for a participant; name anything else in the note."),
    )
    cost_note = models.CharField(_("note on cost"), max_length=200, blank=True)
    # Codes and numbers, not texts: the translation editor offered the currency "EUR" for translation, and the
    # office's publishing of an Arabic translation with "يورو" ended in a server error (three letters at most).
    override_translatable_fields = [
        *PlaceMixin.override_translatable_fields,
        SynchronizedField("cost_currency"),
        SynchronizedField("contact_phone"),
    ]
    #: Free, funded, or payable by one of ``cost_paid_by``: the finder's "free or paid for by an authority".
    free_or_funded = models.BooleanField(default=True, editable=False)
    registration = RichTextField(
        _("how to take part"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What to bring and how to register (Teilnahmemodalitäten)."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    valid_from = models.DateField(_("visible from"), null=True, blank=True)
    valid_until = models.DateField(
        _("visible until"),
        null=True,
        blank=True,
        help_text=_("After this day the listing leaves the site and search."),
    )
    last_reviewed = models.DateField(_("last reviewed"), default=datetime.date.today, editable=False)

    objects = ListingManager()
    #: Read with the page when it is served (``page_routing``): its card and head show them at once.
    serve_select_related = ("locale", "organisation", "district")
    base_form_class = TaxonomyPageForm  # topics, target groups, languages, district: each term once

    #: What a listing is about and for whom, without its cost: a volunteer opportunity costs nobody anything.
    topic_panels = [
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("target_groups"), FieldPanel("languages")],
            heading=_("Who and what"),
        )
    ]
    classification_panels = [
        *topic_panels,
        MultiFieldPanel(
            [
                FieldPanel("cost"),
                FieldRowPanel([FieldPanel("cost_amount"), FieldPanel("cost_currency")]),
                FieldPanel("cost_paid_by"),
                FieldPanel("cost_note"),
            ],
            heading=_("Cost"),
        ),
    ]

    @staticmethod
    def taking_part_panels(*, registration_link: bool = True) -> list[MultiFieldPanel]:
        """How to take part and whom to ask; ``registration_link=False`` for a type whose sign-up is on the
        portal itself (volunteering), where a link to another sign-up would only confuse."""
        link = [FieldPanel("registration_url")] if registration_link else []
        return [
            MultiFieldPanel(
                [
                    FieldPanel("registration"),
                    *link,
                    FieldPanel("contact_name"),
                    FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                ],
                heading=_("Taking part and contact"),
            )
        ]

    participation_panels = taking_part_panels()
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        *classification_panels,
        *participation_panels,
        *PlaceMixin.place_panels,
    ]
    settings_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")])], heading=_("Validity")
        ),
        *Page.settings_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("registration"),
        index.AutocompleteField("summary"),
        index.FilterField("cost"),
        index.FilterField("free_or_funded"),
        index.FilterField("valid_until"),
        index.FilterField("valid_from"),
        index.FilterField("organisation"),
    ]
    parent_page_types = ["core.OrganisationPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    # -- where it belongs ---------------------------------------------------------------------------
    @classmethod
    def can_create_at(cls, parent) -> bool:
        """Only below an organisation, and only where the site has this listing type switched on."""
        if not super().can_create_at(parent):
            return False
        listing_type = listing_type_for_model(cls)
        if listing_type is None:
            return False
        site = parent.get_site()
        return listing_type.key in enabled_listing_types(site)

    def full_clean(self, *args, **kwargs):
        self._set_organisation_from_parent()
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.cost == self.Cost.FREE and self.cost_amount:
            raise ValidationError(
                {
                    "cost_amount": _(
                        "A free offer has no amount: leave the amount empty, or choose “fee” or “reduced fee "
                        "possible” as the cost."
                    )
                }
            )

    @property
    def is_free_or_funded(self) -> bool:
        """Free of charge, or someone (BAMF, Jobcenter, a town pass …) can pay for the participant."""
        return self.cost in (self.Cost.FREE, self.Cost.FUNDED) or bool(self.cost_paid_by)

    @property
    def price_label(self) -> str:
        """The amount in the visitor's language and number format ("120 €"), or "" when there is none."""
        return format_amount(self.cost_amount, self.cost_currency)

    @property
    def paid_by_labels(self) -> list[str]:
        return paid_by_labels(self.cost_paid_by)

    def save(self, *args, **kwargs):
        self._set_organisation_from_parent()
        self.free_or_funded = self.is_free_or_funded
        self.cost_currency = self.cost_currency or "EUR"
        if kwargs.get("update_fields") is not None and "cost" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "free_or_funded"}
        result = super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            # A whole save (creation, publishing, an import), never a draft's bookkeeping update: the
            # in-memory child rows are then what the database holds.
            slots = self.time_slots()
            if slots is not None:
                store_day_parts(self, day_parts(slots))
        return result

    def time_slots(self) -> list[TimeSlot] | None:
        """The weekly time slots the listing meets in (a course's dates, a repeating event), or ``None`` if
        its type has no schedule. They give the ``time_of_day`` facet (mornings, evenings, weekends)."""
        return None

    def _set_organisation_from_parent(self) -> None:
        if not self.path or self.depth is None or self.depth < 2:
            return
        parent = self.get_parent()
        if parent is not None and parent.specific_class.__name__ == "OrganisationPage":
            self.organisation_id = parent.pk

    # -- public visibility ------------------------------------------------------------------------
    @property
    def listing_type(self):
        return listing_type_for_model(type(self))

    def is_current(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        if self.valid_until and self.valid_until < today:
            return False
        return not (self.valid_from and self.valid_from > today)

    def is_stale(self, days: int, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.last_reviewed is None or self.last_reviewed < today - datetime.timedelta(days=days)

    def serve(self, request, *args, **kwargs):
        """Expired listings and listing types switched off for this site are gone for visitors."""
        if not self.is_current():
            raise Http404(_("This listing has expired."))
        listing_type = self.listing_type
        site = Site.find_for_request(request) or self.get_site()
        if listing_type is None or listing_type.key not in enabled_listing_types(site):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def structured_data(self, request=None) -> dict | None:
        """The listing's own schema.org JSON-LD (a plugin overrides this), or None for the generic one.

        The public page and the API's ``.jsonld`` answer use the same document, so course dates and event
        schedules reach open-data catalogues and search engines alike.
        """
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisation_page"] = self.organisation
        context["listing_type"] = self.listing_type
        return context

    @cached_property
    def localized_topics(self):
        return _localized_terms(self.topics.all())

    @cached_property
    def localized_target_groups(self):
        return _localized_terms(self.target_groups.all())

    @cached_property
    def localized_languages(self):
        return _localized_terms(self.languages.all())

    def mark_reviewed(self, today: datetime.date | None = None) -> None:
        """The organisation confirms the listing is still valid ("still valid" button)."""
        self.last_reviewed = today or timezone.localdate()
        type(self).objects.filter(pk=self.pk).update(last_reviewed=self.last_reviewed)


def _localized_terms(terms):
    """Show taxonomy terms in the visitor's language, falling back to the linked (German) term."""
    terms = list(terms)
    names = term_names(type(terms[0])) if terms else {}
    return [
        (term.slug, names.get(term.slug) or TermName(term.name, term.locale.language_code)) for term in terms
    ]
