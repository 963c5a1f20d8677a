"""One sentence in, a queued video job out; bad input gets a clear message and saves nothing."""

from __future__ import annotations

import html

import pytest

from generation.models import Job

pytestmark = pytest.mark.django_db


def test_a_sentence_queues_a_video_job_owned_by_the_visitor(client, enqueued):
    response = client.post("/contest/videos/", {"text": "高台からスキーでジャンプ"})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/contest/videos/{job.pk}/"
    assert job.kind == "video" and job.engine == "preview" and job.session_key == client.session.session_key
    assert job.spec["sport"] == "ski-jumping" and job.spec["prompt"] == "高台からスキーでジャンプ"
    assert isinstance(job.spec["seed"], int) and enqueued == []  # enqueued on commit, outside this test's transaction
    page = client.get(response["Location"])
    assert page.status_code == 200 and f'data-job-id="{job.pk}"'.encode() in page.content


def test_the_fans_chosen_sport_and_style_win(client, enqueued):
    client.post("/contest/videos/", {"text": "a panda having fun", "sport": "curling", "style": "van-gogh"})
    spec = Job.objects.get().spec
    assert spec["sport"] == "curling" and spec["style"] == "van-gogh"


@pytest.mark.parametrize(
    "text,message",
    [
        ("", "Write a sentence first"),
        ("   \n\t ", "Write a sentence first"),
        ("x" * 5000, "Please keep it to 500 characters"),
        ("\x01\x02\x03\x04\x05\x06\x07\x08 ski", "doesn't look like text"),
        ("ski\x00jump", "Null characters are not allowed"),
    ],
)
def test_bad_prompts_get_a_clear_message_and_nothing_is_saved(client, text, message):
    response = client.post("/contest/videos/", {"text": text})
    assert response.status_code == 422 and message in html.unescape(response.content.decode())
    assert not Job.objects.exists()


def test_htmx_gets_the_form_partial_with_the_error(client):
    response = client.post("/contest/videos/", {"text": ""}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and 'id="prompt-form"' in body


def test_someone_elses_video_page_is_forbidden(client, enqueued):
    client.post("/contest/videos/", {"text": "a skier carving"})
    job = Job.objects.get()
    client.cookies.clear()
    assert client.get(f"/contest/videos/{job.pk}/").status_code == 403
