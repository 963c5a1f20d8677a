"""The avatar capture flow in Chromium with a fake camera that films the (public-domain) astronaut portrait."""

from __future__ import annotations

import re
from pathlib import Path

import cv2
import numpy as np
import pytest
from skimage import data

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.live.servers import embedded_site

pytestmark = pytest.mark.e2e


def write_y4m(path: Path, frames: int = 10) -> Path:
    """A short 640x480 I420 Y4M clip of the astronaut, centred like a visitor in front of the kiosk."""
    canvas = np.full((480, 640, 3), 205, np.uint8)
    canvas[:, 80:560] = cv2.resize(data.astronaut(), (480, 480), interpolation=cv2.INTER_AREA)
    yuv = cv2.cvtColor(canvas, cv2.COLOR_RGB2YUV_I420).tobytes()
    with path.open("wb") as out:
        out.write(b"YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n")
        for _ in range(frames):
            out.write(b"FRAME\n" + yuv)
    return path


@pytest.fixture(scope="module")
def avatar_site(tmp_path_factory):
    with embedded_site(tmp_path_factory.mktemp("avatar-e2e")) as (url, _env):
        yield url


@pytest.fixture(scope="module")
def camera_browser(playwright, tmp_path_factory):
    video = write_y4m(tmp_path_factory.mktemp("camera") / "astronaut.y4m")
    args = [
        *CHROMIUM_ARGS,
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def kiosk(camera_browser):
    context = camera_browser.new_context(locale="en-GB", viewport={"width": 1080, "height": 1920})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page
    context.close()


def test_consent_camera_countdown_capture_style_progress_avatar(avatar_site, kiosk, tmp_path) -> None:
    page = kiosk
    page.goto(f"{avatar_site}/kiosk/avatar/")
    assert page.locator("video").count() == 0  # no camera on the consent screen
    page.get_by_test_id("consent-yes").click()
    page.wait_for_url(re.compile(r"/capture/$"))

    shoot = page.get_by_test_id("shoot")
    shoot.wait_for(state="visible", timeout=10_000)  # the live preview is running
    assert page.evaluate("document.querySelector('video').videoWidth") == 640
    shoot.click()
    page.locator(".camera-countdown").wait_for(state="visible")
    assert page.locator(".camera-countdown").inner_text() in {"3", "2"}
    page.get_by_test_id("retake").wait_for(state="visible", timeout=6_000)
    page.get_by_test_id("use-photo").click()

    page.wait_for_url(re.compile(r"/look/\?capture="))
    page.get_by_test_id("style-comic").click()
    page.locator("label.chip-choice", has_text="Ice hockey").click()
    page.fill("input[name=name]", "Eileen")
    page.get_by_test_id("make").click()

    page.wait_for_url(re.compile(r"/a/[0-9a-f-]+/$"))
    result = page.get_by_test_id("avatar-result").locator("img")
    result.wait_for(state="visible", timeout=30_000)
    # Visible is not loaded: wait until the browser has decoded the picture, then check its size.
    page.wait_for_function(
        "document.querySelector('[data-testid=avatar-result] img').complete"
        " && document.querySelector('[data-testid=avatar-result] img').naturalWidth > 0",
        timeout=30_000,
    )
    assert page.evaluate("document.querySelector('[data-testid=avatar-result] img').naturalWidth") == 1080
    assert page.locator(".qr svg").count() == 1
    page.screenshot(path=str(tmp_path / "avatar-result.png"))
    assert page.js_errors == []


def test_no_camera_path_picks_a_drawn_avatar(avatar_site, kiosk) -> None:
    page = kiosk
    page.goto(f"{avatar_site}/kiosk/avatar/")
    page.get_by_test_id("no-camera").click()
    page.get_by_test_id("base-fox").click()
    page.wait_for_url(re.compile(r"/look/\?base=fox"))
    page.get_by_test_id("make").click()
    page.get_by_test_id("avatar-result").locator("img").wait_for(state="visible", timeout=30_000)
    assert page.js_errors == []
