"""Endpoints of one listing type: the filtered list, one listing, and the listing as schema.org JSON-LD.

The filters are the finder's own django-filter FilterSet (one definition of filters for the web page,
the search and the API), fed from the query parameters.
"""

from django.http import JsonResponse, QueryDict
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from wegweiser.api.jsonld import listing_jsonld
from wegweiser.api.listing_schemas import ListingShapes, LocaleQuery, facet_parameters, shapes_for
from wegweiser.api.querying import (
    current_listings,
    ensure_enabled,
    locale_for,
    near,
    page_answer,
    paginate,
    point_from,
    request_site,
    updated_since,
    within_site,
)
from wegweiser.api.records import Labels, facet_values
from wegweiser.api.schemas import PageId, listing_type_get
from wegweiser.site.listings import filterset_for, with_record_data
from wegweiser.site.registry import ApiFeed, ListingType


def filtered_listings(listing_type: ListingType, request, filters):
    """The current listings matching the finder's facets plus the API's own narrowing parameters."""
    locale = locale_for(filters.locale)
    data = QueryDict(mutable=True)
    if filters.q:
        data["q"] = filters.q
    for facet in facet_parameters(listing_type):
        value = getattr(filters, facet.name, None)
        if facet.kind == "flag":
            if value:
                data[facet.name] = "1"
        elif value:
            data.setlist(facet.name, list(value))
    queryset = current_listings(listing_type, request, locale)
    filterset = filterset_for(listing_type)(data=data, queryset=queryset, request=request)
    if not filterset.is_valid():
        errors = {
            field: [str(message) for message in messages] for field, messages in filterset.errors.items()
        }
        raise FilterError(errors)
    queryset = updated_since(filterset.qs, filters.updated_since)
    queryset = near(queryset, point_from(filters.lat, filters.lon, filters.radius))
    extension = listing_type.api_extension
    if extension is not None and extension.narrow is not None:
        queryset = extension.narrow(queryset, filters)
    return with_record_data(queryset, listing_type)


class FilterError(HttpError):
    """Unknown facet values: answered with 400 and a message per parameter."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(400, _("Some filter values are not known. See errors."))
        self.errors = errors


def filter_error_response(request, exc: FilterError):
    return JsonResponse({"detail": exc.message, "errors": exc.errors}, status=400)


def serialize(
    listing_type: ListingType, shapes: ListingShapes, pages: list, request, params=None, detail: bool = False
):
    """The pages, ready for their schema (every schema is a ``ListingSchema``): the body for the answer
    about one listing, and for the generic schema the type's own facet values."""
    extension = listing_type.api_extension
    if extension is not None and extension.prepare is not None:
        extension.prepare(pages, params)
    if shapes.generic:
        values = facet_values(listing_type, pages)
        for page in pages:
            page.api_facets = values.get(page.pk, {})
    for page in pages if detail else ():
        page.api_body_html = _body_html(page)
    return pages


def _body_html(page) -> str:
    return str(page.body.render_as_block()) if page.body else ""


def listing_router(listing_type: ListingType) -> Router:
    shapes = shapes_for(listing_type)
    router = Router(tags=[f"listings: {listing_type.key}"])

    @listing_type_get(
        router,
        listing_type,
        "/",
        operation="list_{}",
        name="list",
        summary="list and filter",
        response=shapes.page,
        description=(
            "Current listings of this type, filtered like the public finder, ordered by id. "
            "Choice filters may repeat (`?topic=sprache&topic=arbeit`: any of them)."
        ),
    )
    def list_listings(request, filters: Query[shapes.filters]):
        ensure_enabled(request, listing_type)
        queryset = filtered_listings(listing_type, request, filters)
        count, pages = paginate(queryset, filters.limit, filters.offset)
        return page_answer(request, filters, count, serialize(listing_type, shapes, pages, request, filters))

    for feed in listing_type.api_extension.feeds if listing_type.api_extension else ():
        _add_feed(router, listing_type, shapes, feed)

    @listing_type_get(
        router,
        listing_type,
        "/{int:id}/",
        operation="get_{}",
        name="detail",
        summary="one listing",
        response=shapes.detail,
        description="One current listing by id, with its details.",
    )
    def get_listing(request, id: PageId, params: Query[shapes.detail_params]):
        page = _current_listing(listing_type, request, id, params.locale)
        return serialize(listing_type, shapes, [page], request, params, detail=True)[0]

    @listing_type_get(
        router,
        listing_type,
        "/{int:id}.jsonld",
        operation="get_{}_jsonld",
        name="jsonld",
        summary="one listing as schema.org JSON-LD",
        response=dict,
        openapi_extra={
            "responses": {200: {"content": {"application/ld+json": {"schema": {"type": "object"}}}}}
        },
    )
    def get_listing_jsonld(request, id: PageId, params: Query[LocaleQuery]):
        page = _current_listing(listing_type, request, id, params.locale)
        labels = Labels(translation.get_language())
        document = listing_jsonld(page, listing_type, request, labels)
        return JsonResponse(
            document, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False}
        )

    return router


def _add_feed(router: Router, listing_type: ListingType, shapes: ListingShapes, feed: ApiFeed) -> None:
    """A plugin's extra list (event occurrences, say): the type's filters, then the plugin's items, paginated."""

    @listing_type_get(
        router,
        listing_type,
        f"/{feed.name}/",
        operation=f"list_{{}}_{feed.name.replace('-', '_')}",
        name=feed.name,
        summary=feed.name,
        own_summary=feed.summary,
        response=shapes.feed_pages[feed.name],
        description=feed.description,
    )
    def list_feed(request, filters: Query[shapes.filters]):
        ensure_enabled(request, listing_type)
        items = feed.items(filtered_listings(listing_type, request, filters), filters)
        return page_answer(
            request, filters, len(items), list(items[filters.offset : filters.offset + filters.limit])
        )


def _current_listing(listing_type: ListingType, request, pk: int, locale_code: str | None):
    """A listing by id; its translation when one exists in the requested language."""
    ensure_enabled(request, listing_type)
    queryset = with_record_data(listing_type.model.objects.current(), listing_type)
    queryset = within_site(queryset, request_site(request))
    page = queryset.filter(pk=pk).first()
    if page is None:
        raise HttpError(404, _("There is no current listing with this id."))
    if locale_code and page.locale.language_code != locale_code:
        translated = queryset.filter(
            translation_key=page.translation_key, locale=locale_for(locale_code)
        ).first()
        page = translated or page
    return page
