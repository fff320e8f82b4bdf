"""Links to pages inside rich text, made the way every other link of the public site is made."""

from __future__ import annotations

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from wegweiser.site.listings import published_url


class PublicPageLinkHandler(PageLinkHandler):
    """A page link in rich text leads to the page in the visitor's language, not to the German site where the
    page has no translation; a page that is not published is no link at all
    (:func:`~wegweiser.site.listings.published_url`)."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        urls = [published_url(page) for page in cls.get_many(attrs_list)]
        return [f'<a href="{escape(url)}">' if url else "<a>" for url in urls]
