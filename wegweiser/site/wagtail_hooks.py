from wagtail import hooks

from wegweiser.site import translation_permissions
from wegweiser.site.viewsets import TaxonomyViewSetGroup


@hooks.register("register_admin_viewset")
def register_taxonomies():
    return TaxonomyViewSetGroup()


@hooks.register("register_admin_urls")
def register_translation_permission_checks():
    return translation_permissions.urlpatterns()
