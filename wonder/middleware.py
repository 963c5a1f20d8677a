"""A friendly 503 instead of a traceback when the database is unreachable (admission control under overload lives
in wonder/admission.py, in front of Django)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)
RETRY_AFTER_S = 30


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        log.error("database unavailable on %s: %s", request.path, exception)
        message = _("Wonder is taking a short break. Please try again in a minute.")
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"error": "unavailable", "message": message}, status=503)
        else:
            # Rendered without the request: context processors would reach for the database again.
            response = HttpResponse(render_to_string("503.html", {"message": message}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_S)
        return response
