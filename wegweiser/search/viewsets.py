"""Admin views for the search: the synonym list the integration office maintains."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from wegweiser.search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]
