"""Fan accounts on top of django-allauth: refuse disposable e-mail domains, keep a fan's language and videos."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from allauth.account import signals
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

BLOCKLIST = Path(__file__).with_name("disposable_domains.txt")
SESSION_JOBS = "contest_video_jobs"


@functools.cache
def disposable_domains() -> frozenset[str]:
    lines = (line.split("#", 1)[0].strip().lower() for line in BLOCKLIST.read_text().splitlines())
    return frozenset(line for line in lines if line)


def is_disposable(email: str) -> bool:
    """True for an address at a listed disposable domain or any of its sub-domains."""
    domain = email.rsplit("@", 1)[-1].strip().lower().rstrip(".")
    parts = domain.split(".")
    return any(".".join(parts[i:]) in disposable_domains() for i in range(len(parts) - 1))


def validate_not_disposable(email: str) -> None:
    if is_disposable(email):
        raise ValidationError(
            _("Please use a permanent e-mail address: addresses from disposable mail services are not accepted."),
            code="disposable_email",
        )


def is_verified(user: Any) -> bool:
    """Has the user confirmed an e-mail address (allauth)?"""
    if user is None or not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()


class FanAccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        validate_not_disposable(email)
        return email


@receiver(signals.user_logged_in)
def _on_login(sender, request, response=None, user=None, **kwargs) -> None:
    """Speak the fan's language, and bring along the videos they made before signing in."""
    from . import services

    fan = getattr(user, "fan", None) if user is not None else None
    if response is not None and fan is not None and fan.language:
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, fan.language, max_age=365 * 24 * 3600, samesite="Lax")
    job_ids = request.session.pop(SESSION_JOBS, []) if request is not None else []
    if job_ids and user is not None:
        services.adopt_videos(user=user, job_ids=job_ids)
