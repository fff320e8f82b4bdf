"""Open data: the whole published catalogue of one listing type as CSV or JSON, one flat row per listing.

The columns are documented in ``docs/api.md``; a plugin's facets add one column each (``facet_<name>``),
and its API extension may add its own (``next_course_date``, ``next_occurrence``).
Rows are read in chunks with their related data prefetched, so an export's queries grow with the number
of chunks, not of listings.
"""

import json
from dataclasses import asdict
from typing import Literal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from wegweiser.api.licence import licence_for
from wegweiser.api.listing_schemas import LocaleQuery, generic_schema
from wegweiser.api.querying import current_listings, ensure_enabled, locale_for
from wegweiser.api.records import facet_values, own_facets
from wegweiser.api.schemas import listing_type_get
from wegweiser.site.listings import with_record_data
from wegweiser.site.registry import ListingType
from wegweiser.site.spreadsheets import CSV_DIALECTS, csv_dialect, csv_response

CHUNK_SIZE = 500
LIST_SEPARATOR = ";"

BASE_COLUMNS = (
    "id",
    "translation_key",
    "type",
    "locale",
    "title",
    "url",
    "summary",
    "organisation_id",
    "organisation",
    "topics",
    "target_groups",
    "languages",
    "cost",
    "cost_note",
    "registration_url",
    "contact_name",
    "contact_email",
    "contact_phone",
    "place_name",
    "street",
    "postcode",
    "city",
    "district",
    "latitude",
    "longitude",
    "wheelchair_accessible",
    "accessibility_notes",
    "valid_from",
    "valid_until",
    "last_reviewed",
    "updated_at",
)


def extra_columns(listing_type: ListingType) -> dict:
    extension = listing_type.api_extension
    return dict(extension.export_columns) if extension else {}


def columns_for(listing_type: ListingType) -> list[str]:
    return [
        *BASE_COLUMNS,
        *(f"facet_{facet.name}" for facet in own_facets(listing_type)),
        *extra_columns(listing_type),
    ]


def flat_row(record: dict) -> dict:
    """A listing record as one row: terms as their slugs, nested objects spread into columns."""
    place = record["place"]
    row = {
        "id": record["id"],
        "translation_key": record["translation_key"],
        "type": record["type"],
        "locale": record["locale"],
        "title": record["title"],
        "url": record["url"],
        "summary": record["summary"],
        "organisation_id": record["organisation"]["id"] if record["organisation"] else None,
        "organisation": record["organisation"]["title"] if record["organisation"] else None,
        "topics": [term["slug"] for term in record["topics"]],
        "target_groups": [term["slug"] for term in record["target_groups"]],
        "languages": [term["slug"] for term in record["languages"]],
        "cost": record["cost"],
        "cost_note": record["cost_note"],
        "registration_url": record["registration_url"],
        "contact_name": record["contact"]["name"],
        "contact_email": record["contact"]["email"],
        "contact_phone": record["contact"]["phone"],
        "place_name": place["name"],
        "street": place["street"],
        "postcode": place["postcode"],
        "city": place["city"],
        "district": place["district"]["slug"] if place["district"] else None,
        "latitude": place["latitude"],
        "longitude": place["longitude"],
        "wheelchair_accessible": place["wheelchair_accessible"],
        "accessibility_notes": place["accessibility_notes"],
        "valid_from": record["valid_from"],
        "valid_until": record["valid_until"],
        "last_reviewed": record["last_reviewed"],
        "updated_at": record["updated_at"],
    }
    for name, value in record["facets"].items():
        row[f"facet_{name}"] = value
    return row


def catalogue_rows(listing_type: ListingType, request, locale_code: str | None) -> list[dict]:
    queryset = with_record_data(
        current_listings(listing_type, request, locale_for(locale_code)), listing_type
    )
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    schema = generic_schema(listing_type)
    extra = extra_columns(listing_type)
    rows = []
    for start in range(0, len(ids), CHUNK_SIZE):
        chunk = list(queryset.filter(pk__in=ids[start : start + CHUNK_SIZE]).order_by("pk"))
        values = facet_values(listing_type, chunk)
        for page in chunk:
            page.api_facets = values.get(page.pk, {})
            record = schema.model_validate(page, context={"request": request}).model_dump(
                exclude={"body_html"}
            )
            row = flat_row(record)
            row.update((name, column(page)) for name, column in extra.items())
            rows.append(row)
    return rows


def csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class ExportQuery(LocaleQuery):
    """Only the language: an export is always the whole catalogue."""


class CsvExportQuery(ExportQuery):
    dialect: Literal[tuple(CSV_DIALECTS)] | None = Field(  # type: ignore[valid-type]
        None,
        description="`excel-de` (default): semicolons, UTF-8 with byte-order mark, for German spreadsheet "
        "programs; `rfc4180`: plain RFC 4180 CSV (commas, no byte-order mark).",
    )


class LicenceOut(Schema):
    name: str = Field(description="The licence under which the data may be reused.")
    url: str = Field(description="The licence text.")


class CatalogueOut(Schema):
    type: str
    locale: str
    licence: LicenceOut
    count: int
    columns: list[str] = Field(description="The columns of each row, as documented in docs/api.md.")
    items: list[dict]


def export_router(listing_types: list[ListingType]) -> Router:
    router = Router(tags=["open data"])
    for listing_type in listing_types:
        _add_exports(router, listing_type)
    return router


def _add_exports(router: Router, listing_type: ListingType) -> None:
    key = listing_type.key

    @listing_type_get(
        router,
        listing_type,
        f"/{key}.csv",
        operation="export_{}_csv",
        name="csv",
        summary="whole catalogue as CSV",
        response=str,
        description="A header row, then one row per listing; lists are joined with ';'. By default for "
        "German spreadsheet programs (semicolons, UTF-8 with byte-order mark); `?dialect=rfc4180` for plain "
        'RFC 4180 CSV. The licence is named in the `Link` header (`rel="license"`).',
        openapi_extra={"responses": {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}},
    )
    def export_csv(request, params: Query[CsvExportQuery]):
        ensure_enabled(request, listing_type)
        columns = columns_for(listing_type)
        rows = (
            [csv_value(row.get(column)) for column in columns]
            for row in catalogue_rows(listing_type, request, params.locale)
        )
        return csv_response(
            f"{key}-{params.locale or 'de'}.csv", [columns, *rows], csv_dialect(params.dialect)
        )

    @listing_type_get(
        router,
        listing_type,
        f"/{key}.json",
        operation="export_{}_json",
        name="json",
        summary="whole catalogue as JSON",
        response=CatalogueOut,
        description="The same rows as the CSV export, with lists as arrays and numbers as numbers.",
    )
    def export_json(request, params: Query[ExportQuery]):
        ensure_enabled(request, listing_type)
        rows = catalogue_rows(listing_type, request, params.locale)
        document = {
            "type": key,
            "locale": locale_for(params.locale).language_code,
            "licence": asdict(licence_for(request)),
            "count": len(rows),
            "columns": columns_for(listing_type),
            "items": rows,
        }
        body = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{key}-{document["locale"]}.json"'
        return response
