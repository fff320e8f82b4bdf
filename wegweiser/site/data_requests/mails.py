"""The two mails of a data request, in the visitor's language, through the outbox."""

from __future__ import annotations

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Site

from wegweiser.site import links
from wegweiser.site.data_requests.registry import PersonalData
from wegweiser.site.outbox import queue_mail


def send_confirmation_link(email: str, action: str, language: str, site: Site | None):
    """The link that proves the address; it is valid for two days. ``site``: where it was asked for, whose
    office signs the mail."""
    with translation.override(language):
        url = links.public_url(
            "data_requests:confirm",
            language,
            links.public_base_url(site),
            token=links.data_request_token(email, action),
        )
        if action == "export":
            subject = gettext("Your request for a copy of your data")
        else:
            subject = gettext("Your request to delete your data")
        context = {"url": url, "action": action, "site": site}
        body = render_to_string("core/data_requests/mail/confirm.txt", context)
    return queue_mail(to=email, subject=subject, body=body, purpose=f"data_request.confirm_{action}")


class LocalTimes(DjangoJSONEncoder):
    """The copy's times as the person knows them, in the portal's time zone with its offset
    ("2026-12-15T16:00:00+01:00"): the records' UTC times said 15:00 for an event at 16:00."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return timezone.localtime(o).isoformat(timespec="seconds")
        return super().default(o)


def send_copy(email: str, language: str, data: dict, kinds: list[PersonalData], site: Site | None):
    """The JSON copy, with a line per kind of data saying how many records it holds."""
    with translation.override(language):
        counts = [(kind.label, len(data.get(kind.key, []))) for kind in kinds]
        subject = gettext("A copy of your data")
        body = render_to_string("core/data_requests/mail/copy.txt", {"counts": counts, "site": site})
    return queue_mail(
        to=email,
        subject=subject,
        body=body,
        purpose="data_request.copy",
        attachment=(
            "personal-data.json",
            json.dumps(data, indent=2, ensure_ascii=False, cls=LocalTimes),
            "application/json",
        ),
    )
