"""Red team, the edges: anonymous job floods, forged heartbeats, crafted bodies and headers, bidi text, 429s."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from contest import services as contest_services
from contest.models import Entry
from gallery.models import Report, Screen
from generation.models import Job
from tests.contest.factories import EntryFactory, FanFactory, VideoJobFactory

pytestmark = pytest.mark.django_db

BIDI = "\u202e\u202a\u2066\u200f\u061c"


# --- Rate limits on anonymous job creation ---------------------------------------------------------------------


def test_one_client_cannot_flood_the_queue_with_time_slices(settings, contest, enqueued):
    settings.WONDER_ANON_JOB_RATE_SESSION = "3/60"
    entry = EntryFactory(contest=contest)
    client = Client(REMOTE_ADDR="198.51.100.4")
    statuses = [client.post(reverse("gallery:timeslice_start", args=[entry.pk])).status_code for _ in range(6)]
    assert statuses[:3] == [302, 302, 302]
    assert statuses[3:] == [429, 429, 429]
    assert Job.objects.filter(kind="timeslice").count() == 3


def test_cookieless_clients_of_one_network_cannot_flood_time_slices(settings, contest, enqueued):
    settings.WONDER_ANON_JOB_RATE_IP = "4/60"
    entry = EntryFactory(contest=contest)
    statuses = [
        Client(REMOTE_ADDR="198.51.100.5").post(reverse("gallery:timeslice_start", args=[entry.pk])).status_code
        for _ in range(6)
    ]
    assert statuses.count(429) == 2


def test_one_client_cannot_flood_the_queue_with_no_camera_avatars(settings, enqueued):
    settings.WONDER_ANON_JOB_RATE_SESSION = "3/60"
    client = Client(REMOTE_ADDR="198.51.100.6")
    form = {"base": "skier", "style": "cartoon", "sport": "alpine-skiing", "name": "Ann"}
    from avatars.bases import BASES

    form["base"] = next(iter(BASES))
    statuses = [client.post(reverse("avatars:look"), form).status_code for _ in range(5)]
    assert statuses[:3] == [302, 302, 302], statuses
    assert statuses[3:] == [429, 429]


def test_api_videos_are_rate_limited_per_network_over_time(settings, enqueued):
    settings.WONDER_ANON_JOB_RATE_IP = "2/60"
    statuses = [
        Client(REMOTE_ADDR="198.51.100.7")
        .post("/api/contest/videos/", {"text": "a ski jumper flies"}, content_type="application/json")
        .status_code
        for _ in range(4)
    ]
    assert statuses == [201, 201, 429, 429], statuses


def test_a_cookieless_cross_site_form_post_creates_no_anonymous_job(enqueued):
    browser = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.8")
    response = browser.post(
        "/api/contest/videos/", {"text": "a ski jumper flies"}, headers={"origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert not Job.objects.exists()


# --- Museum screens: a per-screen secret -------------------------------------------------------------------------


@pytest.fixture
def screen(db):
    return Screen.objects.create(slug="lobby", name="Lobby")


def test_a_heartbeat_with_the_public_pages_csrf_token_alone_is_refused(client, screen):
    response = client.post(
        reverse("gallery:heartbeat", args=["lobby"]), {"status": "playing"}, content_type="application/json"
    )
    assert response.status_code == 403
    screen.refresh_from_db()
    assert screen.last_heartbeat is None


def test_pairing_issues_a_secret_that_only_that_screen_can_use(client, screen, moderator):
    from gallery import services as gallery

    Screen.objects.create(slug="hall", name="Hall")
    key = gallery.pair_screen(slug="lobby", moderator=moderator)
    url = reverse("gallery:heartbeat", args=["lobby"])
    ok = client.post(url, {"status": "playing"}, content_type="application/json", headers={"x-screen-key": key})
    assert ok.status_code == 200
    other = client.post(
        reverse("gallery:heartbeat", args=["hall"]),
        {"status": "playing"},
        content_type="application/json",
        headers={"x-screen-key": key},
    )
    assert other.status_code == 403
    again = gallery.pair_screen(slug="lobby", moderator=moderator)  # pairing again retires the old secret
    assert again != key
    assert client.post(url, {}, content_type="application/json", headers={"x-screen-key": key}).status_code == 403


def test_a_moderator_pairs_a_screen_from_the_dashboard(client, screen, moderator):
    client.force_login(moderator)
    response = client.post(reverse("gallery:pair_screen", args=["lobby"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "/museum/lobby/?pair=" in page
    screen.refresh_from_db()
    assert screen.key_hash and screen.key_hash not in page


@pytest.mark.parametrize("body", ["[1,2]", '"s"', "42", "null", "{"])
def test_heartbeat_bodies_that_are_not_objects_are_400(client, screen, moderator, body):
    from gallery import services as gallery

    key = gallery.pair_screen(slug="lobby", moderator=moderator)
    response = client.post(
        reverse("gallery:heartbeat", args=["lobby"]),
        body,
        content_type="application/json",
        headers={"x-screen-key": key},
    )
    assert response.status_code == 400


# --- Crafted input on the API and elsewhere ---------------------------------------------------------------------

NESTED = "[" * 50_000 + "]" * 50_000


@pytest.mark.parametrize("path", ["/api/contest/videos/", "/api/prompts/parse/", "/api/contest/entries/"])
def test_deeply_nested_json_is_400_not_500(path):
    client = Client(raise_request_exception=False)
    response = client.post(path, NESTED, content_type="application/json")
    assert response.status_code in (400, 403), response.status_code
    if response.status_code == 403:  # /entries/ wants a signed-in fan: check again as one
        client.force_login(FanFactory().user)
        assert client.post(path, NESTED, content_type="application/json").status_code == 400


@pytest.mark.parametrize("body", ["[1,2]", '"s"', "42", "null"])
@pytest.mark.parametrize("path", ["/api/contest/videos/", "/api/prompts/parse/"])
def test_json_bodies_that_are_not_objects_are_400(path, body):
    client = Client(raise_request_exception=False)
    response = client.post(path, body, content_type="application/json")
    assert response.status_code == 400, (response.status_code, response.content[:200])


def test_a_range_header_with_thousands_of_digits_is_answered_416(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "clip.mp4").write_bytes(b"\x00" * 100)
    for header in ("bytes=" + "9" * 5000 + "-", "bytes=-" + "9" * 5000, "bytes=1-" + "9" * 5000):
        response = Client(raise_request_exception=False).get("/media/clip.mp4", headers={"range": header})
        assert response.status_code == 416, (header[:20], response.status_code)


def test_the_jury_form_answers_400_to_an_entry_that_is_not_a_number(client, contest):
    juror = FanFactory().user
    juror.groups.add(Group.objects.get_or_create(name="jury")[0])
    client.force_login(juror)
    response = Client(raise_request_exception=False)
    response.force_login(juror)
    answer = response.post(reverse("contest:jury"), {"entry": "abc"})
    assert answer.status_code == 400


def test_an_unknown_socket_path_is_closed_cleanly_not_a_500():
    from channels.testing import WebsocketCommunicator

    from wonder.asgi import application

    async def probe():
        communicator = WebsocketCommunicator(
            application, "/ws/nothing-here/", headers=[(b"host", b"testserver"), (b"origin", b"http://testserver")]
        )
        connected, code = await communicator.connect()
        await communicator.disconnect()
        return connected, code

    connected, code = async_to_sync(probe)()
    assert connected is False and code == 4404


# --- Bidirectional control characters never reach storage -------------------------------------------------------


def test_bidi_controls_are_stripped_from_entry_titles_and_display_names(contest):
    fan = FanFactory().user
    job = VideoJobFactory(owner=fan)
    entry = contest_services.enter_contest(
        user=fan, job_id=job.pk, title=f"Gold{BIDI} run", accept_rules=True, contest=contest
    )
    assert Entry.objects.get(pk=entry.pk).title == "Gold run"
    contest_services.update_fan(user=fan, display_name=f"Ann{BIDI}a")
    fan.fan.refresh_from_db()
    assert fan.fan.display_name == "Anna"


def test_bidi_controls_are_stripped_from_api_prompts(enqueued):
    response = Client().post(
        "/api/contest/videos/", {"text": f"a ski jumper {BIDI}flies"}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    spec = Job.objects.get().spec
    assert not any(ch in json.dumps(spec, ensure_ascii=False) for ch in BIDI)


def test_bidi_controls_are_stripped_from_report_notes_and_screen_names(contest):
    entry = EntryFactory(contest=contest)
    report = Report.objects.create(entry=entry, reason="spam", note=f"see{BIDI} this")
    assert Report.objects.get(pk=report.pk).note == "see this"
    screen = Screen.objects.create(slug="atrium", name=f"Atr{BIDI}ium")
    assert Screen.objects.get(pk=screen.pk).name == "Atrium"


# --- Votes ------------------------------------------------------------------------------------------------------


def test_a_vote_429_says_when_to_come_back(settings, contest):
    settings.WONDER_VOTE_RATE_FAN = "1/60"
    voter = FanFactory().user
    first, second = EntryFactory(contest=contest), EntryFactory(contest=contest)
    client = Client()
    client.force_login(voter)
    assert client.post(f"/api/contest/entries/{first.pk}/vote/").status_code == 201
    refused = client.post(f"/api/contest/entries/{second.pk}/vote/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60


@pytest.mark.parametrize("action", ["approve", "reject", "vote", "scores", "submit"])
def test_an_entry_id_past_the_database_range_is_404_not_500(moderator, action):
    client = Client(raise_request_exception=False)
    client.force_login(moderator)
    response = client.post(
        f"/api/contest/entries/{'9' * 30}/{action}/", {"reason": "unsafe"}, content_type="application/json"
    )
    assert response.status_code == 404
