"""Free places again: how a plugin tells the portal that one of its listings can be joined once more.

A course date that was fully booked gets free seats, a place at an event date is given back: the plugin
calls :func:`announce_places_opened` with the listing page, and whoever waits for such a listing (the
finder's place alerts) hears of it. A newly published listing needs no call: publishing is seen by the
portal itself.
"""

from __future__ import annotations

from django.dispatch import Signal

#: Sent with ``page`` (the listing, a specific page) when it has free places again.
places_opened = Signal()


def announce_places_opened(page) -> None:
    places_opened.send(sender=type(page), page=page)
