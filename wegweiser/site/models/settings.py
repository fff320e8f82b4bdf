"""Per-site settings: which listing types a town uses, how the office can be reached, the open-data licence."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from wegweiser.site.page_tree_cache import cached_for_page_tree
from wegweiser.site.registry import listing_types
from wegweiser.site.taxonomy_labels import TermName


class PortalSettingsForm(WagtailAdminModelForm):
    """Offers the registered listing types as checkboxes: ticked means switched on for this site."""

    enabled_types = forms.MultipleChoiceField(
        label=_("Listing types used on this site"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick a type to remove it from this site's finder, search, API and page editor."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = listing_types()
        self.fields["enabled_types"].choices = [
            (key, str(lt.verbose_name_plural)) for key, lt in types.items()
        ]
        disabled = set(self.instance.disabled_listing_types or [])
        self.fields["enabled_types"].initial = [key for key in types if key not in disabled]

    def save(self, commit=True):
        enabled = set(self.cleaned_data.get("enabled_types") or [])
        self.instance.disabled_listing_types = sorted(key for key in listing_types() if key not in enabled)
        return super().save(commit=commit)


DEFAULT_OPEN_DATA_LICENCE_NAME = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
DEFAULT_OPEN_DATA_LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"


@dataclass(frozen=True)
class OpenDataLicence:
    """The terms under which the town's listings may be reused (API, exports, named in the footer)."""

    name: str
    url: str


@register_setting(icon="cogs")
class PortalSettings(BaseSiteSetting):
    office_name = models.CharField(_("name of the integration office"), max_length=200, blank=True)
    office_email = models.EmailField(_("office email"), blank=True)
    office_phone = models.CharField(_("office phone"), max_length=40, blank=True)
    office_address = models.TextField(_("office address"), blank=True)
    disabled_listing_types = models.JSONField(_("switched-off listing types"), default=list, blank=True)
    open_data_licence_name = models.CharField(
        _("open data licence"),
        max_length=200,
        blank=True,
        default=DEFAULT_OPEN_DATA_LICENCE_NAME,
        help_text=_(
            "The licence under which others may reuse the listings from the API and the exports. "
            "Left empty, the Datenlizenz Deutschland applies."
        ),
    )
    open_data_licence_url = models.URLField(
        _("open data licence URL"),
        blank=True,
        default=DEFAULT_OPEN_DATA_LICENCE_URL,
        help_text=_("The licence text."),
    )
    place_alert_days = models.PositiveSmallIntegerField(
        _("place alerts run for (days)"),
        default=90,
        validators=[MinValueValidator(7), MaxValueValidator(365)],
        help_text=_(
            "How long a visitor's “tell me when a place opens” alert runs after they confirm it. A week "
            "before the end they get a mail with a link to extend it."
        ),
    )

    base_form_class = PortalSettingsForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("office_email"),
                FieldPanel("office_phone"),
                FieldPanel("office_address"),
            ],
            heading=_("Integration office"),
        ),
        FieldPanel("enabled_types"),
        MultiFieldPanel(
            [FieldPanel("open_data_licence_name"), FieldPanel("open_data_licence_url")],
            heading=_("Open data"),
        ),
        FieldPanel("place_alert_days"),
    ]

    class Meta:
        verbose_name = _("portal settings")

    @classmethod
    def for_request(cls, request):
        """The request's site's settings, kept under the page tree's generation: every public page shows
        them (the office in the footer), and saving them starts a new generation (``public_pages_show``)."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            settings = cached_for_page_tree("portal-settings", lambda: cls.for_site(site), site.pk)
            settings._request = request
            setattr(request, attr_name, settings)
        return getattr(request, attr_name)

    # The office writes its name and address once, in German, for every language: they carry that, so a
    # page marks them with lang_attrs wherever it shows them (the footer, the home page's contact).
    @property
    def office_name_text(self) -> TermName:
        return TermName(self.office_name, settings.LANGUAGE_CODE)

    @property
    def office_address_text(self) -> TermName:
        return TermName(self.office_address, settings.LANGUAGE_CODE)

    @property
    def open_data_licence(self) -> OpenDataLicence:
        """The licence, falling back to the default when the office cleared a field."""
        return OpenDataLicence(
            name=self.open_data_licence_name or DEFAULT_OPEN_DATA_LICENCE_NAME,
            url=self.open_data_licence_url or DEFAULT_OPEN_DATA_LICENCE_URL,
        )
