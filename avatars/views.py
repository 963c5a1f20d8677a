from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def intro(request: HttpRequest) -> HttpResponse:
    return render(request, "avatars/intro.html", {"retention_minutes": settings.WONDER_BIOMETRIC_TTL_MIN})
