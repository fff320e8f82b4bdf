"""Admin viewsets for the shared taxonomies."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wegweiser.site.models import District, Language, TargetGroup, Topic


class TaxonomySnippetViewSet(SnippetViewSet):
    """Searched in the database by name and slug, not through the search index.

    The terms are few, and an index search by name failed with a server error; a plain
    ``icontains`` works the same on SQLite and PostgreSQL and needs no index to be up to date.
    """

    search_fields = ["name", "slug"]
    search_backend_name = None


class TopicViewSet(TaxonomySnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class TargetGroupViewSet(TaxonomySnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug", "sort_order"]


class LanguageViewSet(TaxonomySnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "native_name", "slug", "direction"]


class DistrictViewSet(TaxonomySnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_order = 300
    items = (TopicViewSet, TargetGroupViewSet, LanguageViewSet, DistrictViewSet)
