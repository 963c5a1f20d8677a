"""``GET /api/``: an index of the API (every route under /api/, the schema and the docs), instead of a 404."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, URLResolver, get_resolver


def _routes(patterns: list, prefix: str = "") -> list[str]:
    found: list[str] = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            found.append(route)
    return found


def api_index(request: HttpRequest) -> JsonResponse:
    """The API's routes (read from the URL configuration, so the index cannot go stale)."""
    routes = sorted({f"/{route}" for route in _routes(get_resolver().url_patterns) if route.startswith("api/")})
    return JsonResponse(
        {"schema": "/api/schema/", "docs": "/api/docs/", "endpoints": [r for r in routes if r != "/api/"]}
    )
