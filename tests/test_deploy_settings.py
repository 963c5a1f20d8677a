"""Production settings pass Django's deployment checks, and embedded mode still serves plain HTTP."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.live.servers import ROOT


def test_check_deploy_is_clean_with_production_settings():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DEBUG="0", SECRET_KEY="x" * 60 + "production-like-secret", ALLOWED_HOSTS="wonder.example")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_embedded_mode_does_not_redirect_to_https(client, db):
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 200
