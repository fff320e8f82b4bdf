"""Registration only: the offer listing type and the admin views (import)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wegweiser.offers import admin_urls
from wegweiser.offers.listing_type import offer_listing_type


@hooks.register("register_listing_type")
def register_offer():
    return offer_listing_type()


@hooks.register("register_admin_urls")
def register_offers_admin_urls():
    return [path("offers/", include(admin_urls, namespace="offers_admin"))]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return MenuItem(_("Import offers"), reverse("offers_admin:import"), icon_name="upload", order=250)
