from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views.serve import authenticate_with_password as document_password
from wagtail.views import authenticate_with_password as page_password

from core import views as core_views
from core.health import healthz
from core.media import serve_image
from core.pagecache import public_page
from members.lockout import counts_wrong_shared_passwords
from resources import views as resources_views
from resources.feeds import ResourceFeed

from . import views
from .feeds import NewsAtomFeed, NewsFeed
from .sitemaps import SITEMAPS

urlpatterns = [
    path("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", core_views.bulk_action),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's shared-password checks, with wrong tries counted (members.lockout); the rest as Wagtail has them.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/", counts_wrong_shared_passwords(document_password)
    ),
    # Wagtail's serve view, the file named after its document's title (resources.views.serve_document).
    re_path(r"^documents/(\d+)/(.*)$", resources_views.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz/", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
]

if settings.SERVE_MEDIA or settings.AWS_STORAGE_BUCKET_NAME:
    # Only image files are served this way (from the media folder or object storage); documents always go through
    # Wagtail's serve view, which checks privacy.
    # Wagtail's originals (original_images/) are not served: only the image sizes made from them.
    urlpatterns.append(re_path(r"^media/(?P<path>images/[^/]+)$", serve_image))

urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("feeds/news/rss/", public_page(NewsFeed()), name="news_rss"),
    path("feeds/news/atom/", public_page(NewsAtomFeed()), name="news_atom"),
    path("feeds/resources/rss/", public_page(ResourceFeed()), name="resources_rss"),
    path("akun/", include("members.urls")),
    path("akun/", include("events.urls")),
    # Account pages lived under /alumni/ until accounts became their own app: old links (e-mailed ones too) follow.
    re_path(
        r"^alumni/(?:profil-saya/)?(?=(?:masuk|keluar|lupa-sandi|atur-sandi|ganti-email|unduh-data|hapus-akun)/)",
        views.moved_account_page,
    ),
    path("alumni/", include("alumni.urls")),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        counts_wrong_shared_passwords(page_password),
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
handler500 = "core.errors.server_error"
