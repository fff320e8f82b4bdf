"""The admin's image form, telling partners the size limit before they upload a photo."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.images.forms import BaseImageForm


class PortalImageForm(BaseImageForm):
    """Wagtail's image form with the pixel limit (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``) in the help text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        if field is not None and limit:
            field.help_text = f"{field.help_text} " + _(
                "At most %(megapixels)s megapixels (width × height); please make larger photos smaller "
                "before uploading."
            ) % {"megapixels": limit // 1_000_000}
