"""Leichte Sprache (easy German): key pages name their easy version, easy pages follow the layout rules.

Leichte Sprache is German, so every language version of a key page links to the same German easy page:
the chooser is a synchronised field for wagtail-localize, not a segment to translate.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wegweiser.site.blocks import LinkBlock
from wegweiser.site.models.fields import optional_foreign_key
from wegweiser.site.page_tree_cache import cached_for_page_tree
from wegweiser.site.view_restrictions import PublicPageMixin


class EasyLanguageVersionMixin(models.Model):
    """A key page (home, finder, content page, accessibility statement) that may have an easy-German version."""

    easy_language_page = optional_foreign_key(
        "wagtailcore.Page",
        _("easy German version"),
        help_text=_(
            "The same information in Leichte Sprache. Every language version of this page links to it."
        ),
    )

    easy_language_panels = [
        MultiFieldPanel(
            [PageChooserPanel("easy_language_page", page_type="core.EasyLanguagePage")],
            heading=_("Easy German (Leichte Sprache)"),
        )
    ]
    override_translatable_fields = [SynchronizedField("easy_language_page")]

    class Meta:
        abstract = True

    def live_easy_language_page(self) -> EasyLanguagePage | None:
        """The easy version if it is published and public, else ``None`` (no link to a draft)."""
        if not self.easy_language_page_id:
            return None
        return cached_for_page_tree(
            "easy-language",
            lambda: EasyLanguagePage.objects.live().public().filter(pk=self.easy_language_page_id).first(),
            self.easy_language_page_id,
        )


class EasyParagraphBlock(blocks.StructBlock):
    """A short paragraph, one sentence per line, with an optional picture beside it."""

    text = blocks.TextBlock(
        label=_("text"),
        help_text=_("Short sentences. Start every sentence on a new line."),
    )
    picture = ImageBlock(label=_("picture"), required=False)

    class Meta:
        icon = "pilcrow"
        label = _("paragraph with picture")
        template = "blocks/easy_paragraph_block.html"


class EasyLanguageStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("heading"), template="blocks/heading_block.html")
    paragraph = EasyParagraphBlock()
    # "Auf der Seite Angebote finden Sie alle Kurse" needs the way there: big links that say where they lead
    links = blocks.ListBlock(LinkBlock(), label=_("links"), template="blocks/links_block.html")


class EasyLanguagePage(PublicPageMixin, Page):
    """A page in Leichte Sprache: larger type, one sentence per line, short paragraphs, pictures beside them."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(EasyLanguageStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["core.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("page in Leichte Sprache")
        verbose_name_plural = _("pages in Leichte Sprache")

    def intro_lines(self) -> list[str]:
        return [line.strip() for line in self.intro.splitlines() if line.strip()]

    def standard_version(self) -> Page | None:
        """The key page that names this page as its easy version, in this page's language (for the back link)."""
        for model in key_page_models():
            page = (
                model.objects.live()
                .public()
                .filter(easy_language_page=self, locale_id=self.locale_id)
                .order_by("depth", "path")
                .first()
            )
            if page is not None:
                return page
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["standard_version"] = self.standard_version()
        return context


def key_page_models() -> list[type[Page]]:
    """Every page model that can name an easy version (shallowest first: home before content pages)."""
    found = [
        model
        for model in apps.get_models()
        if issubclass(model, EasyLanguageVersionMixin) and issubclass(model, Page)
    ]
    return sorted(found, key=lambda model: (model.__name__ != "HomePage", model.__name__))
