"""The outbox in the admin: Settings › Outbox, where the office sees the mails that could not be sent yet or
were given up, and tries the given-up ones again (the job that sweeps it is among the core's jobs,
``scheduling_hooks``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from wegweiser.site import outbox
from wegweiser.site.admin_menu import settings_page
from wegweiser.site.models import OutgoingMail

VIEW_PERMISSION = "core.view_outgoingmail"
RETRY_PERMISSION = "core.change_outgoingmail"
LIST_LENGTH = 200
#: The headings of the outbox's table (core/admin/includes/listing_table.html).
COLUMNS = [_("Subject"), _("Recipient"), _("Queued"), _("Attempts"), _("State")]


@settings_page("outbox", _("Outbox"), VIEW_PERMISSION, icon_name="mail", order=910)
@require_http_methods(["GET", "POST"])
def outbox_view(request):
    if request.method == "POST":
        if not request.user.has_perm(RETRY_PERMISSION):
            raise PermissionDenied
        count = outbox.retry_failed()
        sent, waiting = outbox.send_pending_mails(force=True)
        messages.success(
            request,
            ngettext(
                "%(count)d mail tried again: %(sent)d sent, %(waiting)d still waiting.",
                "%(count)d mails tried again: %(sent)d sent, %(waiting)d still waiting.",
                count,
            )
            % {"count": count, "sent": sent, "waiting": waiting},
        )
        return redirect("outbox")
    mails = OutgoingMail.objects.order_by("-failed_at", "next_attempt_at", "pk")
    return render(
        request,
        "core/admin/outbox.html",
        {
            "page_title": _("Outbox"),
            "mails": mails[:LIST_LENGTH],
            "columns": COLUMNS,
            "failed_count": OutgoingMail.objects.failed().count(),
            "waiting_count": OutgoingMail.objects.waiting().count(),
            "may_retry": request.user.has_perm(RETRY_PERMISSION),
            "max_attempts": outbox.max_attempts(),
        },
    )
