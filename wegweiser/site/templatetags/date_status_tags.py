"""How a public page shows a cancelled date (an event's occurrence, a course date): one way for every plugin.

The date stays readable, struck through and called "cancelled" in words (a screen reader does not announce
the strike), followed by the reason in the language it was written in. And a date's month abbreviated in
the case the visitor's language writes it (:func:`short_month`).
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils import dateformat, translation
from django.utils.safestring import SafeString, mark_safe

from wegweiser.site.templatetags.enclosing import EnclosingNode

register = template.Library()

TEMPLATE = "core/includes/cancelled_date.html"


@register.tag("cancelled_date")
def cancelled_date(parser, token) -> CancelledDateNode:
    """``{% cancelled_date reason written_in %}<the date>{% endcancelled_date %}``.

    ``reason`` may be empty; ``written_in`` is the page or object whose language the reason is written in
    (it gets ``lang``/``dir`` when that is not the visitor's language).
    """
    node = CancelledDateNode.parse(parser, token, "endcancelled_date")
    if len(node.arguments) > 2:
        raise template.TemplateSyntaxError("cancelled_date takes a reason and what it is written in.")
    return node


class CancelledDateNode(EnclosingNode):
    def render(self, context) -> SafeString:
        values = [*self.resolve_arguments(context), "", None]
        return render_to_string(
            TEMPLATE,
            {"when": mark_safe(self.nodelist.render(context)), "reason": values[0], "written_in": values[1]},  # noqa: S308 - rendered template output
        )


#: Languages that write a month's name, and so its abbreviation, in lower case ("7 дек."): Django's "M" capitalises
#: it in every language ("Пн 7 Дек").
LOWER_CASE_MONTHS = frozenset({"ru", "uk"})


@register.filter
def short_month(value) -> str:
    """A date's month abbreviated in the active language, in its case: "Dez", "Dec", "Ara", "дек", "гру"."""
    if not value:
        return ""
    lower = translation.get_language() in LOWER_CASE_MONTHS
    return dateformat.format(value, "b" if lower else "M")
