"""The Content-Security-Policy is enforced by a real browser: injected markup cannot run code or restyle."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

INJECTED = '<img src="/nope.png" onerror="window.pwned = 1"><p id="red" style="color: rgb(255, 0, 0)">x</p>'


def test_injected_handlers_and_styles_are_blocked(site, page):
    page.goto(site + "/")
    page.evaluate("html => document.body.insertAdjacentHTML('beforeend', html)", INJECTED)
    page.wait_for_function("() => document.querySelector('#red') !== null")
    page.wait_for_timeout(300)  # the image error fires asynchronously
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("getComputedStyle(document.querySelector('#red')).color") != "rgb(255, 0, 0)"
    # Chromium said why; the fixture would fail the test on these, so take them as the expected outcome here.
    assert any("script-src" in line for line in page.csp_blocked)
    assert any("style-src" in line for line in page.csp_blocked)
    page.csp_blocked.clear()
