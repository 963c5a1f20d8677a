"""With the database unreachable, pages answer a friendly 503 (JSON for the API), never a traceback."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.urls import path


def database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


urlpatterns = [path("page/", database_down), path("api/thing/", database_down)]


@pytest.fixture
def down(settings):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False


def test_pages_get_a_friendly_503(client, down):
    response = client.get("/page/")
    body = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "short break" in body and "Traceback" not in body and "5432" not in body


def test_api_gets_json_503(client, down):
    response = client.get("/api/thing/")
    assert response.status_code == 503 and response.json()["error"] == "unavailable"


def test_the_503_page_is_translated(client, down):
    response = client.get("/page/", headers={"Accept-Language": "it"})
    assert response.status_code == 503 and "short break" not in response.content.decode()
