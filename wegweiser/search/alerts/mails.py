"""Every mail of a place alert, in the visitor's language, through the core's outbox.

Each mail to a confirmed address carries the stop link, also as ``List-Unsubscribe`` with one-click
``List-Unsubscribe-Post`` (RFC 8058), so a mail program can end the alert without the visitor logging in.
"""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext

from wegweiser.search.alerts import criteria as alert_criteria
from wegweiser.search.alerts import links
from wegweiser.site.links import public_base_url, public_url
from wegweiser.site.outbox import queue_mail
from wegweiser.site.registry import enabled_listing_types
from wegweiser.site.templatetags.portal_tags import office_signature


def _base_url(alert) -> str:
    return public_base_url(alert.site)


def _signed_url(alert, view_name: str, purpose: str) -> str:
    """The link in a mail that does one thing (confirm, extend) to this alert, signed for that purpose."""
    return public_url(view_name, alert.language, _base_url(alert), token=links.sign(alert, purpose))


def _office(alert, memo: dict | None) -> str:
    """The office that signs the mail: its portal settings read once per site in a job's batch, not per mail."""
    if memo is None:
        return office_signature(alert.site)
    key = ("office", alert.site_id)
    if key not in memo:
        memo[key] = office_signature(alert.site)
    return memo[key]


def _common(alert, memo: dict | None = None) -> tuple[dict, dict]:
    """What every alert mail shows (the criteria, the stop link) and its unsubscribe headers.

    ``memo`` keeps what alerts with the same criteria, language and site share (a job's batch).
    """
    key = (alert.language, alert.criteria_key, alert.site_id)
    shared = memo.get(key) if memo is not None else None
    if shared is None:
        base_url = _base_url(alert)
        with translation.override(alert.language):
            finder_path = reverse("search:search")
        shared = {
            "criteria": alert_criteria.labels(alert.criteria, enabled_listing_types(alert.site)),
            "finder_url": f"{base_url}{finder_path}?{alert_criteria.querystring(alert.criteria)}",
            # The stop link without its token: one URL lookup per language and criteria, not per alert.
            "stop_link": public_url("search:place_alert_stop", alert.language, base_url, token="-")[:-2],
        }
        if memo is not None:
            memo[key] = shared
    stop_url = f"{shared['stop_link']}{links.sign(alert, links.STOP)}/"
    context = {
        "office": _office(alert, memo),
        "criteria": shared["criteria"],
        "finder_url": shared["finder_url"],
        "stop_url": stop_url,
        "expires": formats.date_format(timezone.localtime(alert.expires_at), "DATE_FORMAT")
        if alert.expires_at
        else "",
    }
    headers = {"List-Unsubscribe": f"<{stop_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return context, headers


def _send(
    alert, purpose: str, template: str, subject: Callable[[dict], str], link: tuple | None = None, **extra
):
    """Queue the mail ``search/alerts/mail/<template>.txt`` to the alert's address, in its language, with the
    stop link in its headers. ``link``: ``(name in the context, view name, purpose)`` of a signed link it
    carries; ``subject`` is a function of the context."""
    with translation.override(alert.language):
        context, headers = _common(alert)
        if link:
            name, view_name, link_purpose = link
            context[name] = _signed_url(alert, view_name, link_purpose)
        context.update(extra)
        return queue_mail(
            to=alert.email,
            subject=subject(context),
            body=render_to_string(f"search/alerts/mail/{template}.txt", context),
            purpose=purpose,
            owner=alert,
            headers=headers,
        )


def send_confirmation_request(alert):
    return _send(
        alert,
        "search.alert_confirm",
        "confirm",
        lambda context: gettext("Please confirm your alert"),
        link=("confirm_url", "search:place_alert_confirm", links.CONFIRM),
        valid_days=links.CONFIRM_MAX_AGE // 86400,
    )


def send_already_on(alert):
    """The same address asked for an alert it already has: it is told so, with the stop link; the alert stays
    as it is (no second one, which would mail every opening twice)."""
    return _send(
        alert, "search.alert_already_on", "already_on", lambda context: gettext("You already have this alert")
    )


def compose_alert(alert, listings, memo: dict | None = None) -> dict:
    """The mail telling about matching listings, as ``outbox.queue_many`` takes it (sent in batches)."""
    with translation.override(alert.language):
        context, headers = _common(alert, memo)
        context["listings"] = [
            {
                "title": listing.title,
                "url": _base_url(alert) + listing.url_in(alert.language),
                "places": listing.reason == "places",
            }
            for listing in listings
        ]
        subject = ngettext(
            "%(count)s listing matches your alert",
            "%(count)s listings match your alert",
            len(listings),
        ) % {"count": len(listings)}
        body = render_to_string("search/alerts/mail/alert.txt", context)
    return {
        "to": alert.email,
        "subject": subject,
        "body": body,
        "purpose": "search.alert",
        "owner": alert,
        "headers": headers,
    }


def send_reminder(alert):
    return _send(
        alert,
        "search.alert_reminder",
        "reminder",
        lambda context: gettext("Your alert ends on %(date)s") % {"date": context["expires"]},
        link=("extend_url", "search:place_alert_extend", links.EXTEND),
    )
