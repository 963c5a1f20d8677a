"""Security headers on every kind of response: CSP without inline code, Permissions-Policy, and Django's own."""

from __future__ import annotations

import pytest

PAGES = [
    "/",
    "/gallery/",
    "/contest/arena/",
    "/kiosk/",
    "/museum/",
    "/museum/winners/",
    "/accounts/login/",
    "/admin/login/",
]


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_pages_forbid_inline_code_and_framing(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    assert "camera=(self)" in permissions
    assert "microphone=()" in permissions and "geolocation=()" in permissions


@pytest.mark.django_db
def test_rendered_pages_carry_no_inline_code(client):
    """What the policy forbids must not be in our markup either, or the page breaks in the browser."""
    for path in PAGES[:-1]:  # the admin is Django's own
        html = client.get(path).content.decode()
        assert " style=" not in html and "<style" not in html, path
        assert " onclick=" not in html and " onchange=" not in html and " onsubmit=" not in html, path
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert "src=" in opening or 'type="application/json"' in opening, (path, opening)


@pytest.mark.django_db
def test_api_docs_relax_only_styles(client):
    page = client.get("/api/docs/")
    policy = directives(page["Content-Security-Policy"])
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"] == ["'self'"]
    # Swagger UI's start-up code comes as a file, so scripts stay locked down.
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")
