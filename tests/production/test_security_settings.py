"""Production settings pass Django's deploy check, and each security setting follows its
environment variable. Each case runs in a fresh process, as a deployment would start."""

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PRODUCTION = {
    "SECRET_KEY": "k7#Zq9xY2wV7uT4-" + "p" * 50,
    "ALLOWED_HOSTS": "diplomacy.example.org",
    "DJANGO_SETTINGS_MODULE": "diplomacy.settings",
}
# Variables this test process sets for itself (tests/settings.py) or may inherit.
_SCRUBBED = {
    "SECRET_KEY",
    "DJANGO_DEBUG",
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_PROXY_SSL_HEADER",
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_COOLOFF_MINUTES",
    "TRUSTED_PROXY_COUNT",
}


def _run(args, overrides):
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    env.update(PRODUCTION)
    env.update(overrides)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def deploy_check(**overrides):
    """`manage.py check --deploy` in a production environment with the given changes."""
    return _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], overrides)


def setting(name, **overrides):
    """The value a setting takes in a production process with the given environment."""
    code = (
        "import django; django.setup(); from django.conf import settings;"
        f"print(repr(settings.{name}))"
    )
    result = _run(["-c", code], overrides)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_defaults_pass_the_deploy_check_with_zero_warnings():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "warning"),
    [
        ("SECURE_HSTS_SECONDS", "0", "security.W004"),
        ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "0", "security.W005"),
        ("SECURE_HSTS_PRELOAD", "0", "security.W021"),
        ("SECURE_SSL_REDIRECT", "0", "security.W008"),
        ("SESSION_COOKIE_SECURE", "0", "security.W012"),
        ("CSRF_COOKIE_SECURE", "0", "security.W016"),
    ],
)
def test_switching_a_security_variable_off_changes_what_django_checks(variable, value, warning):
    result = deploy_check(**{variable: value})
    assert result.returncode != 0
    assert f"({warning})" in result.stderr
    # Only that one: the variable changed one setting and nothing else.
    assert re.findall(r"\((security\.\w+)\)", result.stderr) == [warning]


def test_hsts_max_age_comes_from_the_environment():
    assert setting("SECURE_HSTS_SECONDS") == "31536000"
    assert setting("SECURE_HSTS_SECONDS", SECURE_HSTS_SECONDS="86400") == "86400"


def test_the_proxy_ssl_header_is_trusted_only_when_switched_on():
    assert setting("SECURE_PROXY_SSL_HEADER") == "None"
    on = setting("SECURE_PROXY_SSL_HEADER", SECURE_PROXY_SSL_HEADER="1")
    assert on == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_login_throttling_limits_come_from_the_environment():
    assert setting("AXES_FAILURE_LIMIT") == "5"
    assert setting("AXES_COOLOFF_TIME") == "datetime.timedelta(seconds=900)"
    assert setting("AXES_FAILURE_LIMIT", LOGIN_FAILURE_LIMIT="3") == "3"
    cooloff = setting("AXES_COOLOFF_TIME", LOGIN_COOLOFF_MINUTES="60")
    assert cooloff == "datetime.timedelta(seconds=3600)"
    assert setting("TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="2") == "2"


def test_a_bad_limit_is_a_clear_error():
    result = deploy_check(LOGIN_FAILURE_LIMIT="five")
    assert result.returncode != 0
    assert "LOGIN_FAILURE_LIMIT='five' is not a whole number." in result.stderr
