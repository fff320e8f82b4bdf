from wagtail import hooks

from wegweiser.search.viewsets import SynonymViewSet


@hooks.register("register_admin_viewset")
def register_synonyms():
    return SynonymViewSet()


@hooks.register("listing_text_condition")
def listing_text_condition(words: list[str]):
    """The finder's text search for the per-type finder pages and the API (``?q=``)."""
    from wegweiser.search.backends.database import text_condition

    return text_condition(words)
