"""A moderator works the queue by keyboard: j/k to move, v to reveal, a to approve, r to reject with a reason."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def log_in_as_moderator(page, site: str) -> None:
    page.goto(site + "/admin/login/?next=/moderation/")
    page.fill("#id_username", "moderator")
    page.fill("#id_password", "wonder-on-ice")
    page.click("input[type=submit]")
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation")


def decide(page, site: str, entry_id: int, action: str) -> None:
    """A decision over plain HTTP with the moderator's session (as the non-JavaScript form would send it)."""
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        f"{site}/moderation/entries/{entry_id}/decide/",
        form={"action": action},
        headers={"X-CSRFToken": token, "Referer": site + "/moderation/"},
    )
    assert response.ok


def test_moderator_approves_and_rejects_by_keyboard(site, page):
    log_in_as_moderator(page, site)
    ids = [item["id"] for item in page.request.get(site + "/museum/lobby/playlist.json").json()["items"]][:2]
    for entry_id in ids:  # two demo entries back to the queue
        decide(page, site, entry_id, "take_down")
    page.goto(site + "/moderation/")
    cards = page.locator(".mod-card")
    expect(cards).to_have_count(2)
    first, second = cards.nth(0), cards.nth(1)
    expect(first).to_have_class("mod-card current")
    expect(page.get_by_text("Keyboard shortcuts")).to_be_visible()

    page.keyboard.press("j")
    expect(second).to_have_class("mod-card current")
    page.keyboard.press("k")
    expect(first).to_have_class("mod-card current")

    page.keyboard.press("v")
    expect(first.locator(".reveal")).to_have_attribute("data-revealed", "true")
    page.keyboard.press("a")
    decided = page.locator(f"#entry-{first.get_attribute('data-entry')}")
    expect(decided).to_contain_text("Decided: Approved")
    expect(second).to_have_class("mod-card current")  # the next entry opens by itself

    page.keyboard.press("r")
    reason = second.locator(".reject-form select")
    expect(reason).to_be_focused()
    reason.select_option("quality")
    page.keyboard.press("Enter")
    expect(page.locator(".mod-card").nth(1)).to_contain_text("Decided: Not accepted")
    assert page.js_errors == []
