"""The portal's own date formats where Django's locale has none (``FORMAT_MODULE_PATH``).

Django takes every format a module here does not set from its own locale files.
"""
