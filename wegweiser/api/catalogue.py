"""Endpoints for what every listing refers to: partner organisations, taxonomies and content pages."""

from typing import Literal

from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import Field

from wegweiser.api.listing_schemas import LocaleQuery, NearQuery, PaginatedQuery
from wegweiser.api.querying import (
    locale_for,
    near,
    page_answer,
    paginate,
    point_from,
    public_pages,
    request_site,
    updated_since,
    within_site,
)
from wegweiser.api.records import TAXONOMIES, Labels, content_page_record, organisation_record, term_record
from wegweiser.api.schemas import (
    ContentPageDetailOut,
    ContentPageListOut,
    DistrictListOut,
    LanguageListOut,
    OrganisationListOut,
    OrganisationOut,
    PageId,
    TargetGroupListOut,
    TopicListOut,
    responses,
)
from wegweiser.site.listings import localized
from wegweiser.site.models import OrganisationPage, StandardPage
from wegweiser.site.organisations import OrganisationKind

KINDS = tuple(value for value, _label in OrganisationKind.choices)


class OrganisationQuery(NearQuery):
    district: list[str] = Field(default_factory=list, description="District slugs (any of them).")
    kind: list[Literal[KINDS]] = Field(default_factory=list, description="Kinds of organisation.")  # type: ignore[valid-type]


organisations = Router(tags=["organisations"])


@organisations.get(
    "/",
    response=responses(OrganisationListOut),
    operation_id="list_organisations",
    summary="Partner organisations",
)
def list_organisations(request, filters: Query[OrganisationQuery]):
    queryset = public_pages(OrganisationPage, request, locale_for(filters.locale)).select_related(
        "district", "locale"
    )
    if filters.district:
        queryset = queryset.filter(district__slug__in=filters.district)
    if filters.kind:
        queryset = queryset.filter(kind__in=filters.kind)
    queryset = updated_since(queryset, filters.updated_since)
    queryset = near(queryset, point_from(filters.lat, filters.lon, filters.radius))
    count, items = paginate(queryset, filters.limit, filters.offset)
    labels = Labels(translation.get_language())
    return page_answer(
        request,
        filters,
        count,
        [organisation_record(organisation, request, labels) for organisation in items],
    )


@organisations.get(
    "/{int:id}/",
    response=responses(OrganisationOut),
    operation_id="get_organisation",
    summary="One partner organisation",
)
def get_organisation(request, id: PageId, params: Query[LocaleQuery]):
    organisation = _public_page(
        OrganisationPage, request, id, params.locale, _("There is no organisation with this id.")
    )
    return organisation_record(organisation, request, Labels(translation.get_language()))


pages = Router(tags=["pages"])


@pages.get(
    "/",
    response=responses(ContentPageListOut),
    operation_id="list_pages",
    summary="Content pages",
    description="Published, public information pages of the portal (without their content; see the single page).",
)
def list_pages(request, filters: Query[PaginatedQuery]):
    queryset = public_pages(StandardPage, request, locale_for(filters.locale)).select_related("locale")
    queryset = updated_since(queryset, filters.updated_since)
    count, items = paginate(queryset, filters.limit, filters.offset)
    return page_answer(request, filters, count, [content_page_record(page, request) for page in items])


@pages.get(
    "/{int:id}/",
    response=responses(ContentPageDetailOut),
    operation_id="get_page",
    summary="One content page with its content",
)
def get_page(request, id: PageId, params: Query[LocaleQuery]):
    page = _public_page(StandardPage, request, id, params.locale, _("There is no page with this id."))
    return content_page_record(page, request, with_body=True)


def _public_page(model, request, pk: int, locale_code: str | None, not_found: str):
    """A live, public page of this site by id; its translation when one exists in the requested language."""
    queryset = within_site(model.objects.live().public(), request_site(request)).select_related("locale")
    page = queryset.filter(pk=pk).first()
    if page is None:
        raise HttpError(404, not_found)
    if locale_code and page.locale.language_code != locale_code:
        page = (
            queryset.filter(translation_key=page.translation_key, locale=locale_for(locale_code)).first()
            or page
        )
    return page


taxonomies = Router(tags=["taxonomies"])


def _terms(slug: str, locale_code: str | None) -> dict:
    model = TAXONOMIES[slug]
    queryset = localized(model.objects.all(), locale_for(locale_code)).order_by("sort_order", "name", "pk")
    labels = Labels(translation.get_language())
    items = [term_record(term, labels) for term in queryset]
    return {"count": len(items), "items": items}


def _list_terms(slug: str):
    def list_terms(request, params: Query[LocaleQuery]):
        return _terms(slug, params.locale)

    return list_terms


#: One endpoint per taxonomy: its path (``/taxonomies/topics/``), schema, operation and summary.
for _slug, _schema, _operation, _summary in [
    ("topics", TopicListOut, "list_topics", "Topics"),
    ("target-groups", TargetGroupListOut, "list_target_groups", "Target groups"),
    ("languages", LanguageListOut, "list_languages", "Languages spoken in offers"),
    ("districts", DistrictListOut, "list_districts", "Districts"),
]:
    taxonomies.get(f"/{_slug}/", response=responses(_schema), operation_id=_operation, summary=_summary)(
        _list_terms(_slug)
    )
