"""A URLconf holding only the API, handed to the middleware that post-processes API responses.

Django's LocaleMiddleware turns any 404 outside the language-prefixed URLs into a redirect to
``/de/...`` when that path would be valid — and the page tree's catch-all makes every path valid. An
API client asking for a listing that does not exist must get a JSON 404, not a redirect to HTML.
"""

from django.urls import include, path

urlpatterns = [path("api/", include("wegweiser.api.urls"))]
