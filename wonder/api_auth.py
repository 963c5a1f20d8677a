"""API authentication: the session, with CSRF checked for visitors too."""

from __future__ import annotations

from typing import Any

from drf_spectacular.authentication import SessionScheme
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request


class VisitorSessionAuthentication(SessionAuthentication):
    """DRF checks CSRF only for signed-in users. Anonymous requests are checked too: visitors own jobs through their
    session cookie (a cross-site page must not cancel a visitor's video), and a cookieless cross-site form POST
    must not create anonymous jobs that spend a venue's shared per-network quota. Clients that authenticate
    another way (a token in ``Authorization``, the signed selfcheck header) are not browsers and are not checked."""

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is None and not _other_credentials(request):
            self.enforce_csrf(request)
        return result


def _other_credentials(request: Request) -> bool:
    # Neither header can be set by a cross-site form or a simple request: a browser would need a CORS preflight.
    return bool(request.META.get("HTTP_AUTHORIZATION") or request.META.get("HTTP_X_WONDER_SELFCHECK"))


class VisitorSessionScheme(SessionScheme):
    """The OpenAPI description: the same cookie as Django's session."""

    target_class = "wonder.api_auth.VisitorSessionAuthentication"
