"""The fan's language end to end in a real browser: a mirrored Arabic page, and a sport asked for, not guessed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _text_box(page, selector: str) -> dict:
    """Where the text of the first element matching ``selector`` is drawn (not its block's box)."""
    return page.evaluate(
        """(selector) => {
            const el = document.querySelector(selector);
            const range = document.createRange();
            range.selectNodeContents(el);
            const text = range.getBoundingClientRect(), block = el.getBoundingClientRect();
            return {left: text.left, right: text.right, blockLeft: block.left, blockRight: block.right};
        }""",
        selector,
    )


def test_arabic_pages_are_right_to_left_and_mirrored(site, page, tmp_path):
    page.goto(site + "/")
    page.select_option("#language-select", "ar")
    page.wait_for_load_state()
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The lead paragraph starts at the right edge of its column, as Arabic readers expect.
    box = _text_box(page, ".hero .lead")
    assert abs(box["right"] - box["blockRight"]) < 2 and box["left"] > box["blockLeft"] - 1
    page.screenshot(path=str(tmp_path / "home-ar.png"), full_page=True)
    # And back: left to right again.
    page.select_option("#language-select", "en")
    page.wait_for_load_state()
    expect(html).to_have_attribute("dir", "ltr")


def test_a_sentence_without_a_sport_asks_for_one_then_surprise_me_makes_the_video(site, page):
    page.goto(site + "/")
    page.get_by_label("Your sentence").fill("A quiet snowy village at dawn, a cat sleeping by the fireplace")
    sport_chip = page.locator('.chip[data-chip="sport"]')
    expect(sport_chip).to_have_class("chip needs-choice", timeout=10_000)
    expect(page.locator("#sport-needed")).to_contain_text("which one should it be?")
    expect(page.locator(".understood")).to_contain_text("% of your sentence understood")
    page.get_by_role("button", name="Generate my video").click()
    expect(page.locator(".form-error")).to_contain_text("Which sport should it be?")
    assert "/contest/videos/" not in page.url
    page.locator('.chip[data-chip="sport"] select').select_option("surprise")
    page.get_by_role("button", name="Generate my video").click()
    page.wait_for_url("**/contest/videos/*/")
    expect(page.locator(".chips")).to_contain_text("Dawn")
    assert page.js_errors == []
