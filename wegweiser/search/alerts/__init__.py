"""Place alerts: "tell me when something matching opens", by e-mail, double opt-in, no account.

A visitor subscribes to the search's criteria (:mod:`.criteria`) on a small form page of its own
(:mod:`.views`), so the finder and listing pages stay cacheable. Newly published listings and listings
with free places again are recorded as openings (:mod:`.openings`); a scheduled job matches them against
the alerts in batches (:mod:`.matching`, :mod:`.jobs`) and mails each alert at most once a day through the
core's outbox (:mod:`.mails`).
"""
