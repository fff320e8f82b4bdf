"""Taxonomy pickers in the page editor: one checkbox per term, labelled in the editor's language.

Terms are translatable snippets, so a topic exists once per language ("Sprache", "Language"); a plain
model field lists every translation. The editor picks from the default language's rows (filters, search,
API and reports match terms by slug, so which translation a page points to does not matter) and reads each
term in the admin's language. :class:`TaxonomyFormMixin` does this for every taxonomy field of a form;
:class:`TaxonomyPageForm`, the base form of every listing type (built-in or plugin) and of organisations, has it.
"""

from __future__ import annotations

from django import forms
from wagtail.models import Locale

from wegweiser.site.models.taxonomies import Taxonomy
from wegweiser.site.page_forms import PortalPageForm
from wegweiser.site.taxonomy_labels import term_names


class TaxonomyChoiceMixin:
    """A model choice field over a taxonomy: the default locale's terms, named in the active language."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset.filter(locale=Locale.get_default()), **kwargs)

    def label_from_instance(self, obj) -> str:
        return term_names(type(obj)).get(obj.slug) or obj.name

    def prepare_value(self, value):
        """A page that points to another translation of a term shows that term ticked."""
        prepared = super().prepare_value(value)
        if isinstance(prepared, list | tuple):
            return [self._in_default_locale(pk) for pk in prepared]
        return self._in_default_locale(prepared)

    def _in_default_locale(self, pk):
        if pk in (None, ""):
            return pk
        if not hasattr(self, "_pk_by_slug"):
            self._pk_by_slug = dict(self.queryset.values_list("slug", "pk"))
        if str(pk) in {str(known) for known in self._pk_by_slug.values()}:
            return pk
        slug = self.queryset.model.objects.filter(pk=pk).values_list("slug", flat=True).first()
        return self._pk_by_slug.get(slug, pk)


class TaxonomyChoiceField(TaxonomyChoiceMixin, forms.ModelChoiceField):
    """One term (a district): a select list with each term once."""


class TaxonomyMultipleChoiceField(TaxonomyChoiceMixin, forms.ModelMultipleChoiceField):
    """Several terms (topics, target groups, languages): a group of checkboxes."""

    widget = forms.CheckboxSelectMultiple


def taxonomy_field(field: forms.ModelChoiceField) -> forms.ModelChoiceField:
    """The taxonomy picker that replaces the model field's default ``field``, with its label and help."""
    common = {"required": field.required, "label": field.label, "help_text": field.help_text}
    if isinstance(field, forms.ModelMultipleChoiceField):
        return TaxonomyMultipleChoiceField(field.queryset, **common)
    return TaxonomyChoiceField(field.queryset, empty_label=field.empty_label, **common)


class TaxonomyFormMixin:
    """Every field of the form that picks taxonomy terms becomes a taxonomy picker."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in list(self.fields.items()):
            model = getattr(getattr(field, "queryset", None), "model", None)
            if (
                model is not None
                and issubclass(model, Taxonomy)
                and not isinstance(field, TaxonomyChoiceMixin)
            ):
                self.fields[name] = taxonomy_field(field)


class TaxonomyPageForm(TaxonomyFormMixin, PortalPageForm):
    """The base form of every listing type's and organisation's editor; a listing type's own form subclasses it."""
