"""A Daphne process restarted mid-job (distributed mode): the open page reconnects by itself and shows the end."""

from __future__ import annotations

import signal

import pytest
from playwright.sync_api import expect

from tests.live.servers import PYTHON, distributed_env, free_port, spawn, start_worker, stop, wait_ready

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.distributed]


def test_the_page_reconnects_after_daphne_restarts(tmp_path, page):
    env = distributed_env(tmp_path)
    port = str(free_port())
    url = f"http://127.0.0.1:{port}"
    serve = [PYTHON, "manage.py", "serve", "--port", port]
    server = spawn(serve, env, tmp_path / "serve.log")
    worker = start_worker(env, tmp_path, "w1")
    try:
        wait_ready(url, process=server)
        page.goto(url + "/")
        page.get_by_label("Your sentence").fill("A snowboarder carving down a powder slope at sunset")
        page.get_by_role("button", name="Generate my video").click()
        page.wait_for_url("**/contest/videos/*/")
        job = page.locator(".job")
        expect(job).to_have_attribute("data-status", "running", timeout=60_000)
        stop(server, signal.SIGKILL)  # the page's socket drops with the process
        server = spawn(serve, env, tmp_path / "serve2.log")
        wait_ready(url, process=server)
        expect(job).to_have_attribute("data-status", "succeeded", timeout=90_000)
        expect(page.locator(".player video")).to_be_visible()
    finally:
        stop(worker)
        stop(server)
