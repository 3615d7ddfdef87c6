"""The alumni section's public URLs, under the language prefix (none for Bahasa Indonesia, /en/ for English)."""

from .urls_accounts import urlpatterns as account_urls
from .urls_directory import urlpatterns as directory_urls
from .urls_introductions import urlpatterns as introduction_urls

app_name = "alumni"
urlpatterns = [*directory_urls, *account_urls, *introduction_urls]
