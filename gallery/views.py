from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from generation import services


def gallery(request: HttpRequest) -> HttpResponse:
    return render(request, "gallery/gallery.html", {"nav": "gallery"})


def museum(request: HttpRequest) -> HttpResponse:
    return render(request, "gallery/museum.html", {"nav": "museum"})


@staff_member_required
def moderation(request: HttpRequest) -> HttpResponse:
    return render(request, "gallery/moderation.html", {"nav": "moderation"})


@staff_member_required
@require_POST
def system_check(request: HttpRequest) -> HttpResponse:
    """Start a diagnostic job and show its live progress (an htmx partial)."""
    job = services.create_job(
        kind="diagnostic",
        spec={"steps": 20, "delay_s": 0.1},
        owner=request.user,
        session_key=request.session.session_key or "",
    )
    return render(request, "generation/job_progress.html", {"job": job})
