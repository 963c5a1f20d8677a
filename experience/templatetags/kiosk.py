"""Template tags of the kiosk layout."""

from __future__ import annotations

from django import template
from django.conf import settings

from experience import kiosk

register = template.Library()


@register.simple_tag(takes_context=True)
def kiosk_idle_s(context: template.Context) -> int:
    """Seconds without a touch before this kiosk screen clears the visit and goes back to the attract loop."""
    request = context.get("request")
    return kiosk.idle_seconds(request) if request is not None else settings.WONDER_KIOSK_IDLE_S
