"""The base of every page's editor: a partner uses only the images and documents it may choose, and links
only the pages its page tree shows it.

Wagtail's image and document choosers offer an editor only its organisation's collection, but the form
behind them takes any id it is sent: a hand-made request could put another organisation's unpublished
image or document on a partner's page (and once that page is live, the document is served to everyone,
``document_access``), or link another organisation's draft (whose title the chooser then showed). What a
page already used stays; what is added must be one the editor may choose.
"""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry


def media_used_by(page) -> set[tuple[int, str]]:
    """``(content type id, object id)`` of every image and document the page refers to, in any field or block."""
    media = {
        ContentType.objects.get_for_model(model, for_concrete_model=False).pk
        for model in (get_image_model(), get_document_model())
    }
    return {
        (content_type, object_id) for content_type, object_id in _references(page) if content_type in media
    }


def pages_linked_by(page) -> set[str]:
    """The ids of the pages ``page`` refers to (a link block, a rich-text link, a page chooser), as text."""
    return {
        object_id
        for content_type, object_id in _references(page)
        if issubclass(ContentType.objects.get_for_id(content_type).model_class() or object, Page)
    }


def _references(page) -> set[tuple[int, str]]:
    # Wagtail's own reading of a page's references (what its reference index stores and "usage" shows).
    found = ReferenceIndex._extract_references_from_object(page)
    return {(content_type, object_id) for content_type, object_id, *_paths in found}


class ChoosableMediaFormMixin:
    """In every page type's form (``tests`` check each one has it)."""

    def _post_clean(self):
        user = getattr(self, "for_user", None)
        if user is None or user.is_superuser:
            super()._post_clean()
            return
        # Read on a send only (not each time the editor opens), before the sent values go into the page.
        before = media_used_by(self.instance) if self.instance.pk else set()
        linked_before = pages_linked_by(self.instance) if self.instance.pk else set()
        super()._post_clean()
        # scoping reads the organisation page model, whose module imports this one
        from wegweiser.site.scoping import visible_in_the_page_tree

        linked = Page.objects.filter(
            pk__in=[int(pk) for pk in pages_linked_by(self.instance) - linked_before]
        )
        if visible_in_the_page_tree(user, linked).count() != linked.count():
            self.add_error(
                None,
                _(
                    "A page linked on this page is not one you may link to. Choose a published page or one "
                    "of your organisation's."
                ),
            )
            return
        for content_type, object_id in media_used_by(self.instance) - before:
            model = ContentType.objects.get_for_id(content_type).model_class()
            chosen = model._default_manager.filter(pk=object_id).first()
            policy = policy_registry.get_by_type(model)
            if chosen is not None and not policy.user_has_permission_for_instance(user, "choose", chosen):
                self.add_error(
                    None,
                    _(
                        "An image or document on this page is not one you may use. Choose one from your "
                        "organisation's images and documents."
                    ),
                )
                return


class PortalPageForm(ChoosableMediaFormMixin, WagtailAdminPageForm):
    """The base form of a page type; a type's own form subclasses it.

    Amounts (a price, a rent, a living space) are typed as the editor's language writes them, "12,50" in
    German: a number field took the comma for nothing, and "120,50" was saved as 12050.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DecimalField):
                field.localize = True
                field.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
                field.widget.is_localized = True
