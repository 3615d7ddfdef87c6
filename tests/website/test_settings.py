"""The production settings: no demo content, the site's own login for members-only pages, e-mail login."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings


def production_settings(*names, **environment):
    code = (
        "import json, importlib; s = importlib.import_module('website.settings.production'); "
        f"print(json.dumps({{name: getattr(s, name) for name in {list(names)!r}}}))"
    )
    env = {**os.environ, "SECRET_KEY": secrets.token_urlsafe(50), **environment}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    return done


def test_the_demo_app_is_absent_from_production_and_present_in_development_and_tests():
    done = production_settings("INSTALLED_APPS", "WAGTAIL_FRONTEND_LOGIN_URL", "AUTH_USER_MODEL")
    values = json.loads(done.stdout)
    assert "demo" not in values["INSTALLED_APPS"] and "core" in values["INSTALLED_APPS"]
    assert values["WAGTAIL_FRONTEND_LOGIN_URL"] == "members:login"
    assert values["AUTH_USER_MODEL"] == "members.User"
    assert "demo" in settings.INSTALLED_APPS


def test_production_reads_the_visitors_address_behind_one_proxy_unless_told_otherwise():
    """Behind nginx with 0, every visitor would share nginx's address: one person could lock everyone's login."""
    environment = {k: v for k, v in os.environ.items() if k != "TRUSTED_PROXY_COUNT"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import importlib; print(importlib.import_module('website.settings.production').TRUSTED_PROXY_COUNT)",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**environment, "SECRET_KEY": secrets.token_urlsafe(50)},
    )
    assert done.stdout.strip() == "1", done.stderr
    assert json.loads(production_settings("TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="0").stdout) == {
        "TRUSTED_PROXY_COUNT": 0
    }
