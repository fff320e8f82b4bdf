"""How a public page shows a cancelled date (an event's occurrence, a course date): one way for every plugin.

The date stays readable, struck through and called "cancelled" in words (a screen reader does not announce
the strike), followed by the reason in the language it was written in.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

TEMPLATE = "core/includes/cancelled_date.html"


@register.tag("cancelled_date")
def cancelled_date(parser, token) -> CancelledDateNode:
    """``{% cancelled_date reason written_in %}<the date>{% endcancelled_date %}``.

    ``reason`` may be empty; ``written_in`` is the page or object whose language the reason is written in
    (it gets ``lang``/``dir`` when that is not the visitor's language).
    """
    arguments = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if len(arguments) > 2:
        raise template.TemplateSyntaxError("cancelled_date takes a reason and what it is written in.")
    nodelist = parser.parse(("endcancelled_date",))
    parser.delete_first_token()
    return CancelledDateNode(nodelist, arguments)


class CancelledDateNode(template.Node):
    def __init__(self, nodelist, arguments):
        self.nodelist = nodelist
        self.arguments = arguments

    def render(self, context) -> SafeString:
        values = [argument.resolve(context) for argument in self.arguments] + ["", None]
        return render_to_string(
            TEMPLATE,
            {"when": mark_safe(self.nodelist.render(context)), "reason": values[0], "written_in": values[1]},  # noqa: S308 - rendered template output
        )
