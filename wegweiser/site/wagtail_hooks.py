from wagtail import hooks

from wegweiser.site.viewsets import TaxonomyViewSetGroup


@hooks.register("register_admin_viewset")
def register_taxonomies():
    return TaxonomyViewSetGroup()
