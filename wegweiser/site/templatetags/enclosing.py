"""The node of a tag that encloses HTML, ``{% name argument … %}…{% endname %}``: what it encloses and its
arguments. Not a tag library (it registers no tags); the libraries beside it build their nodes on it."""

from __future__ import annotations

from django import template


class EnclosingNode(template.Node):
    def __init__(self, nodelist, arguments):
        self.nodelist = nodelist
        self.arguments = arguments

    @classmethod
    def parse(cls, parser, token, end_tag: str):
        """The node for ``token``: its arguments as filter expressions, the template up to ``end_tag``."""
        arguments = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
        nodelist = parser.parse((end_tag,))
        parser.delete_first_token()
        return cls(nodelist, arguments)

    def resolve_arguments(self, context) -> list:
        return [argument.resolve(context) for argument in self.arguments]
