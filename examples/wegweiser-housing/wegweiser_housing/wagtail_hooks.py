"""Registration only: the housing listing type joins the portal through the core's hook."""

from wagtail import hooks

from wegweiser_housing.listing_type import housing_listing_type


@hooks.register("register_listing_type")
def register_housing_offers():
    return housing_listing_type()
