"""CSRF: every form carries the token, htmx sends it, and state-changing requests without it are refused."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.live.servers import ROOT

FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)


def test_every_post_form_in_our_templates_has_the_token():
    missing = []
    for template in (ROOT / "templates").rglob("*.html"):
        for form in FORM.findall(template.read_text()):
            opening = form.split(">", 1)[0].lower()
            if 'method="post"' in opening and "{% csrf_token %}" not in form:
                missing.append(f"{template.relative_to(ROOT)}: {opening[:90]}")
    assert not missing, missing


@pytest.mark.django_db
def test_pages_hand_htmx_the_token(client):
    html = client.get("/").content.decode()
    assert re.search(r"hx-headers='\{\"X-CSRFToken\": \"[\w-]{32,}\"\}'", html)


@pytest.fixture
def strict(db) -> Client:
    """A browser whose requests are CSRF-checked like a real one (the test client skips the check by default)."""
    return Client(enforce_csrf_checks=True)


POSTS = [
    "/contest/videos/",
    "/contest/arena/",
    "/contest/entries/1/vote/",
    "/gallery/entries/1/report/",
    "/kiosk/avatar/",
    "/i18n/setlang/",
    "/accounts/logout/",
    "/moderation/bulk/",
    "/api/contest/videos/",
    "/api/jobs/00000000-0000-0000-0000-000000000000/cancel/",
]


@pytest.mark.parametrize("path", POSTS)
def test_signed_in_posts_without_the_token_are_refused(strict, staff, path):
    strict.force_login(staff)
    assert strict.post(path, {"text": "a skier"}).status_code == 403


@pytest.mark.parametrize("path", ["/contest/videos/", "/api/contest/videos/", "/kiosk/avatar/"])
def test_visitor_posts_with_a_session_but_without_the_token_are_refused(strict, path):
    strict.get("/")  # the visitor's session and CSRF cookies
    strict.session.save()
    assert strict.post(path, {"text": "a skier"}).status_code == 403


def test_the_token_from_the_cookie_is_accepted(strict, enqueued):
    strict.get("/")
    token = strict.cookies["csrftoken"].value
    response = strict.post("/api/contest/videos/", {"text": "a skier jumps"}, headers={"X-CSRFToken": token})
    assert response.status_code == 201, response.content
