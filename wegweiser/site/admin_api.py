"""The admin API's image and document endpoints, scoped like the choosers.

Wagtail's admin API lists every image and document of every collection to anyone with admin access.
A partner sees there only what its image and document choosers offer it: the collections it may choose
from (its organisation's own, and any the office shares with everyone). The office and superusers see all.
"""

from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry


def choosable_by(user, model):
    """What ``user`` may choose of ``model`` (an image or document model), oldest first."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["choose"]).order_by("id")


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return choosable_by(self.request.user, get_image_model())


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return choosable_by(self.request.user, get_document_model())


def scope_the_admin_api(router) -> None:
    """Replace Wagtail's image and document endpoints (registered by its own hooks) with the scoped ones."""
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
