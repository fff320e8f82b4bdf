"""The finder's own table of searchable words, and full text matching through it (PostgreSQL, SQLite).

Every published listing has one :class:`~wegweiser.search.models.SearchText` row: its title, summary
and search description (what the ``LIKE`` matching of the database backend looks at) followed by their
word forms (:func:`~wegweiser.search.wording.index_forms`: folded stems and compound parts). On
PostgreSQL the migration adds a generated ``tsvector`` column (configuration ``simple``: no stemming
surprises, the forms come from Python) with a GIN index, and a text query becomes
``vector @@ to_tsquery('simple', …)`` with prefix matching per word. On SQLite a migration adds an
external-content FTS5 table over the same rows (:data:`FTS_TABLE`, tokenizer ``unicode61
remove_diacritics 0``, kept in step by triggers), and a text query becomes an FTS5 ``MATCH`` with the
same meaning: per typed word any of its forms as a prefix, all words required, several-word synonyms
as phrases.

The rows follow the content: publishing writes a page's row and unpublishing removes it in the same
transaction (:mod:`wegweiser.search.signals`), deleting a page removes it (``CASCADE``), the index sync
task refreshes them whether or not Elasticsearch is configured, ``manage.py search_reindex`` rebuilds
them all, and after ``migrate`` the rows of listings published before this table existed are added.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from wegweiser.search.models import SearchText
from wegweiser.search.wording import index_forms, query_forms, query_units, word_variants
from wegweiser.site.registry import listing_type_for_model, listing_types

TEXT_FIELDS = ("title", "summary", "search_description")
#: The GIN index the migration creates on PostgreSQL (tests look for it in query plans).
VECTOR_INDEX = "finder_searchtext_vector_gin"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
#: The FTS5 table the migration creates on SQLite over ``finder_searchtext(text)``.
FTS_TABLE = "finder_searchtext_fts"
#: FTS5's ``unicode61`` splits at ``_`` too, so only letters and digits make an FTS5 token.
_FTS_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
#: PostgreSQL does not index words longer than 2,047 bytes; a typed token is cut well below that.
_MAX_TOKEN = 100


def page_text(page) -> str:
    """What a listing is found by: its texts, then their word forms."""
    text = "\n".join(str(getattr(page, field, "") or "") for field in TEXT_FIELDS)
    return f"{text}\n{index_forms(text)}"


def _listing_pages(page_ids: Iterable[int]) -> list:
    """The listings among ``page_ids`` (their specific pages), live or not."""
    pages = []
    for listing_type in listing_types().values():
        pages.extend(listing_type.model.objects.filter(pk__in=list(page_ids)).only(*TEXT_FIELDS, "live"))
    return pages


def store_text(page) -> None:
    """Write (or remove, if it is not live) the searchable text of one listing."""
    if not page.live:
        SearchText.objects.filter(page_id=page.pk).delete()
        return
    SearchText.objects.update_or_create(page_id=page.pk, defaults={"text": page_text(page)})


def remove_text(page_id: int) -> None:
    SearchText.objects.filter(page_id=page_id).delete()


def sync_texts(page_ids: list[int]) -> int:
    """Bring the rows of these pages in line with the database: live listings stored, the rest removed."""
    pages = _listing_pages(page_ids)
    for page in pages:
        store_text(page)
    listed = {page.pk for page in pages}
    SearchText.objects.filter(page_id__in=[pk for pk in page_ids if pk not in listed]).delete()
    return len(pages)


def _fill(queryset, batch_size: int, progress: Callable[[int], object] | None) -> int:
    stored = 0
    page_ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(page_ids), batch_size):
        chunk = page_ids[start : start + batch_size]
        pages = queryset.model.objects.filter(pk__in=chunk).only(*TEXT_FIELDS)
        SearchText.objects.bulk_create(SearchText(page_id=page.pk, text=page_text(page)) for page in pages)
        stored += len(chunk)
        if progress:
            progress(len(chunk))
    return stored


def rebuild_texts(progress: Callable[[int], object] | None = None, batch_size: int = 500) -> int:
    """All rows anew, from every live listing (expired ones too: queries filter on the dates)."""
    with transaction.atomic():  # searches see the old rows until the new ones are complete
        SearchText.objects.all().delete()
        stored = sum(
            _fill(listing_type.model.objects.live(), batch_size, progress)
            for listing_type in listing_types().values()
        )
    if connection.vendor == "postgresql":  # fresh statistics, so the planner knows the new rows
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchText._meta.db_table}")
    rebuild_fts()
    return stored


def rebuild_fts() -> None:
    """On SQLite, rebuild the FTS5 index from the rows (the triggers follow single writes; this is for bulk ones)."""
    if connection.vendor != "sqlite" or FTS_TABLE not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO finder_searchtext_fts(finder_searchtext_fts) VALUES ('rebuild')")


def fill_missing_texts(batch_size: int = 500) -> int:
    """Rows for live listings that have none yet (published before the table existed, or imported)."""
    stored = 0
    for listing_type in listing_types().values():
        missing = listing_type.model.objects.live().exclude(pk__in=SearchText.objects.values("page_id"))
        stored += _fill(missing, batch_size, None)
    if stored:
        rebuild_fts()
    return stored


def is_listing(page) -> bool:
    return listing_type_for_model(type(page)) is not None


# -- matching ---------------------------------------------------------------------------------------
def _lexeme(token: str) -> str:
    """One word as a quoted tsquery lexeme with prefix matching (``'kurs':*``)."""
    token = token[:_MAX_TOKEN].replace("\\", "\\\\").replace("'", "''")
    return f"'{token}':*"


def unit_tsquery(unit: str) -> str | None:
    """Any form of one typed word (or several-word synonym) as tsquery text, or ``None`` if it has no letters.

    Only word characters (``\\w+``) reach the tsquery, each one quoted: what a visitor types can never
    become tsquery syntax (``&``, ``|``, ``!``, ``:*``, parentheses, quotes).
    """
    alternatives = []
    for variant in dict.fromkeys([*word_variants(unit), *query_forms(unit)]):
        tokens = _TOKEN_RE.findall(variant.lower())
        if tokens:
            alternatives.append(" <-> ".join(_lexeme(token) for token in tokens))
    alternatives = list(dict.fromkeys(alternatives))
    if not alternatives:
        return None
    return "(" + " | ".join(f"({alternative})" for alternative in alternatives) + ")"


def _phrase_part(token: str) -> str:
    """One word as a double-quoted FTS5 string with prefix matching (``"kurs"*``)."""
    return '"' + token[:_MAX_TOKEN].replace('"', '""') + '"*'


def unit_fts_query(unit: str) -> str | None:
    """Any form of one typed word (or several-word synonym) as an FTS5 query, or ``None`` if it has no letters.

    The same meaning as :func:`unit_tsquery`: each form's words as prefixes, several words as a phrase
    (``"deutsch"* + "kurs"*``), the forms ORed. Only letters and digits reach the query, each one
    double-quoted, so nothing typed can become FTS5 syntax (``AND``, ``NEAR``, ``*``, ``^``, columns).
    """
    alternatives = []
    for variant in dict.fromkeys([*word_variants(unit), *query_forms(unit)]):
        tokens = _FTS_TOKEN_RE.findall(variant.lower())
        if tokens:
            alternatives.append(" + ".join(_phrase_part(token) for token in tokens))
    alternatives = list(dict.fromkeys(alternatives))
    if not alternatives:
        return None
    return "(" + " OR ".join(f"({alternative})" for alternative in alternatives) + ")"


def full_text_enabled() -> bool:
    """Whether text queries on this database go through the finder's full text index.

    ``WEGWEISER_SEARCH["POSTGRES_FULL_TEXT"]`` on PostgreSQL, ``["SQLITE_FULL_TEXT"]`` on SQLite (both on
    by default); other databases match substrings.
    """
    options = settings.WEGWEISER_SEARCH
    if connection.vendor == "postgresql":
        return bool(options.get("POSTGRES_FULL_TEXT"))
    if connection.vendor == "sqlite":
        return bool(options.get("SQLITE_FULL_TEXT"))
    return False


def full_text_condition(words: list[str], like: Callable[[str], Q]) -> Q:
    """Every word found in a listing's stored words; a word without letters keeps the ``LIKE`` match."""
    sqlite = connection.vendor == "sqlite"
    unit_query = unit_fts_query if sqlite else unit_tsquery
    parts, condition = [], Q()
    for unit in query_units(words):
        part = unit_query(unit)
        if part is None:
            condition &= like(unit)
        else:
            parts.append(part)
    if not parts:
        return condition
    if sqlite:
        matching = RawSQL(
            "SELECT s.page_id FROM finder_searchtext s WHERE s.id IN "
            "(SELECT rowid FROM finder_searchtext_fts WHERE finder_searchtext_fts MATCH %s)",
            (" AND ".join(parts),),
        )
        return condition & Q(pk__in=matching)
    matching = SearchText.objects.filter(
        RawSQL("vector @@ to_tsquery('simple', %s)", (" & ".join(parts),), output_field=BooleanField())
    )
    return condition & Q(pk__in=matching.values("page_id"))
