from wagtail import hooks

from wegweiser.site import (
    scheduling_hooks,  # noqa: F401 - registers the recurring jobs and their admin page
    translation_permissions,
)
from wegweiser.site.viewsets import TaxonomyViewSetGroup


@hooks.register("register_admin_viewset")
def register_taxonomies():
    return TaxonomyViewSetGroup()


@hooks.register("register_admin_urls")
def register_translation_permission_checks():
    return translation_permissions.urlpatterns()
