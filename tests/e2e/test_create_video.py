"""A fan writes one sentence and watches their preview video being made, live, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.mark.parametrize(
    "sentence,sport",
    [
        ("Una sciatrice scende a tutta velocità sulla pista di Cortina", "Alpine skiing"),
        ("@大聖 高台からスキーでジャンプ", "Ski jumping"),
    ],
)
def test_sentence_to_a_playable_video_with_live_progress(site, page, sentence, sport):
    page.goto(site + "/")
    page.get_by_label("Your sentence").fill(sentence)
    page.get_by_role("button", name="Generate my video").click()
    page.wait_for_url("**/contest/videos/*/")
    expect(page.locator(".chips")).to_contain_text(sport)
    job = page.locator(".job")
    expect(job).to_have_attribute("data-status", "succeeded", timeout=60_000)
    video = page.locator(".player video")
    expect(video).to_be_visible()
    expect(page.locator(".ai-label")).to_contain_text("AI-generated")
    # The browser really decodes it: metadata loads and it has the clip's length.
    duration = video.evaluate(
        "v => new Promise(r => v.readyState >= 1 ? r(v.duration)"
        " : v.addEventListener('loadedmetadata', () => r(v.duration)))"
    )
    assert 4.5 <= duration <= 5.5
    assert page.js_errors == []


def test_an_empty_sentence_gets_a_clear_message(site, page):
    page.goto(site + "/")
    page.get_by_role("button", name="Generate my video").click()
    # The browser's own required-field check or ours: either way nothing is submitted.
    assert page.url.rstrip("/") == site
    page.get_by_label("Your sentence").fill("   ")
    page.get_by_role("button", name="Generate my video").click()
    expect(page.get_by_role("alert")).to_contain_text("Write a sentence first")
