"""Field factories for what several models declare alike."""

from __future__ import annotations

from django.db import models


def optional_foreign_key(to, verbose_name=None, **kwargs) -> models.ForeignKey:
    """A reference that may be empty and is emptied when what it names is deleted (a logo, the district,
    the user who decided): ``district = optional_foreign_key("core.District", _("district"))``.

    No reverse accessor unless ``related_name`` names one; ``editable=False``, ``help_text`` and the like
    pass through to the ``ForeignKey``."""
    kwargs.setdefault("related_name", "+")
    return models.ForeignKey(to, models.SET_NULL, verbose_name=verbose_name, null=True, blank=True, **kwargs)
