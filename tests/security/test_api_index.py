"""House-keeping: /api/ answers with an index of the API, not a 404."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_api_root_lists_the_endpoints_the_schema_and_the_docs(client):
    response = client.get("/api/")
    assert response.status_code == 200
    body = response.json()
    assert body["schema"] == "/api/schema/" and body["docs"] == "/api/docs/"
    assert "/api/contest/videos/" in body["endpoints"]
    assert "/api/contest/arena/pair/" in body["endpoints"]
    assert any(route.startswith("/api/jobs/") for route in body["endpoints"])
