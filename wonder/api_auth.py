"""API authentication: the session, with CSRF checked for visitors too."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.authentication import SessionScheme
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request


class VisitorSessionAuthentication(SessionAuthentication):
    """DRF checks CSRF only for signed-in users; our visitors own jobs through their session cookie, so a request
    that carries one is checked as well (a cross-site page cannot cancel a visitor's video)."""

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is None and request._request.COOKIES.get(settings.SESSION_COOKIE_NAME):
            self.enforce_csrf(request)
        return result


class VisitorSessionScheme(SessionScheme):
    """The OpenAPI description: the same cookie as Django's session."""

    target_class = VisitorSessionAuthentication
