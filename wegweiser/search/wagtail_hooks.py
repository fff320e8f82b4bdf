from wagtail import hooks

from wegweiser.search.viewsets import SynonymViewSet


@hooks.register("register_admin_viewset")
def register_synonyms():
    return SynonymViewSet()
