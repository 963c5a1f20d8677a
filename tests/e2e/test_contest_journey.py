"""The whole contest journey in a real browser: sign up and verify by mail, a Japanese sentence, live progress to
100 %, enter, a moderator approves in the admin, another fan judges in the arena, the board updates."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.live.servers import embedded_site, manage

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SHOTS = os.environ.get("WONDER_E2E_SHOTS")  # a folder: save screenshots there to look at


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture(scope="module")
def contest_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("journey")
    mail = tmp / "mail"
    # Every judgement refreshes the board, so the test sees it change at once.
    with embedded_site(tmp, EMAIL_FILE_PATH=str(mail), WONDER_ARENA_BOARD_EVERY="1") as (url, env):
        manage(env, "seed_demo")
        yield url, mail


def read_link(mail: Path, address: str, timeout: float = 10.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted(mail.glob("*.log")) if mail.exists() else []:
            text = path.read_text()
            if address in text:
                match = re.search(r"https?://\S+/accounts/confirm-email/\S+", text)
                if match:
                    return match.group(0)
        time.sleep(0.2)
    raise AssertionError(f"no confirmation mail for {address}")


def board_judgements(page, url: str) -> int:
    page.goto(url + "/contest/board/")
    text = page.locator('[data-board="ski-jumping"] .quota').inner_text()
    return int(re.search(r"(\d+) judgement", text).group(1))


def test_sign_up_create_enter_approve_judge_and_the_board_moves(contest_site, browser):
    url, mail = contest_site
    fan = browser.new_context(locale="en-GB")
    page = fan.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # Sign up, read the mail, confirm: confirming logs the fan in.
    page.goto(url + "/accounts/signup/")
    page.locator("input[name=email]").fill("yuki@example.org")
    page.locator("input[name=password1]").fill("kakigori-on-ice-26")
    page.locator("input[name=password2]").fill("kakigori-on-ice-26")
    page.locator("input[name=display_name]").fill("Yuki")
    page.locator("select[name=country]").select_option("JP")
    page.locator("#id_language").select_option("en")
    shot(page, "01-signup")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url("**/accounts/confirm-email/")
    page.goto(read_link(mail, "yuki@example.org"))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(url + "/")
    expect(page.get_by_role("link", name="My videos")).to_be_visible()

    # One Japanese sentence: the chips follow the typing, then the video is made live.
    page.get_by_label("Your sentence").fill("高台からスキーでジャンプ、アニメ風")
    expect(page.locator('[data-chip="sport"] option').first).to_have_text(re.compile("Ski jumping"))
    expect(page.locator('[data-chip="style"] option').first).to_have_text(re.compile("Anime"))
    shot(page, "02-chips")
    page.get_by_role("button", name="Generate my video").click()
    page.wait_for_url("**/contest/videos/*/")
    job = page.locator(".job")
    expect(job).to_have_attribute("data-status", "succeeded", timeout=60_000)
    expect(page.locator(".job-percent")).to_have_text("100%")
    expect(page.locator(".player video")).to_be_visible()

    # Enter it (the actions arrive over htmx once the video is done).
    page.get_by_label("Title").fill("ジャンプの喜び")
    page.get_by_label(re.compile("I accept the contest rules")).check()
    shot(page, "03-video-done")
    page.get_by_role("button", name="Enter the contest").click()
    page.wait_for_url(re.compile(r".*/contest/entries/\d+/$"))
    entry_id = re.search(r"/entries/(\d+)/", page.url).group(1)
    expect(page.locator(".state")).to_contain_text("Waiting for review")

    # The moderator approves it in the admin.
    moderator = browser.new_context(locale="en-GB").new_page()
    moderator.goto(url + "/admin/login/?next=/admin/contest/entry/%3Fstate__exact%3Dsubmitted")
    moderator.locator("#id_username").fill("moderator")
    moderator.locator("#id_password").fill("wonder-on-ice")
    moderator.locator("input[type=submit]").click()
    moderator.locator(f'input[name="_selected_action"][value="{entry_id}"]').check()
    moderator.locator("select[name=action]").select_option("approve")
    moderator.locator("button[name=index]").click()
    expect(moderator.locator(".messagelist")).to_contain_text("1 entries approved")

    # Another fan judges pairs in the arena until the new entry has been compared; the board follows.
    voter = browser.new_context(locale="en-GB").new_page()
    before = board_judgements(voter, url)
    voter.goto(url + "/accounts/login/")
    voter.locator("input[name=login]").fill("mia@wonder.invalid")
    voter.locator("input[name=password]").fill("wonder-on-ice")
    voter.locator("main form button[type=submit]").click()
    voter.goto(url + "/contest/arena/?sport=ski-jumping")
    seen = False
    judged = 0
    for _ in range(4):
        duel = voter.locator("#duel figure")
        if duel.count() < 2:
            break
        ids = [duel.nth(i).get_attribute("data-entry") for i in range(2)]
        shot(voter, f"04-arena-{judged}")
        left_is_new = ids[0] == entry_id
        voter.get_by_role("button", name="Left is better" if left_is_new else "Right is better").click()
        expect(voter.locator("#duel [role=status]")).to_contain_text("Thanks")
        judged += 1
        if entry_id in ids:
            seen = True
            break
    assert seen, "the arena never showed the new entry, which has the fewest comparisons"
    deadline = time.monotonic() + 15
    while board_judgements(voter, url) < before + judged and time.monotonic() < deadline:
        time.sleep(0.5)
    assert board_judgements(voter, url) == before + judged
    shot(voter, "05-board")
    assert errors == []
