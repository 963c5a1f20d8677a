"""axe-core in Chromium on every main page: no serious or critical accessibility violation anywhere.

Each page is opened in a fresh browser context, brought into the state a visitor sees (logged in, mid-journey), then
checked by the axe-core bundled with axe-playwright-python (nothing is fetched at test time). Logging in, planning a
kiosk visit and making an avatar happen once per module; each page's context starts from the saved cookies.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.test_moderation import decide, log_in_as_moderator

pytestmark = pytest.mark.e2e

BLOCKING = {"serious", "critical"}
# Rules switched off, each with the reason it is a false positive here. None so far.
EXCLUDED_RULES: dict[str, str] = {}
DESKTOP = {"width": 1280, "height": 800}
PORTRAIT = {"width": 1080, "height": 1920}  # the kiosk's touch screen
PHONE = {"width": 390, "height": 844}
PASSWORD = "wonder-on-ice"

AXE = Axe()


def report(violations: list[dict]) -> str:
    """One block per violation: the rule, how to fix it, and where (selector, html, what axe measured)."""
    lines = []
    for violation in violations:
        lines.append(f"\n[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:8]:
            html = re.sub(r"\s+", " ", node["html"])[:200]
            summary = re.sub(r"\s+", " ", node.get("failureSummary") or "")[:300]
            lines.append(f"  - {' '.join(map(str, node['target']))}\n      {html}\n      {summary}")
        if len(violation["nodes"]) > 8:
            lines.append(f"  ... and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    options = {"resultTypes": ["violations"], "rules": {rule: {"enabled": False} for rule in EXCLUDED_RULES}}
    violations = AXE.run(page, options=options).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    if blocking:
        pytest.fail(f"{page.url}: {len(blocking)} serious or critical axe rule(s) failed:{report(blocking)}")


# --- who is looking: states saved once per module ---------------------------------------------------------------


@dataclass
class Visitor:
    """Saved cookies of a browser that has already logged in or gone part of the way, and the pages it made."""

    state: dict
    paths: dict[str, str] = field(default_factory=dict)


def new_page(browser, viewport: dict = DESKTOP, visitor: Visitor | None = None) -> Page:
    context = browser.new_context(
        locale="en-GB",
        viewport=viewport,
        has_touch=viewport is not DESKTOP,
        # No fade-ins: axe would otherwise measure the colours of a card halfway through its entrance.
        reduced_motion="reduce",
        storage_state=visitor.state if visitor else None,
    )
    return context.new_page()


def visitor(browser, steps: Callable[[Page], dict[str, str] | None], viewport: dict = DESKTOP) -> Visitor:
    page = new_page(browser, viewport)
    try:
        paths = steps(page) or {}
        return Visitor(page.context.storage_state(), paths)
    finally:
        page.context.close()


def log_in_as_fan(page: Page, site: str, email: str) -> None:
    page.goto(site + "/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("link", name="My videos")).to_be_visible()


def plan_kiosk_visit(page: Page, site: str) -> None:
    page.goto(site + "/kiosk/language/")
    choose_language("English")(page)
    for label in ("Fashion", "Figure skating", "Calm", "45 min", "With friends", "2"):
        page.locator(".chip", has_text=re.compile(f"^{label}$")).click()
    page.get_by_role("button", name="Plan my visit").click()
    expect(page.get_by_role("link", name="See my picks")).to_be_visible(timeout=20_000)


def make_avatar(page: Page, site: str) -> dict[str, str]:
    page.goto(site + "/kiosk/avatar/pick/")
    page.get_by_test_id("base-fox").click()
    page.get_by_test_id("make").click()
    page.get_by_test_id("avatar-result").locator("img").wait_for(state="visible", timeout=30_000)
    return {"avatar": page.url.removeprefix(site)}


@pytest.fixture(scope="module")
def entry_id(site) -> int:
    """A published demo entry."""
    with urllib.request.urlopen(site + "/museum/lobby/playlist.json", timeout=10) as response:
        return json.load(response)["items"][0]["id"]


@pytest.fixture(scope="module")
def giulia(site, browser) -> Visitor:
    """A demo fan with entries in the contest."""
    return visitor(browser, lambda page: log_in_as_fan(page, site, "giulia@wonder.invalid"))


@pytest.fixture(scope="module")
def mia(site, browser) -> Visitor:
    """A demo fan with no video of her own yet."""
    return visitor(browser, lambda page: log_in_as_fan(page, site, "mia@wonder.invalid"))


@pytest.fixture(scope="module")
def moderator(site, browser) -> Visitor:
    return visitor(browser, lambda page: log_in_as_moderator(page, site))


@pytest.fixture(scope="module")
def kiosk_visitor(site, browser) -> Visitor:
    """A kiosk visit with its route planned."""
    return visitor(browser, lambda page: plan_kiosk_visit(page, site), PORTRAIT)


@pytest.fixture(scope="module")
def avatar_maker(site, browser) -> Visitor:
    """A kiosk session that has made a (drawn, no camera) avatar."""
    return visitor(browser, lambda page: make_avatar(page, site), PORTRAIT)


@pytest.fixture
def entry_in_queue(site, browser, moderator, entry_id):
    """One published entry back in the moderation queue for the test, published again afterwards."""
    page = new_page(browser, visitor=moderator)
    decide(page, site, entry_id, "take_down")
    yield
    decide(page, site, entry_id, "approve")
    page.context.close()


# --- what the visitor does on the page before the check ---------------------------------------------------------


def make_a_video(page: Page) -> None:
    """Write a sentence and watch the video being made; checked while running, then with its enter form."""
    page.get_by_label("Your sentence").fill("A panda curling under the northern lights")
    page.get_by_role("button", name="Generate my video").click()
    page.wait_for_url("**/contest/videos/*/")
    assert_accessible(page)
    expect(page.locator(".job")).to_have_attribute("data-status", "succeeded", timeout=60_000)
    expect(page.locator("#enter form")).to_be_visible()


def review_the_queue(page: Page) -> None:
    """The queue as it opens; then the card (named in the URL's fragment) approved, redrawn in place."""
    card = page.locator("#" + page.url.partition("#")[2])
    expect(card).to_be_visible()
    assert_accessible(page)
    card.get_by_role("button", name=re.compile("Approve")).click()
    expect(card).to_have_class(re.compile("decided"))


def switch_language(code: str) -> Callable[[Page], None]:
    def switch(page: Page) -> None:
        page.select_option("#language-select", code)
        expect(page.locator("html")).to_have_attribute("lang", code)

    return switch


def choose_language(name: str) -> Callable[[Page], None]:
    def choose(page: Page) -> None:
        page.get_by_role("button", name=name).click()
        page.wait_for_url("**/kiosk/visit/quiz/")

    return choose


def consent_without_a_camera(page: Page) -> None:
    """Agree on the consent screen; this browser has no camera, so the capture page offers the file input."""
    page.get_by_test_id("consent-yes").click()
    page.wait_for_url("**/kiosk/avatar/capture/")
    expect(page.locator(".camera-missing")).to_be_visible()


def follow(selector: str) -> Callable[[Page], None]:
    def go(page: Page) -> None:
        page.goto(page.locator(selector).get_attribute("href"))

    return go


@dataclass(frozen=True)
class Screen:
    path: str  # may name {entry} (a published entry) or one of the visitor's paths
    who: str | None = None  # the fixture giving the Visitor whose cookies the page starts with
    viewport: dict = field(default_factory=lambda: DESKTOP)
    then: Callable[[Page], None] | None = None
    needs: tuple[str, ...] = ()  # other fixtures the page needs


KIOSK = PORTRAIT
SCREENS: dict[str, Screen] = {
    # The fan site
    "home": Screen("/"),
    "home-in-japanese": Screen("/", then=switch_language("ja")),
    "video": Screen("/", who="mia", then=make_a_video),
    "contest-entries": Screen("/contest/"),
    "contest-entry": Screen("/contest/entries/{entry}/"),
    "arena": Screen("/contest/arena/", who="giulia"),
    "board": Screen("/contest/board/"),
    "results": Screen("/contest/results/"),
    "my-videos": Screen("/contest/me/", who="giulia"),
    "jury": Screen("/contest/jury/", who="moderator"),
    "log-in": Screen("/accounts/login/"),
    "sign-up": Screen("/accounts/signup/"),
    "gallery": Screen("/gallery/"),
    "gallery-entry": Screen("/gallery/entries/{entry}/"),
    # The museum
    "museum": Screen("/museum/"),
    "museum-winners": Screen("/museum/winners/"),
    "museum-screen": Screen("/museum/lobby/"),
    # Staff
    "moderation": Screen(
        "/moderation/#entry-{entry}", who="moderator", then=review_the_queue, needs=("entry_in_queue",)
    ),
    "moderation-screens": Screen("/moderation/screens/", who="moderator"),
    "moderation-films": Screen("/moderation/films/", who="moderator"),
    "moderation-audit-log": Screen("/moderation/entries/{entry}/log/", who="moderator"),
    "kiosk-staff": Screen("/kiosk/staff/", who="moderator"),
    # The kiosk journey
    "kiosk-attract": Screen("/kiosk/", viewport=KIOSK),
    "kiosk-language": Screen("/kiosk/language/", viewport=KIOSK),
    "kiosk-quiz": Screen("/kiosk/language/", viewport=KIOSK, then=choose_language("English")),
    "kiosk-route": Screen("/kiosk/visit/plan/", who="kiosk_visitor", viewport=KIOSK),
    "kiosk-picks": Screen("/kiosk/visit/for-you/", who="kiosk_visitor", viewport=KIOSK),
    "kiosk-take-home": Screen("/kiosk/visit/take-home/", who="kiosk_visitor", viewport=KIOSK),
    "take-home-on-a-phone": Screen(
        "/kiosk/visit/take-home/", who="kiosk_visitor", viewport=PHONE, then=follow("[data-take-home]")
    ),
    # The avatar booth
    "avatar-consent": Screen("/kiosk/avatar/", viewport=KIOSK),
    "avatar-capture-without-camera": Screen("/kiosk/avatar/", viewport=KIOSK, then=consent_without_a_camera),
    "avatar-no-camera-pick": Screen("/kiosk/avatar/pick/", viewport=KIOSK),
    "avatar-look": Screen("/kiosk/avatar/look/?base=fox", viewport=KIOSK),
    "avatar-result": Screen("{avatar}", who="avatar_maker", viewport=KIOSK),
    "avatar-take-home-on-a-phone": Screen(
        "{avatar}", who="avatar_maker", viewport=PHONE, then=follow("[data-testid=take-home-link]")
    ),
}


@pytest.mark.parametrize("name", SCREENS)
def test_no_serious_or_critical_axe_violations(request, site, browser, name):
    screen = SCREENS[name]
    for fixture in screen.needs:
        request.getfixturevalue(fixture)
    who: Visitor | None = request.getfixturevalue(screen.who) if screen.who else None
    path = screen.path
    if "{entry}" in path:
        path = path.format(entry=request.getfixturevalue("entry_id"))
    path = path.format(**who.paths) if who else path
    page = new_page(browser, screen.viewport, who)
    try:
        page.goto(site + path)
        if screen.then:
            screen.then(page)
        page.wait_for_load_state()
        assert_accessible(page)
    finally:
        page.context.close()
