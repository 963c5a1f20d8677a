"""The kiosk journey in a real browser on a portrait touch screen: taps only, the agent's reasoning arriving live,
a zone closed by staff re-planning the visitor's screen, the take-home page, and the idle reset."""

from __future__ import annotations

import json
import re
import sqlite3
import time

import pytest
from playwright.sync_api import expect

from tests.live.servers import embedded_site, manage

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PORTRAIT = {"width": 1080, "height": 1920}
SCREENSHOTS = "/tmp/kiosk-{name}.png"


@pytest.fixture(scope="module")
def kiosk_site(tmp_path_factory):
    """The embedded site with the demo installation loaded; yields (url, path of its SQLite database)."""
    tmp = tmp_path_factory.mktemp("kiosk")
    with embedded_site(tmp, WONDER_KIOSK_DEMO_TIME="11:00") as (url, env):
        manage(env, "seed_demo")
        manage(env, "seed_installation")
        yield url, env["SQLITE_PATH"]


def _scalar(db: str, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0] or 0


def _visits(db: str) -> int:
    return _scalar(db, "SELECT COUNT(*) FROM experience_visit")


def _resets(db: str) -> int:
    return _scalar(db, "SELECT SUM(reset) FROM experience_visitstats")


@pytest.fixture
def kiosk(browser):
    context = browser.new_context(viewport=PORTRAIT, has_touch=True, locale="en-GB")
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    yield page
    context.close()


def _begin(page, url: str, idle_s: int) -> None:
    page.goto(f"{url}/kiosk/?idle={idle_s}")
    page.locator("[data-attract]").tap()
    page.get_by_role("button", name="English").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us about you")


def test_whole_journey_with_taps_live_agent_and_a_staff_closure(kiosk_site, kiosk, browser):
    url, _db = kiosk_site
    page = kiosk
    _begin(page, url, idle_s=600)
    page.screenshot(path=SCREENSHOTS.format(name="quiz-portrait"), full_page=True)
    for label in ("Fashion", "Fragrance", "Figure skating", "Calm", "45 min", "With friends", "2"):
        page.locator(".chip", has_text=re.compile(f"^{label}$")).tap()
    page.get_by_role("button", name="Plan my visit").tap()

    # The agent says what the solver does as it does it, with no pacing: a plan takes a fraction of a second, so
    # the lines are checked in "How your guide decided" (the live panel gets each one over the visit's socket).
    stops = page.locator(".timeline .stop")
    expect(stops.first).to_contain_text("Welcome Desk", timeout=20_000)
    page.locator(".how summary").tap()
    reasoning = page.locator(".how .reasoning li")
    expect(reasoning.first).to_contain_text("Understanding")
    expect(reasoning.filter(has_text=re.compile("^Tried a route"))).to_have_count(4)
    expect(reasoning.filter(has_text=re.compile("^Checked:"))).to_have_count(1)
    page.screenshot(path=SCREENSHOTS.format(name="agent-portrait"))
    expect(page.locator(".because").first).to_contain_text("Every visit begins")
    page.screenshot(path=SCREENSHOTS.format(name="itinerary-portrait"), full_page=True)

    # Staff close the second stop's zone from their own page; the visitor's screen re-plans by itself.
    closed = stops.nth(1).get_attribute("data-zone")
    staff_context = browser.new_context()
    staff = staff_context.new_page()
    staff.goto(f"{url}/kiosk/staff/")
    staff.fill("#id_username", "moderator")
    staff.fill("#id_password", "wonder-on-ice")
    staff.click("input[type=submit]")
    row = staff.locator(f"#zone-{closed}")
    row.get_by_role("button", name="Close").click()
    expect(row).to_have_class(re.compile("is-closed"))
    expect(row).to_contain_text("1 visit re-planned")
    staff.screenshot(path=SCREENSHOTS.format(name="staff"), full_page=True)
    staff_context.close()

    expect(page.locator(".plan-note")).to_contain_text("has just closed", timeout=20_000)
    expect(page.locator(f'.timeline .stop[data-zone="{closed}"]')).to_have_count(0)
    expect(stops.first).to_contain_text("Welcome Desk")

    page.get_by_role("link", name="See my picks").tap()
    cards = page.locator(".cards .card")
    expect(cards).to_have_count(6)
    for category in ("Outfit", "Fragrance", "Make-up"):
        expect(page.locator(".card-category", has_text=category).first).to_be_visible()
    expect(cards.first.locator(".because")).to_contain_text("Because")
    expect(page.get_by_role("link", name=re.compile("Make my avatar"))).to_have_attribute(
        "href", "/kiosk/avatar/?next=/kiosk/visit/for-you/"
    )
    page.screenshot(path=SCREENSHOTS.format(name="picks-portrait"), full_page=True)

    page.get_by_role("link", name=re.compile("Take it home")).tap()
    expect(page.locator(".qr svg")).to_be_visible()
    link = page.locator("[data-take-home]").get_attribute("href")
    page.screenshot(path=SCREENSHOTS.format(name="take-home-portrait"))
    assert page.js_errors == []

    phone_context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    phone = phone_context.new_page()
    response = phone.goto(link)
    assert response.status == 200
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your Wonder visit")
    expect(phone.locator(".timeline .stop").first).to_contain_text("Welcome Desk")
    expect(phone.locator(".cards .card")).to_have_count(6)
    phone.screenshot(path=SCREENSHOTS.format(name="phone"), full_page=True)
    phone_context.close()


def test_idle_countdown_warns_then_wipes_the_visit_and_returns_to_the_attract_loop(kiosk_site, kiosk):
    url, db = kiosk_site
    page = kiosk
    visits, resets = _visits(db), _resets(db)
    # 12 s: the warning shows for the last 6, time enough for a tap even on a loaded test machine.
    _begin(page, url, idle_s=12)
    assert _visits(db) == visits + 1
    overlay = page.locator(".idle")
    expect(overlay).to_be_visible(timeout=12_000)
    expect(overlay).to_contain_text("Still there?")
    overlay.tap()  # a tap dismisses it and the countdown starts over
    expect(overlay).to_be_hidden()
    expect(overlay).to_be_visible(timeout=12_000)
    page.wait_for_url(f"{url}/kiosk/", timeout=20_000)
    expect(page.get_by_role("heading", level=1)).to_have_text("Wonder on Ice")
    assert _visits(db) == visits  # nothing left of the visit but the anonymous count
    assert _resets(db) == resets + 1
    assert page.js_errors == []


def _nothing_of(page, token: str, avatar_id: str) -> None:
    """The screen shows nothing of the visitor whose avatar has this take-home token and id."""
    page.wait_for_load_state()
    html = page.content()
    assert token not in html and avatar_id not in html
    assert page.locator("[data-testid=avatar-result], [data-testid=take-home-link], .qr").count() == 0


def test_two_visitors_in_a_row_the_second_sees_nothing_of_the_first(kiosk_site, kiosk):
    url, _db = kiosk_site
    page = kiosk
    # The first visitor: a visit in English, then the avatar booth (no camera: a drawn avatar), then walks away.
    _begin(page, url, idle_s=25)
    page.goto(f"{url}/kiosk/avatar/")
    page.get_by_test_id("consent-yes").tap()
    page.wait_for_url(re.compile(r"/capture/$"))
    page.get_by_role("link", name="No camera: pick a drawn avatar").tap()
    page.get_by_test_id("base-owl").tap()
    page.get_by_test_id("make").tap()
    page.wait_for_url(re.compile(r"/a/[0-9a-f-]+/$"))
    result_url = page.url
    avatar_id = result_url.rstrip("/").rsplit("/", 1)[-1]
    link = page.get_by_test_id("take-home-link")
    expect(link).to_be_visible(timeout=30_000)
    token = link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]

    # Nobody touches the screen: it clears itself and goes back to the attract loop.
    expect(page.locator(".idle")).to_be_visible(timeout=30_000)
    page.wait_for_url(f"{url}/kiosk/", timeout=30_000)
    expect(page.get_by_role("heading", level=1)).to_have_text("Wonder on Ice")
    _nothing_of(page, token, avatar_id)

    # Back, again and again: every page of the last visit asks the server, which knows it is over.
    for _ in range(4):
        page.go_back()
        _nothing_of(page, token, avatar_id)

    # The second visitor, in Italian, on the same browser.
    page.goto(f"{url}/kiosk/")
    page.locator("[data-attract]").tap()
    page.get_by_role("button", name="Italiano").tap()
    page.wait_for_url(re.compile(r"/visit/quiz/$"))
    assert page.locator("html").get_attribute("lang") == "it"
    page.goto(result_url)  # the first visitor's avatar page, typed in again
    page.wait_for_url(f"{url}/kiosk/")
    _nothing_of(page, token, avatar_id)
    page.goto(f"{url}/kiosk/avatar/capture/")  # the first visitor's consent does not carry over
    page.wait_for_url(f"{url}/kiosk/avatar/")
    assert page.locator("html").get_attribute("lang") == "it"  # the booth speaks the visit's language
    _nothing_of(page, token, avatar_id)
    page.screenshot(path=SCREENSHOTS.format(name="second-visitor"))
    assert page.js_errors == []


def _take_home_link(page, url: str) -> str:
    """Plan a visit on the kiosk and return the address of its take-home page."""
    _begin(page, url, idle_s=600)
    for label in ("Sport", "Technology", "Calm", "1 hour", "Family with children", "2"):
        page.locator(".chip", has_text=re.compile(f"^{label}$")).tap()
    page.get_by_role("button", name="Plan my visit").tap()
    stops = page.locator(".timeline .stop")
    expect(stops.nth(2)).to_be_visible(timeout=20_000)
    page.get_by_role("link", name="See my picks").tap()
    page.get_by_role("link", name=re.compile("Take it home")).tap()
    return page.locator("[data-take-home]").get_attribute("href")


def _staff_closes(browser, url: str, zone: str) -> None:
    staff_context = browser.new_context()
    staff = staff_context.new_page()
    staff.goto(f"{url}/kiosk/staff/")
    staff.fill("#id_username", "moderator")
    staff.fill("#id_password", "wonder-on-ice")
    staff.click("input[type=submit]")
    staff.locator(f"#zone-{zone}").get_by_role("button", name="Close").click()
    expect(staff.locator(f"#zone-{zone}")).to_have_class(re.compile("is-closed"))
    staff_context.close()


def test_the_phone_follows_a_replan_live(kiosk_site, kiosk, browser):
    url, _db = kiosk_site
    page = kiosk
    link = _take_home_link(page, url)

    phone_context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    phone = phone_context.new_page()
    phone.goto(link)
    route = phone.locator("#me-route .timeline .stop")
    expect(route.first).to_contain_text("Welcome Desk")
    closed = route.nth(1).get_attribute("data-zone")

    _staff_closes(browser, url, closed)

    # Nobody touches the phone: it hears the re-plan on its socket and shows the new route and why.
    expect(phone.locator(".plan-note")).to_contain_text("has just closed", timeout=20_000)
    expect(phone.locator(f'#me-route .timeline .stop[data-zone="{closed}"]')).to_have_count(0)
    phone.screenshot(path=SCREENSHOTS.format(name="phone-replanned"), full_page=True)
    phone_context.close()
    assert page.js_errors == []


def test_a_change_told_while_the_phone_is_refreshing_is_not_lost(kiosk_site, kiosk, browser):
    """The re-plan's two messages (started, finished) can both reach the phone while it is still fetching the route
    for an earlier one, and that fetch can come back with what the server rendered before. The phone must fetch
    again rather than keep the old route (it once dropped messages that arrived during a fetch: a CI run's phone
    said "re-planning" for ever). The socket and the fetch are held in the browser so the order is certain."""
    url, _db = kiosk_site
    link = _take_home_link(kiosk, url)
    phone_context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    phone = phone_context.new_page()
    sockets, passed, held, hold = [], [], [], []

    def socket(ws) -> None:
        def from_server(message: str) -> None:
            if hold:
                held.append(message)
            else:
                passed.append(message)
                ws.send(message)

        ws.connect_to_server().on_message(from_server)
        sockets.append(ws)

    def told(version: int, job: str | None = None) -> list[str]:
        visits = [json.loads(m) | {"raw": m} for m in held if json.loads(m).get("type") == "visit"]
        return [v["raw"] for v in visits if v.get("version") == version and v.get("job") != job]

    def wait_for(condition) -> None:
        for _ in range(200):
            if condition():
                return
            phone.wait_for_timeout(100)

    phone.route_web_socket(re.compile(r"/ws/visits/"), socket)
    phone.goto(link)
    route = phone.locator("#me-route .timeline .stop")
    expect(route.first).to_contain_text("Welcome Desk")
    closed = route.nth(1).get_attribute("data-zone")
    shown_job = phone.locator("#me-route .me-state").get_attribute("data-job")
    before = [phone.request.get(link, headers={"HX-Request": "true"}).text()]  # the route rendered before the change
    wait_for(lambda: passed)  # the socket's snapshot on connect has reached the page (a slow machine connects late)
    hold.append(True)  # from now on the server's messages wait here

    _staff_closes(browser, url, closed)
    wait_for(lambda: told(2))
    # "Started" is the re-plan's own message: the version the page shows, with the new run's job.
    started, finished = told(1, job=shown_job)[0], told(2)[-1]

    def late(request_route) -> None:
        if not request_route.request.headers.get("hx-request") or not before:
            request_route.continue_()
            return
        hold.clear()
        sockets[-1].send(finished)  # the re-plan finishes while this fetch is on the way
        time.sleep(0.5)
        request_route.fulfill(status=200, content_type="text/html; charset=utf-8", body=before.pop())

    phone.route(link, late)
    sockets[-1].send(started)  # the phone fetches the route for the re-plan that has started
    expect(phone.locator(".plan-note")).to_contain_text("has just closed", timeout=10_000)
    expect(phone.locator(f'#me-route .timeline .stop[data-zone="{closed}"]')).to_have_count(0)
    phone_context.close()
