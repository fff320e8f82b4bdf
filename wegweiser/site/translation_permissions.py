"""Partners may translate their own listings and nothing else.

wagtail-localize's "submit for translation" views only check the global ``submit_translation``
permission; these subclasses add the object-level check (may this user edit the source page, or
change this kind of snippet?). They are mounted on the same admin paths, ahead of wagtail-localize's.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView


class SubmitOwnPageTranslationView(SubmitPageTranslationView):
    def get_object(self):
        page = super().get_object()
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        return page


class SubmitSnippetTranslationIfAllowedView(SubmitSnippetTranslationView):
    def get_object(self):
        instance = super().get_object()
        if not self.request.user.has_perm(get_permission_name("change", type(instance))):
            raise PermissionDenied
        return instance


def urlpatterns() -> list:
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitOwnPageTranslationView.as_view(),
            name="wegweiser_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationIfAllowedView.as_view(),
            name="wegweiser_submit_snippet_translation",
        ),
    ]
