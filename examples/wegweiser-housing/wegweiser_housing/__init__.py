"""Wegweiser plugin: housing offers for refugees and newcomers."""

__version__ = "0.1.0"
