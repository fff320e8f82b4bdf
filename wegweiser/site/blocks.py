"""StreamField blocks shared by the portal's pages and listings."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Site
from wagtail.snippets.blocks import SnippetChooserBlock

from wegweiser.site.listings import active_locale
from wegweiser.site.registry import listing_types
from wegweiser.site.schedules import TimeSlot, weekday_choices
from wegweiser.site.upcoming import upcoming_dates


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    topic = SnippetChooserBlock(
        "core.Topic",
        label=_("topic"),
        required=False,
        help_text=_("For a link to a finder: it opens with only this topic's listings."),
    )
    url = blocks.URLBlock(label=_("external link"), required=False)
    description = blocks.CharBlock(label=_("description"), required=False)

    class Meta:
        icon = "link"
        template = "blocks/link_block.html"
        label = _("link")


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"))
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = _("callout")


class ContentStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("heading"), form_classname="title", template="blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"), features=["h3", "bold", "italic", "link", "document-link", "ul", "ol"]
    )
    image = ImageBlock(label=_("image"))
    links = blocks.ListBlock(LinkBlock(), label=_("links"), template="blocks/links_block.html")
    callout = CalloutBlock()
    document = DocumentChooserBlock(label=_("document"), template="blocks/document_block.html")


class VideoBlock(blocks.StructBlock):
    """A video from the portal's own document library (no third-party player or host), with captions and
    a text version: for the German Sign Language (DGS) page and explanatory videos."""

    title = blocks.CharBlock(label=_("title"))
    video = DocumentChooserBlock(label=_("video file (MP4 or WebM)"))
    captions = DocumentChooserBlock(label=_("captions (WebVTT file)"), required=False)
    transcript = blocks.RichTextBlock(
        label=_("text version"), required=False, features=["bold", "italic", "link", "ul", "ol"]
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("video")


class ContentPageStreamBlock(ContentStreamBlock):
    """The content pages' blocks: the shared ones plus self-hosted video."""

    video = VideoBlock()


# The home page: what a newcomer needs first, every part editable by the office.

TILE_ICONS = [
    ("language", _("Language")),
    ("work", _("Work")),
    ("housing", _("Housing")),
    ("health", _("Health")),
    ("children", _("Children & school")),
    ("residence", _("Residence & legal")),
    ("counselling", _("Counselling")),
    ("meeting", _("Meeting people")),
    ("volunteering", _("Volunteering")),
    ("calendar", _("Events")),
    ("home", _("Arrival")),
]


def _finder_in_language(finder):
    """The finder's version in the visitor's language (itself where it has none); linked by ``listing_url``."""
    return finder.localized if finder is not None else None


def _topics_in_language(topics) -> dict[str, object]:
    """The active language's version of each chosen topic, in one query (by translation key)."""
    # the page models import these blocks
    from wegweiser.site.models import Topic

    keys = {topic.translation_key for topic in topics if topic is not None}
    if not keys:
        return {}
    translated = Topic.objects.filter(translation_key__in=keys, locale=active_locale())
    return {topic.translation_key: topic for topic in translated}


class TopicLinksBlock(blocks.StructBlock):
    """A block whose items each open the chosen finder filtered by the item's topic (the topic tiles, the first
    steps). A subclass names its list (``items_key``) and says what each item shows (``items``)."""

    items_key = ""

    def items(self, items) -> list[dict]:
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["finder"] = _finder_in_language(value["finder"])
        items = value[self.items_key]
        context[self.items_key] = [
            {**shown, "topic": item["topic"].slug if item["topic"] else ""}
            for item, shown in zip(items, self.items(items), strict=True)
        ]
        return context


class TopicTileBlock(blocks.StructBlock):
    topic = SnippetChooserBlock("core.Topic", label=_("topic"))
    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        help_text=_("Leave empty to show the topic's name in each language."),
    )
    icon = blocks.ChoiceBlock(choices=TILE_ICONS, label=_("icon"))
    text = blocks.CharBlock(label=_("short text"), required=False, max_length=120)

    class Meta:
        icon = "tag"
        label = _("topic tile")


class TopicTilesBlock(TopicLinksBlock):
    """Big tiles, one per topic, each opening the finder filtered by that topic."""

    heading = blocks.CharBlock(label=_("heading"))
    finder = blocks.PageChooserBlock(
        page_type="core.ListingIndexPage", label=_("finder the tiles open"), required=True
    )
    tiles = blocks.ListBlock(TopicTileBlock(), label=_("tiles"))

    class Meta:
        icon = "grip"
        template = "blocks/topic_tiles_block.html"
        label = _("topic tiles")

    items_key = "tiles"

    def items(self, tiles) -> list[dict]:
        translated = _topics_in_language([tile["topic"] for tile in tiles])
        return [
            {
                "title": tile["title"] or _topic_name(tile["topic"], translated),
                "text": tile["text"],
                "icon": tile["icon"],
            }
            for tile in tiles
        ]


def _topic_name(topic, translated: dict) -> str:
    if topic is None:
        return ""
    return translated.get(topic.translation_key, topic).name


class FirstStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"))
    text = blocks.TextBlock(label=_("what to do"))
    topic = SnippetChooserBlock(
        "core.Topic", label=_("offers on this topic"), required=False, help_text=_("Links to the finder.")
    )
    link_text = blocks.CharBlock(label=_("link text"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("step")


class FirstStepsBlock(TopicLinksBlock):
    """ "New in town": the steps from arrival to naturalisation, in order, each with matching offers."""

    heading = blocks.CharBlock(label=_("heading"))
    intro = blocks.TextBlock(label=_("introduction"), required=False)
    finder = blocks.PageChooserBlock(page_type="core.ListingIndexPage", label=_("finder the steps link to"))
    steps = blocks.ListBlock(FirstStepBlock(), label=_("steps"))

    class Meta:
        icon = "list-ol"
        template = "blocks/first_steps_block.html"
        label = _("first steps")

    items_key = "steps"

    def items(self, steps) -> list[dict]:
        return [{key: step[key] for key in ("title", "text", "link_text")} for step in steps]


def _dated_listing_types():
    return [
        (key, listing_type.verbose_name_plural)
        for key, listing_type in listing_types().items()
        if listing_type.calendar_entries is not None
    ]


class UpcomingDatesBlock(blocks.StructBlock):
    """The next dates from the listing types that have them (events, course starts): kept current by itself."""

    heading = blocks.CharBlock(label=_("heading"))
    listing_types = blocks.MultipleChoiceBlock(
        choices=_dated_listing_types,
        required=False,
        label=_("from"),
        help_text=_("Leave empty to show the dates of every listing type that has them."),
    )
    count = blocks.IntegerBlock(label=_("how many"), default=4, min_value=1, max_value=12)
    more = blocks.PageChooserBlock(label=_("link to all dates"), required=False)

    class Meta:
        icon = "date"
        template = "blocks/upcoming_dates_block.html"
        label = _("next dates")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        site = _site_of(parent_context)
        context["dates"] = upcoming_dates(site, value["listing_types"] or (), value["count"])
        return context


class OfficeContactBlock(blocks.StructBlock):
    """How to reach the office; empty fields fall back to the portal settings."""

    heading = blocks.CharBlock(label=_("heading"))
    name = blocks.CharBlock(label=_("name"), required=False)
    address = blocks.TextBlock(label=_("address"), required=False)
    phone = blocks.CharBlock(label=_("phone"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("email"), required=False)
    opening_hours = blocks.TextBlock(label=_("opening hours"), required=False)

    class Meta:
        icon = "mail"
        template = "blocks/office_contact_block.html"
        label = _("office contact")

    def get_context(self, value, parent_context=None):
        # the page models import these blocks
        from wegweiser.site.models import PortalSettings

        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        site = _site_of(parent_context)
        if request is not None and site is not None:
            office = PortalSettings.for_request(request)  # read once per request, shared with the footer
        else:
            office = PortalSettings.for_site(site) if site is not None else None
        phone = value["phone"] or (office.office_phone if office else "")
        # What the page's editor typed is in the page's language; the portal settings' name and address say
        # they are German (the template marks them with lang_attrs).
        context["contact"] = {
            "name": value["name"] or (office.office_name_text if office else ""),
            "address": value["address"] or (office.office_address_text if office else ""),
            "phone": phone,
            "dial": "".join(char for char in phone if char.isdigit() or char == "+"),
            "email": value["email"] or (office.office_email if office else ""),
            "opening_hours": value["opening_hours"],
        }
        return context


class HomeStreamBlock(ContentStreamBlock):
    """The home page's content: the shared blocks plus the newcomer's way in."""

    topic_tiles = TopicTilesBlock()
    first_steps = FirstStepsBlock()
    upcoming_dates = UpcomingDatesBlock()
    office_contact = OfficeContactBlock()


def _site_of(parent_context) -> Site | None:
    """The site a block is rendered for: the request's (no query), else the page's."""
    request = (parent_context or {}).get("request")
    site = Site.find_for_request(request) if request is not None else None
    page = (parent_context or {}).get("page")
    return site or (page.get_site() if page is not None else None)


# Weekly schedules: a course date or any listing that meets on fixed weekdays.


class TimeBlock(blocks.TimeBlock):
    """Wagtail's time block, keeping what an editor types (:mod:`wegweiser.site.admin_widgets`)."""

    @cached_property
    def field(self):
        from wegweiser.site.admin_widgets import time_field  # Wagtail's widgets import its models

        return time_field(self.format, **self.field_options)

    def deconstruct(self):
        """Stored as Wagtail's time block: only the widget differs, so migrations need not know this class."""
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.TimeBlock", args, kwargs


class WeeklySlotBlock(blocks.StructBlock):
    """Some weekdays with one start and end time ("Tu, Th 18:00–20:00")."""

    weekdays = blocks.MultipleChoiceBlock(
        choices=weekday_choices, label=_("weekdays"), widget=forms.CheckboxSelectMultiple
    )
    start = TimeBlock(label=_("starts at"), format="%H:%M")
    end = TimeBlock(label=_("ends at"), format="%H:%M")

    class Meta:
        icon = "time"
        label = _("time slot")
        form_classname = "weekly-slot"

    def clean(self, value):
        value = super().clean(value)
        if value["start"] and value["end"] and value["end"] <= value["start"]:
            raise StructBlockValidationError(
                block_errors={
                    "end": ValidationError(
                        _("The end (%(end)s) must be after the start (%(start)s).")
                        % {"end": value["end"].strftime("%H:%M"), "start": value["start"].strftime("%H:%M")}
                    )
                }
            )
        return value


def weekly_slots_field(**kwargs):
    """A StreamField of :class:`WeeklySlotBlock` s, as a course date or listing model field."""
    return StreamField([("slot", WeeklySlotBlock())], blank=True, **kwargs)


def time_slots_of(stream) -> list[TimeSlot]:
    """The :class:`TimeSlot` s of a weekly-slots StreamField value (raw JSON or a StreamValue)."""
    slots = []
    for child in stream or ():
        value = child.value if hasattr(child, "value") else child.get("value", {})
        slots.append(TimeSlot.of(value.get("weekdays") or (), value.get("start"), value.get("end")))
    return slots


def slots_stream(slots) -> list[tuple[str, dict]]:
    """What to assign to a weekly-slots StreamField for some :class:`TimeSlot` s."""
    return [
        ("slot", {"weekdays": list(slot.weekdays), "start": slot.start, "end": slot.end}) for slot in slots
    ]
