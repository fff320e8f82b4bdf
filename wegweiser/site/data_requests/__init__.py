""" "Copy or delete my data": one public page for everything the portal stores about an email address.

Each part of the portal that stores personal data (volunteer sign-ups, place alerts, a plugin's bookings)
registers it with :class:`~wegweiser.site.data_requests.registry.PersonalData`; the visitor asks once, gets
one mail with a link, confirms once, and gets one JSON copy or one deletion of all of it. No account: the
signed, expiring link in the mail proves the address (``wegweiser.site.links``).
"""
