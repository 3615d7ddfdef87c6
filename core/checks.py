"""Deployment checks (`manage.py check --deploy`): settings without which production quietly misbehaves."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def production_settings(app_configs, **kwargs):
    warnings = []
    if not settings.SITE_URL:
        warnings.append(
            Warning(
                "SITE_URL is not set: links in e-mails, calendars and feeds point to the Site record's address, "
                "which may be http://localhost.",
                hint="Set SITE_URL=https://your.domain and run `manage.py set_site_url` (make serve does).",
                id="core.W001",
            )
        )
    if settings.EMAIL_DELIVERY_BACKEND.endswith(("console.EmailBackend", "locmem.EmailBackend", "dummy.EmailBackend")):
        warnings.append(
            Warning(
                "E-mail is not delivered: the delivery backend writes to the console.",
                hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) for SMTP.",
                id="core.W002",
            )
        )
    if not settings.ADMINS and not getattr(settings, "SENTRY_DSN", ""):
        warnings.append(
            Warning(
                "Nobody hears of server errors: neither ADMINS nor SENTRY_DSN is set.",
                hint="Set ADMINS to the technical team's address (and/or SENTRY_DSN).",
                id="core.W003",
            )
        )
    if settings.CDN_CACHE_SECONDS and not settings.WAGTAILFRONTENDCACHE:
        warnings.append(
            Warning(
                "CDN_CACHE_SECONDS lets a CDN keep pages, but nothing purges it: changes show late.",
                hint="Set FRONTEND_CACHE_PURGE_URL, FRONTEND_CACHE_CLOUDFLARE_* or FRONTEND_CACHE_CLOUDFRONT_*.",
                id="core.W004",
            )
        )
    if settings.CDN_CACHE_SECONDS and not settings.REDIS_URL:
        warnings.append(
            Warning(
                "A CDN is purged of pages other than the one published only when REDIS_URL is set.",
                hint="Set REDIS_URL (core.cdn keeps there the addresses the CDN may hold).",
                id="core.W005",
            )
        )
    return warnings
