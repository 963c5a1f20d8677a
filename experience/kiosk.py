"""The kiosk browser's side of a visit: which visit this browser is serving, and the rules every kiosk page follows.

One kiosk browser serves visitor after visitor, so a visit owns its own session: "Touch to begin" flushes the
browser's session (a new session key, no consent, no "@me", no avatar of the last visitor) and the end of a visit
flushes it again. Every kiosk page (the journey and the avatar booth) is served with ``Cache-Control: no-store``
so that Back never shows a previous visitor's page, and in the visit's language.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.cache import never_cache

from .models import Visit

SESSION_KEY = "kiosk_visit"
IDLE_SESSION_KEY = "kiosk_idle_s"

ViewFn = Callable[..., HttpResponse]


def current_visit(request: HttpRequest) -> Visit | None:
    """The unexpired visit this kiosk browser is serving now, or None."""
    token = request.session.get(SESSION_KEY)
    if not token:
        return None
    visit = Visit.objects.select_related("job").filter(token=token).first()
    return visit if visit is not None and not visit.is_expired else None


def idle_seconds(request: HttpRequest) -> int:
    return int(request.session.get(IDLE_SESSION_KEY) or settings.WONDER_KIOSK_IDLE_S)


def new_session(request: HttpRequest) -> str:
    """Forget everything this browser's session held and start a fresh one; returns its new key.

    Only the kiosk's own idle setting (a demo/test knob) survives: it belongs to the screen, not to a visitor.
    """
    idle = request.session.get(IDLE_SESSION_KEY)
    request.session.flush()
    if idle:
        request.session[IDLE_SESSION_KEY] = idle
    request.session.save()
    return request.session.session_key


def kiosk_page(view: ViewFn) -> ViewFn:
    """A page shown on the kiosk screen: never stored by the browser, and in the current visit's language."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        visit = current_visit(request)
        if visit is None:
            return view(request, *args, **kwargs)
        with translation.override(visit.language):
            request.LANGUAGE_CODE = visit.language
            return view(request, *args, **kwargs)

    return never_cache(wrapper)
