"""Taxonomy labels in the visitor's language without a query per term.

Terms are few and change rarely, so each taxonomy's ``slug -> name`` map per language is cached and
rebuilt when a term is saved or deleted. A term without a translation keeps its German name, and says so
(:class:`TermName`), so that a page can mark it ``lang="de"``.
"""

from __future__ import annotations

from django.conf import settings

from wegweiser.site.cache_generations import bump, generation, kept_in_process
from wegweiser.site.listings import visitor_language

_GENERATION_KEY = "wegweiser:taxonomy-generation"


class TermName(str):
    """A term's name together with the language it is written in (the default one when untranslated)."""

    lang: str

    def __new__(cls, name: str, lang: str) -> TermName:
        value = super().__new__(cls, name)
        value.lang = lang
        return value

    def __getnewargs__(self) -> tuple[str, str]:
        """Both arguments for unpickling: names are kept in the (possibly shared) cache."""
        return str(self), self.lang


def taxonomy_generation() -> int:
    """Changes whenever a term of any taxonomy is saved or deleted: part of every key of term labels."""
    return generation(_GENERATION_KEY)


def invalidate() -> None:
    bump(_GENERATION_KEY)


def term_names(model, language: str | None = None) -> dict[str, TermName]:
    """``slug -> name`` in ``language`` (default: active), falling back to the default locale's name.

    Kept in the process under the taxonomy's generation: a finder page labels some seventy terms, and
    reading and unpickling the whole map each time was a fifth of its rendering."""
    language = (language or visitor_language()).split("-")[0]
    key = f"wegweiser:term-names:{model._meta.label_lower}:{language}:{taxonomy_generation()}"
    return dict(kept_in_process(key, lambda: _names_from_rows(model, language), 24 * 3600))


def _names_from_rows(model, language: str) -> dict[str, TermName]:
    entries: dict[str, TermName] = {}
    rows = model.objects.values_list("slug", "name", "locale__language_code")
    default_language = settings.LANGUAGE_CODE
    for slug, name, code in rows:
        if code == default_language:
            entries.setdefault(slug, TermName(name, code))
    for slug, name, code in rows:
        if code == language:
            entries[slug] = TermName(name, code)
    return entries


def term_labels(model, language: str | None = None) -> dict[str, str]:
    """``slug -> name`` in ``language`` (default: active), falling back to the default locale's name."""
    return term_names(model, language)


def term_choices(model, language: str | None = None) -> list[tuple[str, str]]:
    """Filter choices for a taxonomy, in the model's sort order, labelled in the visitor's language."""
    labels = term_names(model, language)
    order_key = f"wegweiser:termorder:{model._meta.label_lower}:{taxonomy_generation()}"
    order = kept_in_process(order_key, lambda: _order_from_rows(model), 24 * 3600)
    return [(slug, labels.get(slug, slug)) for slug in order]


def _order_from_rows(model) -> tuple[str, ...]:
    slugs = model.objects.order_by("sort_order", "name").values_list("slug", flat=True)
    return tuple(dict.fromkeys(slugs))


def localized_label(term) -> TermName:
    """The term's name in the visitor's language, or its German name (marked as such) if untranslated."""
    return term_names(type(term)).get(term.slug) or TermName(term.name, term.locale.language_code)
