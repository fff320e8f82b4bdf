from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wegweiser.search import fulltext, service
from wegweiser.search.alerts import links, privacy
from wegweiser.search.alerts.jobs import remind_and_end_alerts, send_place_alerts
from wegweiser.search.backends.database import text_condition
from wegweiser.search.demo import load_starter_synonyms
from wegweiser.search.viewsets import SynonymViewSet
from wegweiser.site.data_requests.registry import PersonalData
from wegweiser.site.scheduling import ScheduledJob


@hooks.register("register_admin_viewset")
def register_synonyms():
    return SynonymViewSet()


@hooks.register("load_demo_content")
def load_demo_synonyms(ctx):
    """The demo town finds what newcomers type in their languages: "وظيفة" finds the "Arbeit" listings."""
    return {"synonym groups": load_starter_synonyms()}


@hooks.register("while_loading_demo")
def store_search_rows_once():
    """The demo town's listings get their search rows once, at the end of the load, not at each save."""
    return fulltext.stored_once()


@hooks.register("listing_text_condition")
def listing_text_condition(words: list[str]):
    """The search's text matching for the per-type finder pages and the API (``?q=``)."""
    return text_condition(words)


@hooks.register("register_scheduled_jobs")
def register_search_jobs():
    return [
        ScheduledJob(
            "search.delete_old_search_logs",
            timedelta(days=1),
            service.delete_old_search_logs,
            _("Deletes logged searches after their retention period."),
        ),
        ScheduledJob(
            "search.send_place_alerts",
            timedelta(minutes=15),
            send_place_alerts,
            _("Mails visitors' place alerts about newly published listings and free places (at most daily)."),
            labels={
                "alerts": _("alerts checked"),
                "mails": _("mails sent"),
                "openings": _("listings opened"),
            },
        ),
        ScheduledJob(
            "search.end_place_alerts",
            timedelta(hours=1),
            remind_and_end_alerts,
            _(
                "Reminds before a place alert ends, ends expired alerts (keeping anonymous counts), deletes unconfirmed ones."
            ),
            labels={"reminded": _("reminded"), "ended": _("ended")},
        ),
    ]


@hooks.register("register_personal_data")
def register_place_alerts():
    """Place alerts on the core's "copy or delete my data" page."""
    return PersonalData.from_module(
        privacy, "place_alerts", _("Place alerts"), former_link_purpose=links.FORMER_DATA_REQUEST
    )
