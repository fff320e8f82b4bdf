"""Accounts for new partner organisations: the public request form, the office's review and the invitation.

Approving a request creates the organisation page (and so its editors group, see
:mod:`wegweiser.site.organisations`) and the contact's account, which they activate with a one-time link.
"""
