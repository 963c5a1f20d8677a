"""Browser tests: Debian chromium driven by Playwright against the real embedded site."""

from __future__ import annotations

import pytest

from tests.live.servers import embedded_site, manage

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    # The kiosk's demo clock: browser tests plan a visit whatever the time of day they run at.
    with embedded_site(tmp_path_factory.mktemp("e2e"), WONDER_KIOSK_DEMO_TIME="11:00") as (url, env):
        manage(env, "seed_demo")
        yield url


@pytest.fixture(scope="session")
def playwright():
    """The one Playwright of the session: its sync API refuses to start a second one while the first runs."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    # Every browser test doubles as a Content-Security-Policy check: chromium reports each blocked script,
    # style or connection on the console, and a page that needs one is broken in production.
    blocked: list[str] = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.csp_blocked = blocked
    yield page
    context.close()
    assert not blocked, "the Content-Security-Policy blocked something:\n" + "\n".join(blocked)
