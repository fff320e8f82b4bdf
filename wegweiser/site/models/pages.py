"""The portal's own pages: home, content pages, partner organisations and listing finders."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, Site
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField

from wegweiser.site.blocks import ContentPageStreamBlock, HomeStreamBlock
from wegweiser.site.listings import (
    ListingPaginator,
    below_in_every_language,
    build_filterset,
    current_listings_below,
    localized,
    shown_untranslated,
)
from wegweiser.site.models.easy_language import EasyLanguagePage, EasyLanguageVersionMixin
from wegweiser.site.models.fields import optional_foreign_key
from wegweiser.site.models.places import PlaceMixin
from wegweiser.site.organisations import OrganisationKind
from wegweiser.site.page_forms import PortalPageForm
from wegweiser.site.registry import enabled_listing_types, listing_types
from wegweiser.site.taxonomy_fields import TaxonomyPageForm
from wegweiser.site.templatetags.direction_tags import load_original_texts
from wegweiser.site.view_restrictions import PublicPageMixin


class HomePage(PublicPageMixin, EasyLanguageVersionMixin, Page):
    """The start page of one town's portal (one per Wagtail Site and language)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, *EasyLanguageVersionMixin.easy_language_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Serve an untranslated page under this translation's prefix (in German, with the notice).

        ``localized_url`` links every page under the visitor's language prefix; once the home page is
        translated, Wagtail would route such a path only through the translated tree and answer 404.
        """
        if path_components:
            # One lookup by the page's URL path instead of one per path segment (Wagtail's walk). Nothing
            # below the home page routes on its own, so the page at that path is what the walk would find.
            found = Page.objects.filter(
                url_path=f"{self.url_path}{'/'.join(path_components)}/", live=True
            ).first()
            if found is not None:
                return RouteResult(found.specific)
        try:
            return super().route(request, path_components)
        except Http404:
            original = self.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).first()
            if original is None or not path_components:
                raise
            return original.specific.route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request) or self.get_site()
        finders = (
            ListingIndexPage.objects.live()
            .public()
            .child_of(self)
            .filter(listing_type__in=list(enabled_listing_types(site)))
            .order_by("path")
        )
        context["finders"] = finders
        context["content_pages"] = StandardPage.objects.live().public().child_of(self).in_menu()
        access = {
            page.slug: page
            for page in StandardPage.objects.live()
            .public()
            .child_of(self)
            .filter(slug__in=["leichte-sprache", "gebaerdensprache"])
        }
        context["easy_language_page"] = access.get("leichte-sprache")
        # The sign-language page is linked only once it has a video: an empty DGS page helps nobody.
        sign_language_page = access.get("gebaerdensprache")
        context["sign_language_page"] = (
            sign_language_page if sign_language_page and sign_language_page.has_video else None
        )
        return context


class StandardPage(PublicPageMixin, EasyLanguageVersionMixin, Page):
    """A content page (information about the office, easy-German pages, legal pages)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentPageStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, *EasyLanguageVersionMixin.easy_language_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    @property
    def has_video(self) -> bool:
        return any(block.block_type == "video" for block in self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The "Leichte Sprache" area lists the easy-German pages below it. They are German and live below the
        # German area only: its translations (the English "Easy German") list the same pages.
        area = self.get_translation_or_none(Locale.get_default()) or self
        context["easy_language_pages"] = EasyLanguagePage.objects.live().public().child_of(area)
        return context


class OrganisationIndexPage(PublicPageMixin, Page):
    """Lists the partner organisations; organisation pages live below it."""

    intro = models.TextField(_("introduction"), blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["core.OrganisationPage"]
    parent_page_types = ["core.HomePage"]

    class Meta:
        verbose_name = _("organisation overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Every partner, not only those translated into the visitor's language: the others in German.
        organisations = OrganisationPage.objects.live().public().filter(below_in_every_language(self))
        organisations = localized(organisations, self.locale).select_related("district", "locale")
        context["organisations"] = shown_untranslated(list(organisations.order_by("title")), self.locale)
        # A translation's summary may still be its German original's, marked so: read those at once.
        load_original_texts(
            [page for page in context["organisations"] if page.locale.language_code != settings.LANGUAGE_CODE]
        )
        return context


class OrganisationPage(PublicPageMixin, PlaceMixin, Page):
    """A partner organisation. Its listings live below it, and its own editors group may edit only them."""

    base_form_class = TaxonomyPageForm

    kind = models.CharField(
        _("kind of organisation"),
        max_length=20,
        choices=OrganisationKind.choices,
        default=OrganisationKind.ASSOCIATION,
    )
    summary = models.TextField(_("short description"), max_length=400, blank=True)
    description = RichTextField(
        _("about the organisation"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    logo = optional_foreign_key("wagtailimages.Image", _("logo"))
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # A number, not a text to translate (as the listings' contact phone, wegweiser.site.models.listing).
    override_translatable_fields = [*PlaceMixin.override_translatable_fields, SynchronizedField("phone")]
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    editors_group = optional_foreign_key(Group, _("editors group"), editable=False)
    collection = optional_foreign_key(
        "wagtailcore.Collection", _("collection for images and documents"), editable=False
    )
    may_publish_directly = models.BooleanField(
        _("may publish without review"),
        default=False,
        help_text=_(
            "Granted by the integration office: the organisation's editors publish without approval."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("website"), FieldPanel("opening_hours")],
            heading=_("Contact"),
        ),
        *PlaceMixin.place_panels,
    ]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("may_publish_directly", permission="core.manage_organisations"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["core.OrganisationIndexPage"]
    serve_select_related = ("locale", "district", "logo")

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        permissions = [("manage_organisations", _("Can approve organisations and grant publishing rights"))]

    @classmethod
    def allowed_subpage_models(cls):
        """Any registered listing type may live below an organisation — that is how plugins plug in."""
        return [listing_type.model for listing_type in listing_types().values()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listings"] = current_listings_below(self, request=request)
        return context


def listing_type_choices() -> list[tuple[str, str]]:
    """The installed listing types, by their plural name, for the editor to choose from."""
    return [("", "---------")] + sorted(
        ((key, str(listing_type.verbose_name_plural)) for key, listing_type in listing_types().items()),
        key=lambda choice: choice[1].casefold(),
    )


class ListingIndexPageForm(PortalPageForm):
    """The listing type is chosen from the installed ones (the registry), never typed in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["listing_type"]
        self.fields["listing_type"] = forms.ChoiceField(
            label=field.label, help_text=field.help_text, choices=listing_type_choices()
        )


class ListingIndexPage(PublicPageMixin, EasyLanguageVersionMixin, Page):
    """The public finder for one listing type ("Angebote", "Veranstaltungen", "Ehrenamt")."""

    listing_type = models.CharField(
        _("listing type"), max_length=50, help_text=_("Which kind of listing this page lists and filters.")
    )
    base_form_class = ListingIndexPageForm
    intro = models.TextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("results per page"), default=20)

    content_panels = [*Page.content_panels, FieldPanel("listing_type"), FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("per_page")]
    promote_panels = [*Page.promote_panels, *EasyLanguageVersionMixin.easy_language_panels]
    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("listing finder")
        verbose_name_plural = _("listing finders")

    def clean(self):
        super().clean()
        if self.listing_type not in listing_types():
            raise ValidationError(
                {
                    "listing_type": _("Choose one of the installed listing types: %(types)s.")
                    % {"types": ", ".join(label for key, label in listing_type_choices() if key)}
                }
            )

    def get_listing_type(self):
        return enabled_listing_types(self.get_site()).get(self.listing_type)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing_type = self.get_listing_type()
        if listing_type is None:
            raise Http404("This listing type is switched off for this site.")
        filterset = build_filterset(listing_type, request=request)
        paginator = ListingPaginator(filterset.qs, self.per_page, listing_type)
        page_number = request.GET.get("page") or 1
        page = paginator.get_page(page_number)
        context.update(
            listing_type=listing_type,
            filterset=filterset,
            page_obj=page,
            listings=page.object_list,
            result_count=paginator.count,
            querystring_without_page=_querystring_without_page(request),
        )
        return context


def _querystring_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def office_group_name() -> str:
    return getattr(settings, "WEGWEISER_OFFICE_GROUP", "Integrationsbüro")
