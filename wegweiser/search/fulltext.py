"""The search's own tables of searchable words and facet values, and full text matching (PostgreSQL, SQLite).

Every published listing has one :class:`~wegweiser.search.models.SearchText` row: its title, summary
and search description (what the ``LIKE`` matching of the database backend looks at) followed by their
word forms (:func:`~wegweiser.search.wording.index_forms`: folded stems and compound parts). On
PostgreSQL the migration adds a generated ``tsvector`` column (configuration ``simple``: no stemming
surprises, the forms come from Python) with a GIN index, and a text query becomes
``vector @@ to_tsquery('simple', …)`` with prefix matching per typed word (a synonym's forms whole). On SQLite a migration adds an
external-content FTS5 table over the same rows (:data:`FTS_TABLE`, tokenizer ``unicode61
remove_diacritics 0``, its rowid the page, kept in step by triggers), and a text query becomes an FTS5 ``MATCH`` with the
same meaning: per typed word any of its forms as a prefix and its synonyms' forms as whole words, all
words required, several-word synonyms as phrases.

Beside its text, every published listing has one narrow row
(:class:`~wegweiser.search.models.SearchListing`: its type, language, validity, place and its facet values,
``"topic:sprache"`` and one ``"type:offer"``, as numbers, and its title and summary folded), which the
database backend counts a result's facets from and ranks its hits by.

The rows follow the content: publishing writes a page's rows and unpublishing removes them in the same
transaction (:mod:`wegweiser.search.signals`), a save of a live listing refreshes the dates, the place and
the folded title and summary of its narrow row, deleting a page removes it (``CASCADE``), the index sync
task refreshes them whether or not Elasticsearch is configured, ``manage.py search_reindex`` rebuilds
them all, a term given another slug or name refreshes its listings' rows (the sync task), and after
``migrate`` the rows of listings published before these tables existed are added.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from wegweiser.search.facet_values import facet_keys, type_key
from wegweiser.search.listing_terms import TOPIC_FACET, term_texts
from wegweiser.search.models import SearchKey, SearchListing, SearchText
from wegweiser.search.vocabulary import forget_all, known_stems, learn, split_compound, vocabulary_words
from wegweiser.search.wording import (
    SHORTEST_BEGINNING,
    begins_compounds,
    fold,
    index_forms,
    is_short_word,
    joined_parts,
    listed_forms,
    query_forms,
    ranked_form,
    short_stem,
    stem,
    synonym_forms,
    synonyms_of,
    tokens,
    typed_variants,
    without_marks,
    word_variants,
)
from wegweiser.site.facets import facet_values
from wegweiser.site.registry import ListingType, listing_type_for_model, listing_types

TEXT_FIELDS = ("title", "summary", "search_description")
#: The GIN index the migration creates on PostgreSQL (tests look for it in query plans).
VECTOR_INDEX = "search_searchtext_vector_gin"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
#: The FTS5 table the migration creates on SQLite over ``search_searchtext(text)``.
FTS_TABLE = "search_searchtext_fts"
#: A published listing's rows in the search's own tables: written together, removed together.
SEARCH_ROWS = (SearchText, SearchListing)
FTS_REBUILD = "INSERT INTO search_searchtext_fts(search_searchtext_fts) VALUES ('rebuild')"
#: The FTS5 table, its triggers and its first filling, as migration 0009 creates them on SQLite. Its rowid is
#: the row's page, so a match is a set of page ids without a lookup in the rows (at 100,000 matches that
#: lookup cost 0.1 s a query, and a search asks twice).
FTS_SQL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_searchtext_fts USING fts5("
    "text, content='search_searchtext', content_rowid='page_id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER IF NOT EXISTS search_searchtext_fts_insert AFTER INSERT ON search_searchtext BEGIN "
    "INSERT INTO search_searchtext_fts(rowid, text) VALUES (new.page_id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS search_searchtext_fts_delete AFTER DELETE ON search_searchtext BEGIN "
    "INSERT INTO search_searchtext_fts(search_searchtext_fts, rowid, text) "
    "VALUES ('delete', old.page_id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS search_searchtext_fts_update AFTER UPDATE ON search_searchtext BEGIN "
    "INSERT INTO search_searchtext_fts(search_searchtext_fts, rowid, text) "
    "VALUES ('delete', old.page_id, old.text); "
    "INSERT INTO search_searchtext_fts(rowid, text) VALUES (new.page_id, new.text); END",
    FTS_REBUILD,
]
#: FTS5's ``unicode61`` splits at ``_`` too, so only letters and digits make an FTS5 token.
_FTS_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
#: PostgreSQL does not index words longer than 2,047 bytes; a typed token is cut well below that.
_MAX_TOKEN = 100


def page_text(page, terms: str = "", known: frozenset[str] | None = None) -> str:
    """What a listing is found by: its texts and its terms' names in every language, then their word forms.

    Without the marks that are not letters (:func:`~wegweiser.search.wording.without_marks`), as the words are
    read everywhere else: PostgreSQL's and FTS5's parsers split "کلاس‌های" at its zero-width non-joiner into
    "کلاس" and "های" (a suffix alone found 34 listings on the demo), where the Elasticsearch documents' words
    and every typed word have the one word "کلاسهای".
    """
    text = without_marks("\n".join(str(getattr(page, field, "") or "") for field in TEXT_FIELDS))
    if terms:
        text = f"{text}\n{without_marks(terms)}"
    return f"{text}\n{index_forms(text, known)}"


def _own_text(page) -> str:
    return "\n".join(str(getattr(page, field, "") or "") for field in TEXT_FIELDS)


#: The listings whose rows wait for the end of :func:`stored_once` (``None``: outside it, rows are written at once).
_waiting: ContextVar[set[int] | None] = ContextVar("wegweiser_search_rows_waiting", default=None)


@contextmanager
def stored_once() -> Iterator[None]:
    """Inside it, the rows of a listing published, saved or unpublished are brought up to date once, at the
    end (:func:`sync_texts`), not at each publish and save: the demo town saves each of its pages four or
    five times, and each store cost about a dozen queries. Nothing inside may read the rows of the listings
    it changes. An exception leaves the rows as they were (the caller's transaction is rolled back)."""
    waiting: set[int] = set()
    token = _waiting.set(waiting)
    try:
        yield
    finally:
        _waiting.reset(token)
    sync_texts(sorted(waiting))


def _wait(page_id: int) -> bool:
    """Inside :func:`stored_once`: the listing's rows are written at its end."""
    waiting = _waiting.get()
    if waiting is None:
        return False
    waiting.add(page_id)
    return True


def store_text(page) -> None:
    """Write (or remove, if it is not live) the searchable text and facet values of one listing; learn its words."""
    if _wait(page.pk):
        return
    if not page.live:
        remove_text(page.pk)
        return
    listing_type = listing_type_for_model(type(page))
    if listing_type is None:
        SearchText.objects.update_or_create(page_id=page.pk, defaults={"text": page_text(page)})
        return
    _store(listing_type, [page])


def _store(listing_type: ListingType, pages: list) -> None:
    """The rows of these live listings of one type anew: their text (its words learnt first) and facets."""
    page_ids = [page.pk for page in pages]
    values = facet_values(listing_type, page_ids)
    terms = term_texts(listing_type, page_ids, values)
    learn(vocabulary_words([*(_own_text(page) for page in pages), *terms.values()]))
    known = known_stems()
    for page in pages:
        text = page_text(page, terms.get(page.pk, ""), known)
        SearchText.objects.update_or_create(page_id=page.pk, defaults={"text": text})
    store_listing_rows(listing_type, values, page_ids)


def store_listing_rows(
    listing_type: ListingType, values: dict[int, dict[str, list[str]]], page_ids: list[int]
) -> None:
    """The narrow rows (:class:`~wegweiser.search.models.SearchListing`) of these listings anew: their type,
    language, validity, place, the numbers of their type's value and facet values (``values``), their
    title and summary folded (:func:`folded_text`), their number of topics and their organisation's
    translation key.

    Inserted without model instances, on PostgreSQL through ``COPY``: a full rebuild writes 100,000 rows at
    100,000 listings.
    """
    _delete(SearchListing.objects.filter(page_id__in=page_ids))
    keys = {pk: [type_key(listing_type), *facet_keys(values.get(pk, {}))] for pk in page_ids}
    codes = numbered_keys({key for found in keys.values() for key in found})
    values_of = ("locale_id", "translation_key", *LISTING_FIELDS)
    names = (
        "page",
        "listing_type",
        *values_of,
        *FOLDED_FIELDS.values(),
        "keys",
        "topic_count",
        "organisation_key",
    )
    fields = [SearchListing._meta.get_field(name) for name in names]
    rows = []
    for pk, *columns, organisation in listing_type.model.objects.filter(pk__in=page_ids).values_list(
        "pk", *values_of, *FOLDED_FIELDS, "organisation__translation_key"
    ):
        copied, texts = columns[: len(values_of)], columns[len(values_of) :]
        codes_of = sorted(codes[key] for key in keys[pk])
        topics = len(values.get(pk, {}).get(TOPIC_FACET, []))
        rows.append((pk, listing_type.key, *copied, *map(folded_text, texts), codes_of, topics, organisation))
    _insert(
        SearchListing,
        tuple(field.column for field in fields),
        [
            tuple(
                field.get_db_prep_value(value, connection) for field, value in zip(fields, row, strict=True)
            )
            for row in rows
        ],
    )


#: What :class:`~wegweiser.search.models.SearchListing` copies of a listing besides its type, language and
#: facet values, and so what a save of a live listing refreshes (:func:`store_saved_values`).
LISTING_FIELDS = ("valid_from", "valid_until", "latitude", "longitude")
#: The texts :class:`~wegweiser.search.models.SearchListing` keeps folded (:func:`folded_text`), with their
#: columns there; a save of a live listing refreshes them too.
FOLDED_FIELDS = {"title": "title_folded", "summary": "summary_folded"}
#: A live listing's fields whose save refreshes its row (:func:`store_saved_values`).
SAVED_FIELDS = frozenset([*LISTING_FIELDS, *FOLDED_FIELDS])


def folded_text(text: str | None) -> str:
    """A title or summary as both backends rank it (:func:`~wegweiser.search.wording.ranked_form`): folded as
    searched words are, in the rows' ``title_folded`` and ``summary_folded`` and the Elasticsearch documents'."""
    return ranked_form(text or "")


def _insert(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert rows without model instances, on PostgreSQL through ``COPY``."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608 - own table


def key_numbers(keys: set[str]) -> dict[str, int]:
    """The numbers of these facet values (:class:`~wegweiser.search.models.SearchKey`), one query; a value no
    listing has ever carried has none."""
    return dict(SearchKey.objects.filter(key__in=keys).values_list("key", "id")) if keys else {}


def numbered_keys(keys: set[str]) -> dict[str, int]:
    """The numbers of these facet values, new ones given one (for writing a listing's row)."""
    numbers = key_numbers(keys)
    missing = keys - numbers.keys()
    if missing:
        SearchKey.objects.bulk_create([SearchKey(key=key) for key in sorted(missing)], ignore_conflicts=True)
        numbers.update(key_numbers(missing))
    return numbers


def store_saved_values(page) -> None:
    """A live listing saved (not published): its row's validity, place and folded title and summary as the
    page has them now, since the search counts by the first and ranks by the others (expiry needs no save:
    queries compare the dates with today). A script or an import may change a live title in place."""
    if _wait(page.pk):
        return
    SearchListing.objects.filter(page_id=page.pk).update(
        **{field: getattr(page, field, None) for field in LISTING_FIELDS},
        **{column: folded_text(getattr(page, field, "")) for field, column in FOLDED_FIELDS.items()},
    )


def _delete(queryset) -> None:
    """Delete rows in one statement. ``QuerySet.delete()`` would first read every row: receivers of
    ``post_delete`` for all senders (the search's own) keep Django from deleting them unread, and
    nothing listens to the deletion of these rows."""
    queryset._raw_delete(queryset.db)


def remove_text(page_id: int) -> None:
    if _wait(page_id):
        return
    for model in SEARCH_ROWS:
        _delete(model.objects.filter(page_id=page_id))


def sync_texts(page_ids: list[int], batch_size: int = 500) -> int:
    """Bring the rows of these pages in line with the database: live listings stored, the rest removed."""
    page_ids = list(page_ids)
    stored = 0
    live: set[int] = set()
    for listing_type in listing_types().values():
        pages = list(listing_type.model.objects.filter(pk__in=page_ids).only(*TEXT_FIELDS, "live"))
        stored += len(pages)
        pages = [page for page in pages if page.live]
        live.update(page.pk for page in pages)
        for start in range(0, len(pages), batch_size):
            _store(listing_type, pages[start : start + batch_size])
    gone = [pk for pk in page_ids if pk not in live]
    if gone:
        for model in SEARCH_ROWS:
            _delete(model.objects.filter(page_id__in=gone))
    return stored


def _chunks(listing_type: ListingType, queryset, batch_size: int):
    """The pages of ``queryset`` in chunks, with their facet values and their terms' names:
    ``(pages, {pk: facet values}, {pk: terms})``."""
    page_ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(page_ids), batch_size):
        chunk = page_ids[start : start + batch_size]
        pages = list(listing_type.model.objects.filter(pk__in=chunk).only(*TEXT_FIELDS))
        values = facet_values(listing_type, chunk)
        yield pages, values, term_texts(listing_type, chunk, values)


def _learn(listing_type: ListingType, queryset, batch_size: int) -> None:
    """The words of these listings into the vocabulary, before any is indexed (so compounds split alike)."""
    for pages, _values, terms in _chunks(listing_type, queryset, batch_size):
        learn(vocabulary_words([*(_own_text(page) for page in pages), *terms.values()]))


def _fill(listing_type, queryset, batch_size: int, progress: Callable[[int], object] | None) -> int:
    """The rows of these listings, written in bulk (replacing any they had)."""
    stored = 0
    known = known_stems()
    for pages, values, terms in _chunks(listing_type, queryset, batch_size):
        page_ids = [page.pk for page in pages]
        _delete(SearchText.objects.filter(page_id__in=page_ids))
        SearchText.objects.bulk_create(
            SearchText(page_id=page.pk, text=page_text(page, terms.get(page.pk, ""), known)) for page in pages
        )
        store_listing_rows(listing_type, values, page_ids)
        stored += len(pages)
        if progress:
            progress(len(pages))
    return stored


def rebuild_texts(progress: Callable[[int], object] | None = None, batch_size: int = 500) -> int:
    """All rows anew, from every live listing (expired ones too: queries filter on the dates)."""
    with transaction.atomic():  # searches see the old rows until the new ones are complete
        for model in SEARCH_ROWS:
            _delete(model.objects.all())
        forget_all()
        types = list(listing_types().values())
        for listing_type in types:
            _learn(listing_type, listing_type.model.objects.live(), batch_size)
        stored = sum(
            _fill(listing_type, listing_type.model.objects.live(), batch_size, progress)
            for listing_type in types
        )
    if connection.vendor == "postgresql":
        # Fresh statistics, so the planner knows the new rows; and, where no transaction is open around
        # the rebuild, VACUUM marks them visible to everyone, so that reads of their indexes need not visit
        # the rows (index-only scans).
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            for model in SEARCH_ROWS:
                cursor.execute(f"{command} {model._meta.db_table}")
    rebuild_fts()
    return stored


def rebuild_fts() -> None:
    """On SQLite, rebuild the FTS5 index from the rows (the triggers follow single writes; this is for bulk ones)."""
    if connection.vendor != "sqlite" or FTS_TABLE not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute(FTS_REBUILD)


def fill_missing_texts(batch_size: int = 500) -> int:
    """Rows for live listings that have none yet (published before the tables existed, or imported)."""
    stored = 0
    missing = {}
    for listing_type in listing_types().values():
        missing[listing_type] = listing_type.model.objects.live().filter(
            ~Q(pk__in=SearchText.objects.values("page_id"))
            | ~Q(pk__in=SearchListing.objects.values("page_id"))
        )
    for listing_type, queryset in missing.items():
        _learn(listing_type, queryset, batch_size)
    for listing_type, queryset in missing.items():
        stored += _fill(listing_type, queryset, batch_size, None)
    if stored:
        rebuild_fts()
    return stored


def is_listing(page) -> bool:
    return listing_type_for_model(type(page)) is not None


# -- matching ---------------------------------------------------------------------------------------
class Way(NamedTuple):
    """One way a typed word is found: these words (``phrase``: in a row, else anywhere in the listing), each
    the beginning of a stored word, or with ``whole`` a whole stored word (a synonym's forms); the ``short``
    ones whole among beginnings (a compound's parts whose stem is shorter than
    :data:`~wegweiser.search.wording.SHORTEST_BEGINNING`: "kur" of "Deutschkurs" is the word "Kurs", not the
    beginning of "Kurdisch", "Kürtçe" or "kurz")."""

    words: tuple[str, ...]
    phrase: bool
    whole: bool = False
    short: frozenset[str] = frozenset()

    def is_whole(self, word: str) -> bool:
        return self.whole or word in self.short


def _in_a_row(words: tuple[str, ...], typed: list[str]) -> Way:
    """Words in a row, each the beginning of a stored word; one shorter than
    :data:`~wegweiser.search.wording.SHORTEST_BEGINNING` that was not typed as it is (a stem, "kur" of
    "Deutsch-Kurs", or a word of a several-word synonym, "dil" of "dil kursu") a whole stored word."""
    if len(words) == 1:
        return Way(words, True)
    return Way(
        words, True, short=frozenset(w for w in words if len(w) < SHORTEST_BEGINNING and w not in typed)
    )


def _parts(words: list[str], whole: bool = False) -> Way:
    """The parts of one word, anywhere in the listing; a short one (``kur``) a whole stored word."""
    return Way(
        tuple(words), False, whole=whole, short=frozenset(w for w in words if len(w) < SHORTEST_BEGINNING)
    )


def unit_alternatives(unit: str) -> list[Way]:
    """The ways one typed word (or several-word synonym) can be found, any of them.

    What was typed, in its spellings and stems, begins a stored word ("Deutschk" finds "Deutschkurs"); a
    stem shorter than :data:`~wegweiser.search.wording.SHORTEST_BEGINNING` of a longer typed word is a whole
    stored word, and the typed word a beginning ("віза" is "виз" and "віза…", not every "визнання"); a
    compound also as all of its known parts ("deutschkurs" as "deutsch" and "kurs", anywhere in the
    listing, a short one whole); a hyphenated word also as one ("Deutsch-Kurs"); a word a zero-width
    non-joiner joins also as its words in a row ("کلاس‌های" finds "کلاس های"). A synonym's stem and its
    compound parts are whole stored forms ("German course" finds "Kurs für Deutsch" as "Deutschkurs" does), a
    German compound part among them also the beginning of one
    (:func:`~wegweiser.search.wording.begins_compounds`), and a several-word synonym is its words in a row,
    each the beginning of a word, a short one a whole word (:func:`_in_a_row`).
    """
    found: list[Way] = []
    typed = [] if " " in unit else [stem(unit)]
    spellings = typed_variants(unit)
    if short := short_stem(unit):
        found.append(Way((short[0],), True, whole=True))
        typed, spellings = [short[1]], [unit.lower()]
    if is_short_word(unit):  # "ev" is the word "ev", not the beginning of "event"
        found.extend(Way((word,), True, whole=True) for word in dict.fromkeys([stem(unit), *tokens(unit)]))
        typed, spellings = [], []
    several_words = [synonym for synonym in synonyms_of(unit) if " " in synonym]
    if " " in unit:  # the list's own form of a phrase typed in another ("کلاس زبان" for "کلاسهای زبان")
        several_words.extend(listed_forms(unit))
    as_typed = tokens(unit)
    if len(as_typed) > 1 and " " not in unit:  # "Deutsch-Kurs": "deutsch kur" below, and as typed
        spellings = [*spellings, unit.lower()]
    if " " not in unit and (parts := joined_parts(unit)):  # "کلاس‌های" also as written apart, "کلاس های"
        found.append(_in_a_row(tuple(parts), as_typed))
    for variant in dict.fromkeys([*spellings, *several_words, *typed]):
        if words := tuple(tokens(variant)):
            found.append(_in_a_row(words, as_typed))
    for form in synonym_forms(unit):
        if words := tuple(tokens(form)):
            found.append(Way(words, True, whole=not begins_compounds(form)))
    if " " not in unit:
        words = tokens(unit)
        if len(words) > 1:  # "Deutsch-Kurs": its words anywhere, and the compound they make
            found.append(_parts([stem(word) for word in words]))
            found.append(Way((stem("".join(words)),), True))
        elif words:
            parts = split_compound(words[0], known_stems())
            if len(parts) > 1:
                found.append(_parts(parts))
    for synonym in synonyms_of(unit):
        words = tokens(synonym)
        if len(words) == 1:
            parts = split_compound(words[0], known_stems())
            if len(parts) > 1:
                found.append(_parts(parts, whole=True))
    return list(dict.fromkeys(found))


def _lexeme(token: str, whole: bool = False) -> str:
    """One word as a quoted tsquery lexeme, with prefix matching (``'kurs':*``) unless ``whole``."""
    token = token[:_MAX_TOKEN].replace("\\", "\\\\").replace("'", "''")
    return f"'{token}'" if whole else f"'{token}':*"


def unit_tsquery(unit: str | list[str]) -> str | None:
    """Any form of one typed word (or of its corrections) as tsquery text, or ``None`` if it has no letters.

    Only word characters reach the tsquery, each one quoted: what a visitor types can never become
    tsquery syntax (``&``, ``|``, ``!``, ``:*``, parentheses, quotes).
    """
    return _unit_query(unit, _lexeme, in_a_row=" <-> ", all_of=" & ", any_of=" | ")


def _phrase_part(token: str, whole: bool = False) -> str:
    """One word as a double-quoted FTS5 string, with prefix matching (``"kurs"*``) unless ``whole``."""
    return '"' + token[:_MAX_TOKEN].replace('"', '""') + ('"' if whole else '"*')


def unit_fts_query(unit: str | list[str]) -> str | None:
    """Any form of one typed word (or of its corrections) as an FTS5 query, or ``None`` if it has no letters.

    The same meaning as :func:`unit_tsquery`: each form's words as prefixes (a synonym's as whole words,
    ``"arbeit"``), a phrase's words in a row (``"deutsch"* + "kurs"*``), a compound's parts anywhere
    (``"deutsch"* AND "kur"*``), the forms ORed.
    Only letters and digits reach the query, each one double-quoted, so nothing typed can become FTS5
    syntax (``AND``, ``NEAR``, ``*``, ``^``, columns).
    """
    return _unit_query(unit, _phrase_part, in_a_row=" + ", all_of=" AND ", any_of=" OR ")


def _unit_query(unit: str | list[str], word_query, *, in_a_row: str, all_of: str, any_of: str) -> str | None:
    """The forms of a typed word in one query language: each form's words joined (``in_a_row`` for a phrase,
    ``all_of`` for a compound's parts), the forms joined by ``any_of``; ``None`` when no form has a word."""
    alternatives = []
    for alternative in [unit] if isinstance(unit, str) else unit:
        for way in unit_alternatives(alternative):
            joined = (in_a_row if way.phrase else all_of).join(
                word_query(word, way.is_whole(word)) for word in way.words
            )
            alternatives.append(f"({joined})")
    alternatives = list(dict.fromkeys(alternatives))
    return "(" + any_of.join(alternatives) + ")" if alternatives else None


def full_text_enabled() -> bool:
    """Whether text queries on this database go through the search's full text index.

    ``WEGWEISER_SEARCH["POSTGRES_FULL_TEXT"]`` on PostgreSQL, ``["SQLITE_FULL_TEXT"]`` on SQLite (both on
    by default); other databases match substrings.
    """
    options = settings.WEGWEISER_SEARCH
    if connection.vendor == "postgresql":
        return bool(options.get("POSTGRES_FULL_TEXT"))
    if connection.vendor == "sqlite":
        return bool(options.get("SQLITE_FULL_TEXT"))
    return False


def _like_rows(unit: list[str]) -> Q:
    """Substring matching of the stored rows (databases without full text): any spelling of any alternative."""
    condition = Q(pk__in=[])
    for alternative in unit:
        for variant in [*word_variants(alternative), *query_forms(alternative)]:
            condition |= Q(text__icontains=variant) | Q(text__icontains=fold(variant))
    return condition


def matching_rows(units: list[list[str]], any_unit: bool = False):
    """The stored rows (``SearchText``) that contain every unit (or, with ``any_unit``, at least one).

    A unit is a list of alternatives: one typed word, or the known words it was taken for.
    """
    if not full_text_enabled():
        condition = Q() if not any_unit else Q(pk__in=[])
        for unit in units:
            condition = condition | _like_rows(unit) if any_unit else condition & _like_rows(unit)
        return SearchText.objects.filter(condition)
    if connection.vendor == "sqlite":
        return SearchText.objects.filter(page_id__in=matching_pages(units, any_unit))
    parts = [part for part in (unit_tsquery(unit) for unit in units) if part]
    if not parts:
        return SearchText.objects.none()
    expression = (" | " if any_unit else " & ").join(parts)
    return SearchText.objects.filter(
        RawSQL("vector @@ to_tsquery('simple', %s)", (expression,), output_field=BooleanField())
    )


def matching_pages(units: list[list[str]], any_unit: bool = False):
    """The pages whose rows contain every unit (or at least one), for ``pk__in``: on SQLite straight from the
    FTS5 index (its rowid is the page), elsewhere the ``page_id`` of :func:`matching_rows`."""
    if full_text_enabled() and connection.vendor == "sqlite":
        parts = [part for part in (unit_fts_query(unit) for unit in units) if part]
        return _fts_pages(parts, any_unit) if parts else []
    return matching_rows(units, any_unit).values("page_id")


def _fts_pages(parts: list[str], any_unit: bool) -> RawSQL:
    expression = (" OR " if any_unit else " AND ").join(parts)
    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", (expression,))  # noqa: S608, S611 - our table, the match a parameter
