"""The kiosk flow over HTTP: consent first, capture, look, job, result with QR, take-home, delete, "@me"."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from avatars import services
from avatars.models import Avatar, Capture
from generation import runner
from generation.models import Job


def upload(data: bytes, name: str = "selfie.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_intro_explains_what_why_how_long_and_how_to_delete(client, db) -> None:
    page = client.get(reverse("avatars:intro")).content.decode()
    for words in ("What we capture", "Why", "How long", "How to delete", "15 minutes", "No camera"):
        assert words in page


def test_capture_page_without_consent_redirects_to_consent(client, db) -> None:
    response = client.get(reverse("avatars:capture"))
    assert response.status_code == 302 and response.url == reverse("avatars:intro")
    response = client.post(reverse("avatars:capture"), {"photo": upload(b"x")})
    assert response.status_code == 302 and not Capture.objects.exists()


def test_bad_photo_shows_the_message_and_stores_nothing(consented) -> None:
    response = consented.post(reverse("avatars:capture"), {"photo": upload(b"%PDF-1.4 not a photo")})
    assert response.status_code == 422
    assert "not a photo we can read" in response.content.decode()
    assert not Capture.objects.exists()


def test_selfie_to_avatar_end_to_end(consented, selfie_bytes, enqueued, published, settings) -> None:
    response = consented.post(reverse("avatars:capture"), {"photo": upload(selfie_bytes)})
    assert response.status_code == 302
    capture = Capture.objects.get()
    assert response.url == f"{reverse('avatars:look')}?capture={capture.pk}"
    assert str(settings.MEDIA_ROOT) not in str(capture.photo_path)

    look = consented.get(response.url)
    assert reverse("avatars:selfie", args=[capture.pk]) in look.content.decode()
    response = consented.post(
        reverse("avatars:look"), {"capture": capture.pk, "style": "pop-art", "sport": "snowboard", "name": "Eileen"}
    )
    avatar = Avatar.objects.get()
    assert response.url == reverse("avatars:result", args=[avatar.pk])
    assert avatar.job.kind == "avatar" and avatar.job.engine == "avatar-preview"
    assert "Making your avatar" in consented.get(response.url).content.decode()

    assert runner.execute(avatar.job.pk, attempt=1, worker="test") == Job.Status.SUCCEEDED
    page = consented.get(response.url).content.decode()
    assert "<svg" in page and avatar.token in page  # the QR code of the take-home page
    avatar.refresh_from_db()
    assert avatar.urls["image"] in page

    assert services.avatar_for(consented.session.session_key) == avatar.file("portrait")


def test_selfie_preview_is_only_for_its_own_session(consented, selfie_bytes, db) -> None:
    consented.post(reverse("avatars:capture"), {"photo": upload(selfie_bytes)})
    url = reverse("avatars:selfie", args=[Capture.objects.get().pk])
    own = consented.get(url)
    assert own.status_code == 200 and "no-store" in own["Cache-Control"] and "private" in own["Cache-Control"]
    assert Client().get(url).status_code == 404


def test_no_camera_path_makes_an_avatar_from_a_drawn_base(client, db, enqueued, published) -> None:
    assert client.get(reverse("avatars:base_image", args=["owl"]))["Content-Type"] == "image/png"
    response = client.post(reverse("avatars:pick"), {"base": "owl"})
    assert response.url == f"{reverse('avatars:look')}?base=owl"
    client.post(reverse("avatars:look"), {"base": "owl", "style": "watercolour", "sport": "curling"})
    avatar = Avatar.objects.get()
    assert avatar.base == "owl" and avatar.capture is None


def test_take_home_delete_now_forgets_everything(consented, selfie_bytes, enqueued, published) -> None:
    consented.post(reverse("avatars:capture"), {"photo": upload(selfie_bytes)})
    capture = Capture.objects.get()
    consented.post(reverse("avatars:look"), {"capture": capture.pk, "style": "comic", "sport": "luge"})
    avatar = Avatar.objects.get()
    runner.execute(avatar.job.pk, attempt=1, worker="test")
    page = consented.get(reverse("avatars:take_home", args=[avatar.token])).content.decode()
    assert "Delete now" in page and 'capture="user"' in page

    response = consented.post(reverse("avatars:delete_now", args=[avatar.token]))
    assert "deleted" in response.content.decode()
    assert not Avatar.objects.exists() and not Capture.objects.exists() and not capture.photo_path.exists()
    assert consented.get(reverse("avatars:take_home", args=[avatar.token])).status_code == 404


def test_phone_upload_needs_the_consent_box(client, db, selfie_bytes, enqueued, published) -> None:
    base = services.start_avatar(session_key="kiosk", base="fox", style="cartoon", sport="luge")
    url = reverse("avatars:phone_upload", args=[base.token])
    refused = client.post(url, {"photo": upload(selfie_bytes), "style": "comic", "sport": "luge"})
    assert refused.status_code == 422 and not Capture.objects.exists()
    accepted = client.post(url, {"photo": upload(selfie_bytes), "style": "comic", "sport": "luge", "consent": "on"})
    assert accepted.status_code == 302 and Capture.objects.count() == 1


def test_claimed_avatar_is_found_for_the_user(client, user, db, enqueued, published) -> None:
    avatar = services.start_avatar(session_key="kiosk", base="bear", style="comic", sport="ice-hockey")
    runner.execute(avatar.job.pk, attempt=1, worker="test")
    assert services.avatar_for(user) is None
    client.force_login(user)
    client.post(reverse("avatars:claim", args=[avatar.token]))
    assert services.avatar_for(user) == Avatar.objects.get().file("portrait")
    assert services.avatar_for("") is None


def test_safe_next_is_kept_unsafe_next_ignored(client, db) -> None:
    client.get(reverse("avatars:intro") + "?next=/kiosk/zones/")
    assert 'href="/kiosk/zones/"' in client.get(reverse("avatars:intro")).content.decode()
    client.get(reverse("avatars:intro") + "?next=https://evil.example/")
    assert "evil.example" not in client.get(reverse("avatars:intro")).content.decode()


@pytest.fixture
def with_avatar(client, db, enqueued, published) -> Avatar:
    """A visitor's browser whose session has a finished avatar, for "@me" videos."""
    avatar = services.start_avatar(session_key="kiosk", base="owl", style="comic", sport="luge")
    runner.execute(avatar.job.pk, attempt=1, worker="test")
    session = client.session
    session.save()
    Avatar.objects.update(session_key=session.session_key)
    return avatar


def test_an_at_me_video_names_the_avatar_so_any_worker_can_fetch_it(client, with_avatar) -> None:
    avatar = with_avatar
    assert client.post(reverse("contest:create"), {"text": "@me luge down the track"}).status_code == 302
    video = Job.objects.get(kind="video")
    # A name in the media storage, not this machine's path (a GPU worker elsewhere resolves it).
    avatar.job.refresh_from_db()
    assert video.spec["avatar_image"] == avatar.job.result["files"]["portrait"]
    assert runner.execute(video.pk, attempt=1, worker="test") == Job.Status.SUCCEEDED


def test_a_video_whose_avatar_is_gone_is_made_without_it(client, with_avatar) -> None:
    client.post(reverse("contest:create"), {"text": "@me luge down the track"})
    Avatar.objects.get().file("portrait").unlink()  # purged between the request and the worker
    assert runner.execute(Job.objects.get(kind="video").pk, attempt=1, worker="test") == Job.Status.SUCCEEDED
