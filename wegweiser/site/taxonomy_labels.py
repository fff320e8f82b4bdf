"""Taxonomy labels in the visitor's language without a query per term.

Terms are few and change rarely, so each taxonomy's ``slug -> name`` map per language is cached and
rebuilt when a term is saved or deleted.
"""

from __future__ import annotations

from django.core.cache import cache
from django.utils import translation

from wegweiser.site.cache_generations import bump, generation

_GENERATION_KEY = "wegweiser:taxonomy-generation"


def _generation() -> int:
    return generation(_GENERATION_KEY)


def invalidate() -> None:
    bump(_GENERATION_KEY)


def term_labels(model, language: str | None = None) -> dict[str, str]:
    """``slug -> name`` in ``language`` (default: active), falling back to the default locale's name."""
    from django.conf import settings

    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    key = f"wegweiser:terms:{model._meta.label_lower}:{language}:{_generation()}"
    labels = cache.get(key)
    if labels is None:
        labels = {}
        rows = model.objects.select_related("locale").values_list("slug", "name", "locale__language_code")
        default_language = settings.LANGUAGE_CODE
        for slug, name, code in rows:
            if code == default_language:
                labels.setdefault(slug, name)
        for slug, name, code in rows:
            if code == language:
                labels[slug] = name
        cache.set(key, labels, 24 * 3600)
    return labels


def term_choices(model, language: str | None = None) -> list[tuple[str, str]]:
    """Filter choices for a taxonomy, in the model's sort order, labelled in the visitor's language."""
    labels = term_labels(model, language)
    order_key = f"wegweiser:termorder:{model._meta.label_lower}:{_generation()}"
    order = cache.get(order_key)
    if order is None:
        order = []
        for slug in model.objects.order_by("sort_order", "name").values_list("slug", flat=True):
            if slug not in order:
                order.append(slug)
        cache.set(order_key, order, 24 * 3600)
    return [(slug, labels.get(slug, slug)) for slug in order]


def localized_label(term) -> str:
    return term_labels(type(term)).get(term.slug, term.name)
