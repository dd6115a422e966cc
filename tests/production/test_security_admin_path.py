"""The admin can be moved off the well-known /admin/ path, from the environment."""

import os
import subprocess
import sys

from tests.conftest import ROOT

_VISIT = """
import django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from django.test import Client
from django.urls import reverse
client = Client()
print("REVERSED", reverse("admin:login"))
for path in ["/redaksiyon-7f3a/login/", "/admin/", "/admin/login/"]:
    print("VISITED", path, client.get(path).status_code)
"""


def test_the_admin_answers_at_the_configured_path_and_not_at_admin(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        ADMIN_PATH="/redaksiyon-7f3a/",
        DJANGO_SETTINGS_MODULE="tests.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "-c", _VISIT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "REVERSED /redaksiyon-7f3a/login/" in lines
    assert [line for line in lines if line.startswith("VISITED ")] == [
        "VISITED /redaksiyon-7f3a/login/ 200",
        "VISITED /admin/ 404",
        "VISITED /admin/login/ 404",
    ]
