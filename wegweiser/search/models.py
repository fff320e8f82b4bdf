"""What the finder stores: an anonymous log of searches, and the editable synonym list."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SearchQueryLog(models.Model):
    """One search as the office's reports see it: what was asked and how much was found.

    Deliberately without IP address, user, session or anything else that could identify a visitor.
    """

    query_text = models.CharField(_("search words"), max_length=200, blank=True)
    locale = models.CharField(_("language"), max_length=10)
    listing_types = models.JSONField(_("listing types"), default=list, blank=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    result_count = models.IntegerField(_("number of results"))
    backend = models.CharField(_("search backend"), max_length=20)
    took_ms = models.IntegerField(_("time taken (ms)"))
    created_at = models.DateTimeField(_("searched at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("logged search")
        verbose_name_plural = _("logged searches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.query_text or '–'} ({self.result_count})"


class Synonym(models.Model):
    """A group of words that mean the same to a visitor ("Deutschkurs, Sprachkurs, German course").

    People type what they know; providers write what they call it. Every word of a group finds the
    others, in both search backends.
    """

    terms = models.TextField(
        _("words that mean the same"),
        help_text=_(
            'Separated by commas, for example: "Deutschkurs, Sprachkurs, German course, курс німецької".'
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms[:80]

    @property
    def term_list(self) -> list[str]:
        """The group's words, trimmed, lower-cased, without blanks or duplicates, in their given order."""
        seen: list[str] = []
        for term in self.terms.replace("\n", ",").split(","):
            cleaned = " ".join(term.split()).lower()
            if cleaned and cleaned not in seen:
                seen.append(cleaned)
        return seen


class SearchText(models.Model):
    """The searchable words of one published listing, for full text search on PostgreSQL and SQLite.

    ``text`` holds what the database backend matches (title, summary, search description) and the
    word forms of :func:`wegweiser.search.wording.index_forms`. On PostgreSQL the migration adds a
    generated ``vector`` column (``to_tsvector('simple', text)``) with a GIN index, so a text query
    reads the index instead of scanning every listing table; on SQLite a migration adds an FTS5 index
    over ``text`` (``finder_searchtext_fts``, kept in step by triggers). Kept in step with publishing by
    :mod:`wegweiser.search.fulltext`.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    text = models.TextField(_("searchable text"))

    class Meta:
        verbose_name = _("searchable text")
        verbose_name_plural = _("searchable texts")

    def __str__(self) -> str:
        return self.text[:80]


class SearchWord(models.Model):
    """One word of the portal's vocabulary: the words of its listings and of its terms in every language.

    The decompounder splits compounds into words found here ("Asylberatung" into "Asyl" and "Beratung"),
    and "did you mean" and typo tolerance look here for the nearest known word (:mod:`wegweiser.search.vocabulary`).
    """

    word = models.CharField(_("word"), max_length=100, unique=True)
    folded = models.CharField(_("folded word"), max_length=100, db_index=True)
    length = models.PositiveSmallIntegerField(_("length"), db_index=True)

    class Meta:
        verbose_name = _("known word")
        verbose_name_plural = _("known words")

    def __str__(self) -> str:
        return self.word
