"""Registration only: the offer listing type, the stale-listings panel and the import view."""

from wagtail import hooks

from wegweiser.offers.listing_type import offer_listing_type


@hooks.register("register_listing_type")
def register_offer():
    return offer_listing_type()
