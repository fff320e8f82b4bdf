"""Partners may translate their own listings and nothing else.

wagtail-localize's "submit for translation" and "sync translations" views only check the global
``submit_translation`` permission; these subclasses add the object-level check (may this user edit the
source page, or change this kind of snippet? and publish it, if the sync is to publish?). They are
mounted on the same admin paths, ahead of wagtail-localize's.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


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


class UpdateOwnTranslationsView(UpdateTranslationsView):
    def get_object(self):
        source = super().get_object()
        instance = source.get_source_instance()
        user = self.request.user
        publishing = self.request.method == "POST" and self.request.POST.get("publish_translations")
        if isinstance(instance, Page):
            permissions = instance.permissions_for_user(user)
            allowed = permissions.can_edit() and (not publishing or permissions.can_publish())
        else:
            allowed = user.has_perm(get_permission_name("change", type(instance)))
            if publishing and isinstance(instance, DraftStateMixin):
                allowed = allowed and user.has_perm(get_permission_name("publish", type(instance)))
        if not allowed:
            raise PermissionDenied
        return source


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
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateOwnTranslationsView.as_view(),
            name="wegweiser_update_translations",
        ),
    ]
