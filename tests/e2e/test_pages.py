"""Every landing page renders in a real browser, and the live job widget follows a job to 100%."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

LANDING_PAGES = {
    "/": "Your winter-sports video, from one sentence",
    "/contest/": "Contest entries",
    "/gallery/": "Gallery",
    "/museum/": "Museum showcase",
    "/kiosk/": "Wonder on Ice",
    "/kiosk/avatar/": "Your winter-sports avatar",
}


@pytest.mark.parametrize("path,heading", LANDING_PAGES.items())
def test_landing_page_renders(site, page, path, heading):
    response = page.goto(site + path)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert page.js_errors == []


def test_language_switcher_translates_the_page(site, page):
    page.goto(site + "/")
    page.select_option("#language-select", "it")
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.get_by_role("heading", level=1)).not_to_have_text(LANDING_PAGES["/"])


def test_moderator_runs_the_system_check_and_watches_it_live(site, page):
    page.goto(site + "/moderation/")
    page.fill("#id_username", "moderator")
    page.fill("#id_password", "wonder-on-ice")
    page.click("input[type=submit]")
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation")
    page.get_by_role("button", name="Run system check").click()
    job = page.locator(".job")
    expect(job).to_be_visible(timeout=30_000)
    expect(job).to_have_attribute("data-status", "succeeded", timeout=60_000)
    expect(job.locator(".job-percent")).to_have_text("100%")
    expect(page.locator(".job-bar")).to_have_attribute("aria-valuenow", "100")
    assert page.js_errors == []
