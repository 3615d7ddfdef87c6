from django.conf import settings
from django.utils.cache import patch_cache_control


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and the Permissions-Policy to the public site (Django's SecurityMiddleware
    sends the other security headers).

    The Wagtail admin relies on inline scripts and styles, so it is left out of the strict policy. A page built
    for a logged-in person (members-only names and figures) is marked private, so no shared cache or CDN keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(settings.SITE_CSP_EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", settings.SITE_CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        user = getattr(request, "user", None)
        already_decided = any(word in response.get("Cache-Control", "") for word in ("public", "no-store"))
        if user is not None and user.is_authenticated and not already_decided:
            patch_cache_control(response, private=True)
        return response
