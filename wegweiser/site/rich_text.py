"""Links to pages inside rich text, made the way every other link of the public site is made."""

from __future__ import annotations

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from wegweiser.site.listings import localized_url


class PublicPageLinkHandler(PageLinkHandler):
    """A page link in rich text leads to the page in the visitor's language (:func:`localized_url`), not to
    the German site where the page has no translation; a page that is not published is no link at all
    (its address would show a draft's slug and lead to a "not found")."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(localized_url(page))}">' if page is not None and page.live else "<a>"
            for page in cls.get_many(attrs_list)
        ]
