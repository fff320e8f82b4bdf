"""Wegweiser: an integration-services portal on Wagtail CMS."""

__version__ = "0.1.0"
