"""Small site-wide views: health check and friendly error pages."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from wegweiser.site.public_forms import notice


def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: the app is up and its database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return notice(
        request,
        _("This address cannot be opened"),
        _(
            "The link contains characters that are not allowed. Please check the address, or start again from "
            "the start page."
        ),
        status=400,
    )


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return notice(
        request,
        _("Page not found"),
        _("This page does not exist (any more). Perhaps the offer has ended."),
        status=404,
    )


def incomplete_form(request: HttpRequest) -> HttpResponse:
    """A POST without a field every real form sends (see ``IncompleteFormMiddleware``)."""
    return notice(
        request,
        _("The form arrived incomplete"),
        _(
            "Part of what the form sends did not arrive, so nothing was saved. Please go back, reload the page "
            "and send the form again."
        ),
        status=400,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its CSRF cookie (blocked cookies, say): Django's page spoke of "CSRF" and
    "DEBUG=True" in a bare layout; this one says what to do in the visitor's language and leads back to the
    form, whose address sets the cookie again."""
    return notice(
        request,
        _("Your form could not be sent"),
        _(
            "This form is protected with a cookie, and the check did not work (perhaps your browser blocks "
            "cookies). Nothing was saved. Please allow cookies for this site, open the form again and send it."
        ),
        status=403,
        links=[(request.get_full_path(), _("Open the form again"))],
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """The message alone, in the visitor's language: no context processors, page tree or database, any of
    which may be what failed."""
    return HttpResponseServerError(render_to_string("500.html"))
