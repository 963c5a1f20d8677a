"""Red team, safe by default: what `make run` serves on an installation's own box, with nothing configured."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.live.servers import ROOT, free_port, spawn, stop, wait_ready

PUBLIC_DEFAULT_KEY = "embedded-development-key-not-for-production"
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'debug': settings.DEBUG, 'key': settings.SECRET_KEY}))"
)


def _bare_env(tmp: Path) -> dict[str, str]:
    """The environment of someone who typed `make run`: no DEBUG, no SECRET_KEY, no test settings."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "WONDER_HTTPS"}
    }
    env.update(DJANGO_SETTINGS_MODULE="wonder.settings", WONDER_VAR_DIR=str(tmp), PYTHONUNBUFFERED="1")
    return env


def _settings(env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_with_nothing_configured_debug_is_off_and_the_secret_key_is_random_and_kept(tmp_path):
    env = _bare_env(tmp_path)
    first = _settings(env)
    assert first["debug"] is False
    assert first["key"] != PUBLIC_DEFAULT_KEY and len(first["key"]) >= 50
    key_file = tmp_path / "secret_key"
    assert key_file.read_text().strip() == first["key"]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert _settings(env)["key"] == first["key"]  # kept: sessions and signed links survive a restart
    assert _settings(_bare_env(tmp_path / "other"))["key"] != first["key"]  # each installation its own


def test_debug_is_turned_on_only_on_request(tmp_path):
    assert _settings({**_bare_env(tmp_path), "DEBUG": "1"})["debug"] is True
    makefile = (Path(ROOT) / "Makefile").read_text()
    run = re.search(r"^run:.*?(?=^\S)", makefile, re.M | re.S).group(0)
    dev = re.search(r"^dev:.*?(?=^\S)", makefile, re.M | re.S).group(0)
    assert "DEBUG=1" not in run and "collectstatic" in run
    assert "DEBUG=1" in dev


def _get(url: str, headers: dict | None = None) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=20) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")


@pytest.mark.live
@pytest.mark.slow
def test_make_run_serves_pages_static_files_and_no_tracebacks_with_debug_off(tmp_path):
    env = _bare_env(tmp_path)
    # What the Makefile's run target does (WONDER_HTTPS=0: it serves plain HTTP on this machine).
    env.update(WONDER_HTTPS="0", STATIC_ROOT=str(tmp_path / "static"), WONDER_METRICS_TOKEN="metrics-token-123")
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    seeded = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    # The demo data is there, and its moderator's password is this installation's own, not the README's.
    password = (tmp_path / "demo_password").read_text().strip()
    assert f"password '{password}'" in seeded and "wonder-on-ice" not in seeded
    port = free_port()
    server = spawn([sys.executable, "manage.py", "serve", "--port", str(port)], env, tmp_path / "serve.log")
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process=server)
        status, home = _get(url + "/")
        assert status == 200
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
        assert _get(url + stylesheet)[0] == 200
        status, gallery = _get(url + "/gallery/")
        assert status == 200 and "Nonna takes flight" in gallery  # a demo entry
        status, missing = _get(url + "/no-such-page/")
        assert status == 404 and "Traceback" not in missing and "URLconf" not in missing
        assert _get(url + "/metrics")[0] in (401, 404)  # needs its token
        assert _get(url + "/metrics", {"Authorization": "Bearer metrics-token-123"})[0] == 200
    finally:
        stop(server)
