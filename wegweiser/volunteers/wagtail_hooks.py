import datetime

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks

from wegweiser.plugin_api import PersonalData, RestrictedMenuItem, ScheduledJob
from wegweiser.volunteers import access, admin_urls, links, privacy
from wegweiser.volunteers.listing_type import volunteer_listing_type
from wegweiser.volunteers.models import VolunteerApplication
from wegweiser.volunteers.report import may_see_report


@hooks.register("register_listing_type")
def register_volunteer_opportunity():
    return volunteer_listing_type()


@hooks.register("register_admin_urls")
def register_inbox_urls():
    return [path("volunteers/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return RestrictedMenuItem(
        _("Volunteer sign-ups"),
        reverse("volunteers_inbox:index"),
        shown_to=lambda user: access.opportunities_for(user).exists(),
        icon_name="group",
        order=250,
    )


@hooks.register("register_reports_menu_item")
def register_volunteering_report():
    return RestrictedMenuItem(
        _("Volunteering"),
        reverse("volunteers_inbox:report"),
        shown_to=may_see_report,
        icon_name="group",
        order=800,
    )


@hooks.register("register_log_actions")
def register_personal_data_actions(actions):
    actions.register_action(
        "volunteers.view_personal_data", _("View personal data"), _("Personal data viewed")
    )
    actions.register_action(
        "volunteers.export_personal_data", _("Export personal data"), _("Personal data exported as CSV")
    )
    actions.register_action(
        "volunteers.change_status", _("Change sign-up status"), _("Sign-up status changed")
    )
    actions.register_action(
        "volunteers.export_on_request",
        _("Data copy on request"),
        _("Personal data sent to the person on request"),
    )
    actions.register_action(
        "volunteers.delete_on_request",
        _("Deletion on request"),
        _("Personal data deleted on the person's request"),
    )
    actions.register_action(
        "volunteers.anonymise", _("Anonymise"), _("Personal data anonymised after retention")
    )


@hooks.register("register_personal_data")
def register_sign_ups():
    """Sign-ups on the core's "copy or delete my data" page."""
    return PersonalData.from_module(
        privacy, "volunteer_sign_ups", _("Volunteer sign-ups"), former_link_purpose=links.FORMER_DATA_REQUEST
    )


@hooks.register("register_scheduled_jobs")
def register_volunteer_jobs():
    return [
        ScheduledJob(
            "volunteers.anonymise_volunteer_data",
            datetime.timedelta(days=1),
            privacy.anonymise_due_applications,
            _("Anonymises sign-ups after the retention period and deletes unconfirmed ones."),
            labels={"anonymised": _("anonymised")},
        ),
    ]


@hooks.register("register_partner_dashboard_items")
def volunteer_sign_ups_on_the_partner_dashboard(request, organisations):
    """Confirmed sign-ups still waiting for the organisation's answer."""
    waiting = access.applications_for(request.user).filter(status=VolunteerApplication.Status.CONFIRMED)
    count = waiting.count()
    return [
        {
            "name": "volunteer_sign_ups",
            "label": ngettext(
                "Volunteer sign-up waiting for your answer",
                "Volunteer sign-ups waiting for your answer",
                count,
            ),
            "value": count,
            "url": reverse("volunteers_inbox:index"),
            "link_text": _("Open the sign-ups"),
        }
    ]
