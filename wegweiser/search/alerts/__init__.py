"""Place alerts: "tell me when something matching opens", by e-mail, double opt-in, no account.

A visitor subscribes to the search's criteria (:mod:`.criteria`) on a small form page of its own
(:mod:`.views`), so the finder and listing pages stay cacheable. Newly published listings and listings
with free places again are recorded as openings (:mod:`.openings`); a scheduled job matches them against
the alerts in batches (:mod:`.matching`, :mod:`.jobs`) and mails each alert at most once a day through the
core's outbox (:mod:`.mails`). The same address asking for the same alert again gets no second one
(:meth:`~wegweiser.search.models.PlaceAlert.subscribe`): a waiting one's link is mailed again, one that is
on is named in a mail with its stop link, and the page after the form is the same either way.
"""
