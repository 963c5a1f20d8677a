"""A museum screen: an unpublished entry leaves it within 2 s; with the network cut it keeps playing."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.e2e.test_moderation import decide, log_in_as_moderator

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def items(page) -> list[str]:
    return [i for i in (page.locator(".stage").get_attribute("data-items") or "").split(",") if i]


def test_a_screen_drops_an_unpublished_entry_within_2_seconds(site, browser, page):
    page.goto(site + "/museum/lobby/")
    stage = page.locator(".stage")
    expect(stage).to_have_attribute("data-status", "playing", timeout=15_000)
    expect(stage).not_to_have_attribute("data-current", "")
    page.wait_for_timeout(1000)  # the socket is connected ("hello" reloads the playlist)
    victim = stage.get_attribute("data-current")
    assert victim in items(page)

    moderator = browser.new_context(locale="en-GB").new_page()
    try:
        log_in_as_moderator(moderator, site)
        started = time.monotonic()
        decide(moderator, site, int(victim), "take_down")
        page.wait_for_function(
            "id => !document.querySelector('.stage').dataset.items.split(',').includes(id)", arg=victim, timeout=2000
        )
        assert time.monotonic() - started < 2.5
        assert stage.get_attribute("data-current") != victim
        decide(moderator, site, int(victim), "approve")  # back as it was
    finally:
        moderator.context.close()
    assert page.js_errors == []


def test_the_loop_keeps_playing_with_the_network_cut(site, page):
    page.goto(site + "/museum/lobby/")
    stage = page.locator(".stage")
    expect(stage).to_have_attribute("data-status", "playing", timeout=15_000)
    count = len(items(page))
    assert count >= 2
    # The service worker controls the page and holds every clip of the playlist.
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller", timeout=15_000)
    page.wait_for_function(
        """n => caches.open('wonder-museum-v1').then(c => c.keys())
              .then(keys => keys.filter(k => k.url.endsWith('.mp4')).length >= n)""",
        arg=count,
        timeout=30_000,
    )
    page.context.set_offline(True)
    seen = set()
    deadline = time.monotonic() + 12
    while time.monotonic() < deadline and len(seen) < 3:
        seen.add(stage.get_attribute("data-current"))
        page.wait_for_timeout(200)
    assert len(seen) >= 3, f"the loop stalled offline: {seen}"
    playing = page.evaluate(
        """() => { const v = document.querySelector('video.clip.active');
                   return {t: v.currentTime, ready: v.readyState, error: v.error && v.error.code}; }"""
    )
    assert playing["error"] is None and playing["ready"] >= 2
    page.context.set_offline(False)
    assert page.js_errors == []


def test_the_offline_cache_evicts_a_clip_that_left_the_playlist(site, browser, page):
    page.goto(site + "/museum/lobby/")
    stage = page.locator(".stage")
    expect(stage).to_have_attribute("data-status", "playing", timeout=15_000)
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller", timeout=15_000)
    count = len(items(page))
    page.wait_for_function(
        """n => caches.open('wonder-museum-v1').then(c => c.keys())
              .then(keys => keys.filter(k => k.url.endsWith('.mp4')).length >= n)""",
        arg=count,
        timeout=30_000,
    )
    victim = stage.get_attribute("data-current")
    video = page.evaluate(
        """id => fetch(document.querySelector('.stage').dataset.playlistUrl).then(r => r.json())
              .then(p => new URL(p.items.find(i => String(i.id) === id).video, location.href).href)""",
        victim,
    )
    moderator = browser.new_context(locale="en-GB").new_page()
    try:
        log_in_as_moderator(moderator, site)
        decide(moderator, site, int(victim), "take_down")
        page.wait_for_function(
            """url => caches.open('wonder-museum-v1').then(c => c.keys())
                  .then(keys => !keys.some(k => k.url === url))""",
            arg=video,
            timeout=10_000,
        )
        decide(moderator, site, int(victim), "approve")  # back as it was
    finally:
        moderator.context.close()
    assert page.js_errors == []
