"""The portal's own lists in the Wagtail admin (account requests, a partner's sign-ups): paged as Wagtail's
listings are, so that they look and behave like the rest of the admin."""

from __future__ import annotations

from wagtail.admin.paginator import WagtailPaginator

#: Rows on one page of an admin list, as in Wagtail's own listings.
PER_PAGE = 50


def admin_list_page(request, rows, per_page: int = PER_PAGE) -> dict:
    """``page_obj`` (the rows of the page asked for with ``?p=``) and ``elided_page_range`` for Wagtail's pager.

    The template draws the list with ``core/admin/includes/listing_table.html`` and ``pager=page_obj``: Wagtail's
    pager, whose links keep the list's other parameters (a status, an opportunity), so a filter stays on every
    page.
    """
    paginator = WagtailPaginator(rows, per_page)
    page = paginator.get_page(request.GET.get("p"))
    return {"page_obj": page, "elided_page_range": paginator.get_elided_page_range(page.number)}
