"""StreamField blocks shared by the portal's pages and listings."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external link"), required=False)
    description = blocks.CharBlock(label=_("description"), required=False)

    class Meta:
        icon = "link"
        template = "blocks/link_block.html"
        label = _("link")


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"))
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = _("callout")


class ContentStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("heading"), form_classname="title", template="blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"), features=["h3", "bold", "italic", "link", "document-link", "ul", "ol"]
    )
    image = ImageBlock(label=_("image"))
    links = blocks.ListBlock(LinkBlock(), label=_("links"), template="blocks/links_block.html")
    callout = CalloutBlock()
    document = DocumentChooserBlock(label=_("document"), template="blocks/document_block.html")
