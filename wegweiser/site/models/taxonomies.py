"""Shared taxonomies: translatable snippets every listing type can be filtered by."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wegweiser.site.links import slug_for


class TaxonomyQuerySet(models.QuerySet):
    def in_locale(self, locale):
        return self.filter(locale=locale)


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    """Base for a term list: a name per language and a slug shared by all translations.

    The slug is what URLs, filters and the API use, so a filter link stays the same in every language.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in shareable filter links; the same in every language."),
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=100)

    objects = TaxonomyQuerySet.as_manager()
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("sort_order")]

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        # Each term list gets its own constraint, named after it ("unique_topic_slug_per_locale").
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_%(class)s_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_for(self.name)
        super().save(*args, **kwargs)


class Topic(Taxonomy):
    description = models.CharField(_("description"), max_length=255, blank=True)
    icon = models.CharField(
        _("icon"), max_length=40, blank=True, help_text=_("Name of an icon in the portal's icon set.")
    )
    panels = [*Taxonomy.panels, FieldPanel("description"), FieldPanel("icon")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class TargetGroup(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Language(Taxonomy):
    """A language spoken in an offer (ISO 639-1 code as slug), with its own name and text direction."""

    class Direction(models.TextChoices):
        LTR = "ltr", _("left to right")
        RTL = "rtl", _("right to left")

    native_name = models.CharField(_("native name"), max_length=80)
    direction = models.CharField(_("text direction"), max_length=3, choices=Direction.choices, default="ltr")
    override_translatable_fields = [
        *Taxonomy.override_translatable_fields,
        SynchronizedField("native_name"),
        SynchronizedField("direction"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug", heading=_("ISO 639-1 code")),
        FieldPanel("native_name"),
        FieldPanel("direction"),
        FieldPanel("sort_order"),
    ]

    class Meta(Taxonomy.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    @property
    def code(self) -> str:
        return self.slug


class District(Taxonomy):
    """A part of town; its centre is used for "near me" when the visitor picks a district."""

    latitude = models.FloatField(_("latitude of the centre"), null=True, blank=True)
    longitude = models.FloatField(_("longitude of the centre"), null=True, blank=True)
    override_translatable_fields = [
        *Taxonomy.override_translatable_fields,
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]

    panels = [*Taxonomy.panels, FieldPanel("latitude"), FieldPanel("longitude")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
