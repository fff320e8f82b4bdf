"""How a public page shows a cancelled date (an event's occurrence, a course date): one way for every plugin.

The date stays readable, struck through and called "cancelled" in words (a screen reader does not announce
the strike), followed by the reason in the language it was written in.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
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
