"""A small portal with two organisations' objects, and every admin URL filled with organisation B's.

Used by the permission test over every admin URL: editor B owns what the URLs point at, editor A is
the outsider. Everything B owns that is not a published page carries ``SECRET`` in its name, so a leak to
editor A shows in any page of the admin.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log
from wagtail.models import Locale, Site, Workflow
from wagtail.users.models import UserProfile

from tests.events.conftest import make_event
from tests.volunteers.conftest import make_opportunity
from wegweiser.events.models import CalendarFeed, EventRegistration
from wegweiser.plugin_api.testing import make_organisation, make_user
from wegweiser.site.models import AccountRequest, District, OrganisationIndexPage, PortalSettings, Topic
from wegweiser.site.models.pages import office_group_name
from wegweiser.site.organisations import OrganisationKind
from wegweiser.site.setup import ensure_portal
from wegweiser.volunteers.models import VolunteerApplication, VolunteerOpportunityPage

SECRET = "Geheim-B"
ROLES = ("anonymous", "editor_a", "editor_b", "office", "superuser")


@dataclass
class AdminUrl:
    name: str
    route: str
    pattern: URLPattern
    kwarg_names: list[str] = field(default_factory=list)

    @property
    def namespace(self) -> str:
        return self.name.rpartition(":")[0]


def admin_urls() -> list[AdminUrl]:
    """Every URL below /admin/ that the resolver knows, the plugins' and the housing example's included."""
    found = []

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry, prefix + str(entry.pattern), inner)
            else:
                route = prefix + str(entry.pattern)
                if not route.startswith("admin/") or route == "admin/^.*/$":
                    continue  # the catch-all that sends unknown admin URLs to the 404 page
                name = entry.name or route
                if namespace and entry.name:
                    name = f"{namespace}:{entry.name}"
                kwargs = list(entry.pattern.regex.groupindex)
                found.append(AdminUrl(name, route, entry, kwargs))

    walk(get_resolver(), "", "")
    return found


@dataclass
class World:
    users: dict
    objects: dict

    def user(self, role: str):
        return self.users.get(role)


def build_world() -> World:
    home = ensure_portal(home_title="Willkommen in Teststadt")
    english = Locale.objects.get_or_create(language_code="en")[0]
    index = home.add_child(instance=OrganisationIndexPage(title="Partner", slug="partner"))
    index.save_revision().publish()
    organisation_a = make_organisation(index, "Verein A", "verein-a")
    organisation_b = make_organisation(index, "Verein B", "verein-b")
    users = {
        "anonymous": None,
        "editor_a": make_user("editor-a", organisation_a.editors_group),
        "editor_b": make_user("editor-b", organisation_b.editors_group),
        "office": make_user("office", Group.objects.get(name=office_group_name())),
        "superuser": make_user("admin", is_superuser=True, is_staff=True),
    }
    for user in users.values():
        if user is not None:
            UserProfile.get_for_user(user)  # made on first admin visit otherwise, a write on any request
    event_a = make_event(organisation_a, title="Sprachcafé A")
    event_b = make_event(organisation_b, title="Elterncafé B")
    # B is renaming its published event: the new title is B's until it is published.
    event_b.title = f"Elterncafé {SECRET}"
    event_b.save_revision()
    registration_b = EventRegistration.objects.create(
        event=event_b,
        occurrence_start=event_b.start,
        name=f"Leyla {SECRET}",
        email="leyla.geheim-b@example.org",
        status=EventRegistration.Status.CONFIRMED,
    )
    feed_b = CalendarFeed.objects.create(
        organisation=organisation_b, name=f"Kalender {SECRET}", url="https://example.org/b.ics"
    )
    CalendarFeed.objects.create(
        organisation=organisation_a, name="Kalender A", url="https://example.org/a.ics"
    )
    opportunity_b = make_opportunity(organisation_b, title="Fahrradwerkstatt", slug="fahrradwerkstatt")
    # A page B has not published yet: its title is B's until it is live.
    draft_b = organisation_b.add_child(
        instance=VolunteerOpportunityPage(
            title=f"Entwurf {SECRET}",
            slug="entwurf",
            live=False,
            summary="Noch nicht fertig.",
            tasks="<p>Noch offen</p>",
            commitment="weekly",
        )
    )
    draft_b.save_revision()
    application_b = VolunteerApplication.objects.create(
        opportunity=opportunity_b,
        name=f"Olena {SECRET}",
        email="olena.geheim-b@example.org",
        consent_text="Einwilligung",
        consent_version="1",
        status=VolunteerApplication.Status.CONFIRMED,
        confirmed_at=timezone.now() - datetime.timedelta(days=1),
    )
    image_b = Image.objects.create(
        title=f"Bild {SECRET}", file=get_test_image_file(), collection=organisation_b.collection
    )
    document_b = Document.objects.create(
        title=f"Dokument {SECRET}",
        file=ContentFile(b"%PDF-1.4 Tagesordnung", name="tagesordnung.pdf"),
        collection=organisation_b.collection,
    )
    # B's editor changed them in the admin: their history (the site history report) is B's too.
    for changed in (registration_b, feed_b, application_b, image_b, document_b):
        log(changed, "wagtail.edit", user=users["editor_b"])
    topic = Topic.objects.create(name="Sprache", slug="sprache")
    district = District.objects.create(name="Nordstadt", slug="nordstadt")
    revision_b = event_b.latest_revision
    account_request = AccountRequest.objects.create(
        organisation_name="Neuer Verein",
        kind=OrganisationKind.ASSOCIATION,
        contact_name="Mina Neu",
        email="mina@example.org",
        offer_description="Nachhilfe",
    )
    objects = {
        "home": home,
        "english": english,
        "organisation_a": organisation_a,
        "organisation_b": organisation_b,
        "event_a": event_a,
        "event_b": event_b,
        "registration_b": registration_b,
        "feed_b": feed_b,
        "opportunity_b": opportunity_b,
        "application_b": application_b,
        "image_b": image_b,
        "document_b": document_b,
        "collection_b": organisation_b.collection,
        "topic": topic,
        "district": district,
        "revision_b": revision_b,
        "workflow": Workflow.objects.first(),
        "site": Site.objects.get(is_default_site=True),
        "group_b": organisation_b.editors_group,
        "account_request": account_request,
        "portal_settings": PortalSettings.for_site(Site.objects.get(is_default_site=True)),
    }
    return World(users=users, objects=objects)


# The object a ``pk`` stands for, by the URL's namespace (first match wins).
PK_BY_NAMESPACE = (
    ("wagtailsettings", "site"),  # a site setting's edit URL takes the site's pk, not the setting row's
    ("event_registrations", "registration_b"),
    ("account_requests", "account_request"),
    ("calendar_feeds", "feed_b"),
    ("volunteers_inbox", "application_b"),
    ("wagtailsnippets_core_topic", "topic"),
    ("wagtailsnippetchoosers_core_topic", "topic"),
    ("wagtailsnippets_core_district", "district"),
    ("wagtailsnippetchoosers_core_district", "district"),
    ("wagtailadmin_collections", "collection_b"),
    ("wagtailadmin_workflows", "workflow"),
    ("wagtaillocales", "english"),
    ("wagtailsites", "site"),
    ("wagtailusers_users", "editor_b"),
    ("wagtailusers_groups", "group_b"),
    ("wagtailimages_chooser", "image_b"),
    ("wagtaildocs_chooser", "document_b"),
    ("wagtailadmin_api:images", "image_b"),
    ("wagtailadmin_api:documents", "document_b"),
    ("wagtailadmin_api:pages", "event_b"),
    ("wagtailadmin_pages", "event_b"),
)

# Parameters that mean the same in every URL.
FIXED_KWARGS = {
    "page_id": "event_b",
    "page_to_move_id": "event_b",
    "page_pk": "event_b",
    "parent_page_id": "organisation_b",
    "destination_id": "organisation_a",  # moving B's event into A
    "image_id": "image_b",
    "document_id": "document_b",
    "doc_id": "document_b",
    "collection_id": "collection_b",
    "revision_id": "revision_b",
    "workflow_pk": "workflow",
}

# Parameters that name something other than an object of the world.
LITERAL_KWARGS = {
    "revision_id_a": "earliest",
    "revision_id_b": "latest",
    "filter_spec": "original",
    "action_name": "approve",
    "mode": "mobile",
    "uidb64": "MQ",
    "token": "set-password",
}


def url_kwargs(url: AdminUrl, world: World) -> dict:
    """Fill the URL's parameters with organisation B's objects; an unknown parameter is an error."""
    filled = {}
    for name in url.kwarg_names:
        if name in LITERAL_KWARGS:
            filled[name] = LITERAL_KWARGS[name]
        elif name in FIXED_KWARGS:
            filled[name] = _pk(world, FIXED_KWARGS[name])
        elif name == "pk":
            key = "topic" if "snippet" in url.route else None
            key = key or next(
                (key for prefix, key in PK_BY_NAMESPACE if url.namespace.startswith(prefix)), None
            )
            if key is None:
                raise LookupError(
                    f"{url.name}: which object does its pk stand for? Add it to PK_BY_NAMESPACE."
                )
            filled[name] = _pk(world, key)
        elif name in ("app_label", "content_type_app_name", "app_name"):
            filled[name] = "core" if "snippet" in url.route or "settings" in url.route else "events"
        elif name in ("model_name", "content_type_model_name"):
            filled[name] = {"snippet": "topic", "settings": "portalsettings"}.get(_kind(url), "eventpage")
        elif name == "action":
            filled[name] = "delete"
        else:
            # Ids of things the world does not hold (tasks, translations, uploads, sessions ...): none exist.
            filled[name] = 999999 if not name.endswith(("name", "label")) else "unknown"
    return filled


def _kind(url: AdminUrl) -> str:
    return next((kind for kind in ("snippet", "settings") if kind in url.route), "")


def _pk(world: World, key: str):
    target = world.users.get(key) or world.objects[key]
    return target.pk
