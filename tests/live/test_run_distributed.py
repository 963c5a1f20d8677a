"""`make run-distributed` for real: scripts/run-distributed.sh with nginx in front of two Daphne processes, a CPU
worker, a gpu-queue worker and Celery beat, on Redis and PostgreSQL (a fresh database for each run).

The tests of the first stack run in file order: they share it, kill one of its Daphnes, and finally stop it.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psutil
import psycopg
import pytest
import websockets

from .client import SiteClient, collect
from .servers import ROOT, distributed_stack, log_tail

# The stack starts in minutes on a busy machine, and beat's first purge comes a minute after beat starts.
pytestmark = [pytest.mark.live, pytest.mark.distributed, pytest.mark.slow, pytest.mark.timeout(600)]

CREATE_EXPIRED_CAPTURE = """
from datetime import timedelta
from django.utils import timezone
from avatars.models import Capture, private_dir
private_dir().mkdir(parents=True, exist_ok=True)
(private_dir() / "expired-selfie.jpg").write_bytes(b"a selfie past its deadline")
past = timezone.now() - timedelta(hours=1)
capture = Capture.objects.create(
    session_key="gone", created=past, consented_at=past, expires_at=past, photo_name="expired-selfie.jpg"
)
print(capture.pk)
"""


class Stack:
    """The running script and what the tests learn about it as they go."""

    def __init__(self, url: str, env: dict[str, str], script: subprocess.Popen, tmp: Path) -> None:
        self.url, self.env, self.script, self.tmp = url, env, script, tmp
        self.capture_id = ""

    def processes(self) -> list[psutil.Process]:
        return psutil.Process(self.script.pid).children(recursive=True)

    def daphnes(self) -> dict[int, psutil.Process]:
        """Each Daphne process by the port it serves."""
        found = {}
        for process in self.processes():
            cmdline = process.cmdline()
            if any(part.endswith("daphne") for part in cmdline[:2]):
                found[int(cmdline[cmdline.index("--port") + 1])] = process
        return found


def get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def manage_shell(env: dict[str, str], code: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def group_members(pgid: int) -> list[psutil.Process]:
    members = []
    for process in psutil.process_iter():
        try:
            if os.getpgid(process.pid) == pgid and alive(process):
                members.append(process)
        except ProcessLookupError:
            continue
    return members


def assert_stops_cleanly(stack: Stack, send) -> None:
    """``send`` signals the script; then every process of the stack is gone and every port is free."""
    started = stack.processes()
    ports = [int(stack.env["PORT"]), *map(int, stack.env["WEB_PORTS"].split())]
    send()
    try:
        stack.script.wait(timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the script did not stop; its log ends with:\n{log_tail(stack.tmp / 'stack.log')}")
    # Pool processes of a worker may take a moment longer than their parent.
    deadline = time.monotonic() + 10
    while True:
        left = [p for p in started if alive(p)]
        left += [p for p in group_members(stack.script.pid) if p not in left]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert not left, [" ".join(p.cmdline()) for p in left]
    listening = {c.laddr.port for c in psutil.net_connections("tcp") if c.status == psutil.CONN_LISTEN}
    assert not listening & set(ports)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("run-distributed")
    with distributed_stack(tmp) as (url, env, script):
        yield Stack(url, env, script, tmp)


def test_the_script_starts_nginx_two_daphnes_both_workers_and_beat(stack):
    # Beat's first purge comes a minute after it starts: give it an expired capture now, look at the end.
    stack.capture_id = manage_shell(stack.env, CREATE_EXPIRED_CAPTURE).splitlines()[-1]
    commands = [" ".join(p.cmdline()) for p in stack.processes()]
    assert sum("nginx: master process" in c for c in commands) == 1
    assert len(stack.daphnes()) == 2 and all("--proxy-headers" in c for c in commands if "daphne" in c)
    assert sum(re.search(r"celery -A wonder beat\b", c) is not None for c in commands) == 1
    assert any("worker -Q default" in c for c in commands)
    gpu_workers = [c for c in commands if re.search(r"worker -Q gpu -c 1 -n gpu\d*@", c)]
    assert len({re.search(r"-n (\S+)", c).group(1) for c in gpu_workers}) >= 1  # one per GPU, or one on the CPU
    assert list(stack.tmp.glob("celerybeat-schedule*")), "beat keeps its schedule under WONDER_VAR_DIR"


def test_readyz_through_nginx_sees_database_broker_channel_layer_worker_and_safety_model(stack):
    status, headers, body = get(stack.url + "/readyz")
    assert status == 200 and headers["Server"].startswith("nginx")
    checks = json.loads(body)["checks"]
    assert {name for name, check in checks.items() if check["ok"]} == {
        "database",
        "broker",
        "channel_layer",
        "worker",
        "safety_model",
    }


def test_pages_render_and_a_form_login_passes_csrf_through_nginx(stack):
    client = SiteClient(stack.url)
    with client.opener.open(stack.url + "/", timeout=10) as response:
        assert response.status == 200 and b"<html" in response.read()
    with client.opener.open(stack.url + "/admin/login/", timeout=10) as response:
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.read()).group(1).decode()
    # A browser sends its Origin with a form: Django compares it with the Host that nginx passes on.
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "moderator", "password": "wonder-on-ice", "next": "/admin/"}
    ).encode()
    request = urllib.request.Request(
        stack.url + "/admin/login/", data=form, headers={"Origin": stack.url, "Referer": stack.url + "/admin/login/"}
    )
    with client.opener.open(request, timeout=10) as response:
        assert response.status == 200 and urllib.parse.urlsplit(response.url).path == "/admin/"


def test_nginx_serves_media_with_range_requests_and_daphne_does_not(stack):
    data = bytes(range(256)) * 8
    target = Path(stack.env["MEDIA_ROOT"]) / "probe" / "clip.mp4"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    status, headers, body = get(stack.url + "/media/probe/clip.mp4", {"Range": "bytes=100-199"})
    assert status == 206 and body == data[100:200]
    assert headers["Content-Range"] == f"bytes 100-199/{len(data)}"
    assert headers["Content-Type"] == "video/mp4" and headers["Server"].startswith("nginx")
    daphne_port = next(iter(stack.daphnes()))
    assert get(f"http://127.0.0.1:{daphne_port}/media/probe/clip.mp4")[0] == 404


def test_a_job_runs_over_http_and_streams_through_nginx_websockets(stack):
    async def scenario() -> list[dict]:
        client = SiteClient(stack.url)
        snapshot = client.start_diagnostic(steps=6, delay_s=0.1)
        async with client.connect(snapshot["id"]) as socket:
            return await collect(socket, timeout=120)

    messages = asyncio.run(scenario())
    assert messages[-1]["status"] == "succeeded" and messages[-1]["progress"] == 1.0


def test_a_daphne_killed_mid_job_is_restarted_and_clients_reconnect_through_nginx(stack):
    client = SiteClient(stack.url)
    snapshot = client.start_diagnostic(steps=40, delay_s=0.1)

    def daphne_holding_a_socket() -> tuple[int, psutil.Process]:
        # nginx opens a connection to a Daphne per request: the one still open is the WebSocket.
        for port, process in stack.daphnes().items():
            if any(c.laddr.port == port and c.status == psutil.CONN_ESTABLISHED for c in process.net_connections()):
                return port, process
        raise AssertionError("no Daphne holds the socket")

    async def scenario() -> tuple[int, list[dict], bool, list[dict]]:
        async with client.connect(snapshot["id"]) as socket:
            seen = await collect(socket, until=lambda m: m["status"] == "running" and m["progress"] > 0, timeout=90)
            port, victim = daphne_holding_a_socket()
            victim.kill()  # SIGKILL: no close frame, no goodbye
            victim.wait(10)
            try:
                seen += await collect(socket, timeout=90)
                dropped = False
            except websockets.ConnectionClosed:
                dropped = True
        # The other Daphne takes the reconnection; the job went on in the worker all along.
        async with client.connect(snapshot["id"]) as fresh:
            after = await collect(fresh, timeout=90)
        return port, seen, dropped, after

    port, seen, dropped, after = asyncio.run(scenario())
    assert dropped, "nginx closes the sockets of a Daphne that died"
    assert after[0]["seq"] >= seen[-1]["seq"] and after[-1]["status"] == "succeeded"
    assert get(stack.url + "/readyz")[0] == 200

    deadline = time.monotonic() + 120
    while port not in stack.daphnes() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert port in stack.daphnes(), "the script starts a Daphne that died again"
    # Once nginx tries it again (fail_timeout, 10 s), the restarted Daphne takes its share of requests.
    access_log = stack.tmp / "run-distributed" / "access.log"
    mark = access_log.stat().st_size
    while time.monotonic() < deadline:
        get(stack.url + "/healthz")
        with access_log.open() as log:
            log.seek(mark)
            if f"127.0.0.1:{port}\n" in log.read():
                break
        time.sleep(0.3)
    else:
        pytest.fail(f"the restarted Daphne on {port} got no request")


def test_beat_runs_the_biometric_purge(stack):
    assert stack.capture_id, "the first test creates the capture"
    photo = Path(stack.env["WONDER_VAR_DIR"]) / "private" / "avatars" / "expired-selfie.jpg"
    deadline = time.monotonic() + 150
    with psycopg.connect(stack.env["DATABASE_URL"], autocommit=True) as conn:
        while time.monotonic() < deadline:
            row = conn.execute("SELECT 1 FROM avatars_capture WHERE id = %s", [stack.capture_id]).fetchone()
            if row is None:
                break
            time.sleep(1)
    assert row is None, "beat sends avatars.purge_expired every minute; the CPU worker runs it"
    assert not photo.exists()


def test_sigterm_to_the_script_stops_every_process(stack):
    assert_stops_cleanly(stack, lambda: stack.script.send_signal(signal.SIGTERM))
    assert stack.script.returncode == 128 + signal.SIGTERM


def test_one_gpu_worker_per_gpu_and_ctrl_c_stops_every_process(tmp_path):
    # Two GPUs as nvidia-smi lists them (and a MIG slice, which is no GPU of its own).
    fake = tmp_path / "bin" / "nvidia-smi"
    fake.parent.mkdir()
    fake.write_text(
        "#!/bin/sh\necho 'GPU 0: NVIDIA H100 (UUID: GPU-a)'\necho '  MIG 1g.10gb Device 0: (UUID: MIG-a)'\n"
        "echo 'GPU 1: NVIDIA H100 (UUID: GPU-b)'\n"
    )
    fake.chmod(0o755)
    with distributed_stack(tmp_path, PATH=f"{fake.parent}:{os.environ['PATH']}") as (url, env, script):
        stack = Stack(url, env, script, tmp_path)
        pinned = {}
        for process in stack.processes():
            name = re.search(r"worker -Q gpu -c 1 -n (gpu\d*)@", " ".join(process.cmdline()))
            if name:
                pinned[name.group(1)] = process.environ().get("CUDA_VISIBLE_DEVICES")
        assert pinned == {"gpu0": "0", "gpu1": "1"}
        # A terminal's Ctrl-C signals the whole foreground process group, not just the script.
        assert_stops_cleanly(stack, lambda: os.killpg(script.pid, signal.SIGINT))
        assert script.returncode == 128 + signal.SIGINT
