"""The public read API (``/api/v1/``) and open-data exports, built on django-ninja.

Listing types come from the core's registry, so a plugin's listing type appears here without any change
to this app.
"""
