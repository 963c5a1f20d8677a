from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from generation.models import Job
from generation.prompting.vocab import SPORTS
from generation.videos import VideoRequest, start_video_job

from .forms import VideoPromptForm


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "contest/home.html", {"sports": SPORTS, "nav": "home", "form": VideoPromptForm()})


@require_POST
def create_video(request: HttpRequest) -> HttpResponse:
    form = VideoPromptForm(request.POST)
    if not form.is_valid():
        context = {"sports": SPORTS, "nav": "home", "form": form}
        if request.htmx:  # htmx swaps only 2xx responses by default
            return render(request, "contest/home.html#prompt-form", context)
        return render(request, "contest/home.html", context, status=422)
    if not request.session.session_key:
        request.session.save()
    job = start_video_job(
        VideoRequest(
            text=form.cleaned_data["text"],
            sport_hint=form.cleaned_data["sport"] or None,
            style=form.cleaned_data["style"] or None,
        ),
        owner=request.user,
        session_key=request.session.session_key,
    )
    target = f"/contest/videos/{job.pk}/"
    return HttpResponseClientRedirect(target) if request.htmx else redirect(target)


def video(request: HttpRequest, job_id) -> HttpResponse:
    job = get_object_or_404(Job, pk=job_id, kind="video")
    if not job.can_view(request.user, request.session.session_key):
        raise PermissionDenied
    return render(request, "contest/video.html", {"job": job, "nav": "home"})


def entries(request: HttpRequest) -> HttpResponse:
    return render(request, "contest/entries.html", {"nav": "contest"})
