from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from wegweiser.site import page_routing, views
from wegweiser.site.plugins import installed_plugins


def plugin_urlpatterns() -> list:
    """Public URLs of every plugin that declares a URL module in its PluginMeta."""
    patterns = []
    for config in installed_plugins():
        meta = config.plugin_meta
        if meta.urls:
            patterns.append(path(meta.url_prefix, include(meta.urls)))
    return patterns


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("healthz", views.health, name="health"),
    path("api/", include("wegweiser.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("wegweiser.search.urls")),
    path("konto/", include("wegweiser.site.accounts.urls")),
    path("meine-daten/", include("wegweiser.site.data_requests.urls")),
    *plugin_urlpatterns(),
    # Public pages take POSTs only in anonymous form pages (the accessibility feedback form). They are
    # exempt from CSRF so that reading a page with a form sets no cookie; those forms change no account
    # and carry a honeypot instead. Wagtail's own "_util/" addresses (a private page's password form and
    # login) are not pages: they fall through to Wagtail's URLs below.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", csrf_exempt(page_routing.serve), name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "wegweiser.site.views.bad_request"
handler404 = "wegweiser.site.views.page_not_found"
handler500 = "wegweiser.site.views.server_error"
