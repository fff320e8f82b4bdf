"""What the search stores: an anonymous log of searches, and the editable synonym list."""

from __future__ import annotations

import json

from django.db import IntegrityError, models, transaction
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from wegweiser.site.models.fields import optional_foreign_key
from wegweiser.site.models.mail import owned_mails


class SearchQueryLog(models.Model):
    """One search as the office's reports see it: what was asked and how much was found.

    Deliberately without IP address, user, session or anything else that could identify a visitor.
    """

    query_text = models.CharField(_("search words"), max_length=200, blank=True)
    locale = models.CharField(_("language"), max_length=10)
    listing_types = models.JSONField(_("listing types"), default=list, blank=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    result_count = models.IntegerField(_("number of results"))
    #: Something was found, but the best hits have only part of the words (:attr:`SearchResult.weak`):
    #: for the office's demand report a gap as real as no result at all.
    weak = models.BooleanField(_("only partly found"), default=False)
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
    over ``text`` (``search_searchtext_fts``, kept in step by triggers). Kept in step with publishing by
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


class SearchKey(models.Model):
    """A facet value's number (``"topic:sprache"`` is 12): how :class:`SearchListing` stores a listing's values.

    Numbers, because PostgreSQL counts 100,000 listings' values from arrays of integers in about a third of
    the time it needs for arrays of text. A number, once given, stays with its value.
    """

    id = models.AutoField(primary_key=True)
    key = models.CharField(_("facet value"), max_length=255, unique=True)

    class Meta:
        verbose_name = _("numbered facet value")
        verbose_name_plural = _("numbered facet values")

    def __str__(self) -> str:
        return self.key


class KeyCodes(models.Field):
    """The numbers (:class:`SearchKey`) of a listing's facet values: an ``integer[]`` on PostgreSQL, a JSON
    array (``"[3,12,40]"``, read with ``json_each``) elsewhere."""

    description = "facet value numbers"

    def db_type(self, connection):
        return "integer[]" if connection.vendor == "postgresql" else "text"

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or isinstance(value, list):
            return value
        return [int(code) for code in json.loads(value)]

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        codes = [int(code) for code in value]
        return codes if connection.vendor == "postgresql" else json.dumps(codes, separators=(",", ":"))


@KeyCodes.register_lookup
class CarriesAny(models.Lookup):
    """Whether a listing carries any of these facet values (their numbers): ``keys && ARRAY[…]`` on
    PostgreSQL, a number between commas of the JSON array elsewhere (as the facet counts read it), per ranked
    row without unnesting it."""

    lookup_name = "carries_any"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return ("%s", [])

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        codes = sorted({int(code) for code in self.rhs})
        if not codes:
            return "1 = 0", []
        if connection.vendor == "postgresql":
            return f"{lhs} && ARRAY[{', '.join(map(str, codes))}]::integer[]", params
        bounded = f"(',' || substr({lhs}, 2, length({lhs}) - 2) || ',')"
        carried = " OR ".join(f"instr({bounded}, ',{code},') > 0" for code in codes)
        return f"({carried})", params * 2 * len(codes)


class SearchListing(models.Model):
    """One published listing as a search filters, counts and ranks it, in one narrow row: its type, language,
    validity, place, the numbers of its facet values (:class:`SearchKey`), and its title and summary folded
    as searched words are (:func:`~wegweiser.search.wording.fold`), what the database backend ranks hits by.

    Written with the listing's :class:`SearchText` row (:mod:`wegweiser.search.fulltext`), from the same
    values the FilterSets filter by and the Elasticsearch documents carry in their ``facets`` field
    (:func:`wegweiser.search.facet_values.facet_keys`, and the type's own value ``"type:offer"``). The
    database backend counts a result's facets from these rows, one grouped query per listing type over
    one narrow table (18 MB at 100,000 listings) instead of the listings' pages, their type's table and a
    million rows of facet values joined (bench/SEARCH.md). The dates and the place follow every save of a
    live listing (:mod:`wegweiser.search.signals`), not only publishing, and so do the folded title and
    summary: folded once when the row is written, not for every row a search ranks (at 100,000 listings
    PostgreSQL's ``translate()`` per ranked row cost seconds a search, bench/SEARCH.md), as the
    Elasticsearch documents carry them (``title_folded``, ``summary_folded``). Its number of topics shares out
    what a topic the searched words name counts (:data:`~wegweiser.search.matching.TOPIC_WEIGHT`); its
    organisation's translation key (in every language the same) says which listings a searched organisation's
    name ranks (:data:`~wegweiser.search.matching.ORGANISATION_WEIGHT`).
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_listing",
        verbose_name=_("page"),
    )
    listing_type = models.CharField(_("listing type"), max_length=50)
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("language"),
        db_index=False,
    )
    translation_key = models.UUIDField(_("translation key"))
    valid_from = models.DateField(_("visible from"), null=True, blank=True)
    valid_until = models.DateField(_("visible until"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    keys = KeyCodes(_("facet values"))
    title_folded = models.TextField(_("folded title"))
    summary_folded = models.TextField(_("folded summary"))
    topic_count = models.PositiveSmallIntegerField(_("number of topics"), default=0)
    organisation_key = models.UUIDField(_("organisation's translation key"), null=True, blank=True)

    class Meta:
        verbose_name = _("searched listing")
        verbose_name_plural = _("searched listings")
        indexes = [models.Index(fields=["listing_type", "locale"], name="search_listing_type_locale")]

    def __str__(self) -> str:
        return f"{self.listing_type} {self.page_id}"


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


class PlaceAlertQuerySet(models.QuerySet):
    def active(self, now=None):
        """Confirmed and not yet expired, unsubscribed or erased: the alerts that may get mail."""
        return self.filter(status=PlaceAlert.Status.ACTIVE, expires_at__gt=now or timezone.now())

    def for_email(self, email: str):
        """The alerts of ``email``, however it is capitalised: compared in lower case, as the constraint
        ``search_alert_once_per_address`` compares them. ``iexact`` compares in upper case, which is not the
        same for every letter: "x@İy.example" and "x@Iy.example" are one address in lower case and two in upper
        case, so the lookup missed the alert the constraint then refused a second of (a 500)."""
        return (
            self.alias(address=Lower("email")).filter(address=Lower(Value(email.strip()))).exclude(email="")
        )


class PlaceAlert(models.Model):
    """A visitor's "tell me when something matching opens": the search's criteria and an address.

    The address, the token and the consent are the only personal data. When the alert ends (unsubscribed,
    expired, erased) they are removed and the row stays as an anonymous count for the demand report; an
    alert never confirmed is deleted.
    """

    class Status(models.TextChoices):
        PENDING = "pending"
        ACTIVE = "active"
        ENDED = "ended"

    class EndReason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed"
        EXPIRED = "expired"
        ERASED = "erased"

    email = models.EmailField(blank=True)
    #: A random secret behind every link in the alert's mails; gone once the alert ends.
    token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    language = models.CharField(max_length=10)
    site = optional_foreign_key("wagtailcore.Site")
    text = models.CharField(max_length=200, blank=True)
    listing_types = models.JSONField(default=list, blank=True)
    filters = models.JSONField(default=dict, blank=True)
    near = models.CharField(max_length=100, blank=True)
    radius_km = models.FloatField(null=True, blank=True)
    #: The criteria in one canonical string: alerts asking the same are counted together.
    criteria_key = models.CharField(max_length=64, db_index=True)
    consent_text = models.TextField(blank=True)
    consent_version = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    #: Openings up to this moment have been looked at for this alert.
    checked_until = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    mails_sent = models.PositiveIntegerField(default=0)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = PlaceAlertQuerySet.as_manager()
    outgoing_mails = owned_mails()  # an unconfirmed alert deleted takes its mail not yet sent along

    class Meta:
        indexes = [models.Index(fields=["status", "last_sent_at"], name="search_alert_due_idx")]
        # An address has one alert of the same criteria on a site, waiting or on: a second would mail every
        # opening twice. It also lets only one of two sends at the same moment in.
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "criteria_key",
                "site",
                condition=Q(status__in=["pending", "active"]),
                name="search_alert_once_per_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.pk} ({self.get_status_display()})"

    @classmethod
    def subscribe(
        cls, *, email: str, site, criteria_key: str, language: str, consent: dict, **new
    ) -> tuple[PlaceAlert, bool]:
        """``(alert, created)``. The same address asking for the same criteria on the same site gets its alert
        back (``created`` False) and no second one: one not yet confirmed takes the language and the consent
        given now (its link is mailed again), one that is on stays as it is. One whose time has run out ends
        now (the nightly job has not got to it yet), and a new one begins with ``new``'s fields (the token
        and the criteria).
        """
        email = email.strip()
        now = timezone.now()
        earlier = cls._earlier(email, site, criteria_key)
        if earlier is not None and earlier.status == cls.Status.ACTIVE and earlier.expires_at <= now:
            earlier.end(cls.EndReason.EXPIRED, now)
            earlier = None
        if earlier is None:
            try:
                with transaction.atomic():
                    alert = cls.objects.create(
                        email=email, site=site, criteria_key=criteria_key, language=language, **consent, **new
                    )
                return alert, True
            except IntegrityError:  # the same sent twice at once: the other send made it
                earlier = cls._earlier(email, site, criteria_key)
                if earlier is None:  # refused for another reason than that other send: not to be hidden
                    raise
        if earlier.status == cls.Status.PENDING:
            earlier.language = language
            earlier.consent_text, earlier.consent_version = (
                consent["consent_text"],
                consent["consent_version"],
            )
            earlier.created_at = now  # kept until its new link expires
            earlier.save(update_fields=["language", "consent_text", "consent_version", "created_at"])
        return earlier, False

    @classmethod
    def _earlier(cls, email: str, site, criteria_key: str) -> PlaceAlert | None:
        return (
            cls.objects.for_email(email)
            .filter(site=site, criteria_key=criteria_key, status__in=[cls.Status.PENDING, cls.Status.ACTIVE])
            .first()
        )

    @property
    def criteria(self) -> dict:
        return {
            "text": self.text,
            "listing_types": list(self.listing_types or []),
            "filters": dict(self.filters or {}),
            "near": self.near,
            "radius_km": self.radius_km,
        }

    def end(self, reason: str, now=None) -> None:
        """Stop the alert and keep only what the demand report counts (no address, no token, no consent)."""
        self.status = self.Status.ENDED
        self.end_reason = reason
        self.ended_at = now or timezone.now()
        self.email = ""
        self.token = None
        self.consent_text = ""
        self.save(update_fields=["status", "end_reason", "ended_at", "email", "token", "consent_text"])


class ListingOpening(models.Model):
    """A listing that may be what someone waits for: newly published, or with free places again."""

    class Reason(models.TextChoices):
        PUBLISHED = "published"
        PLACES = "places"

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.page_id} {self.reason} {self.at:%Y-%m-%d %H:%M}"
