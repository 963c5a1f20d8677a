"""Gallery pages: the moderation console, the public gallery, the museum's screens. Thin: parse, call, render."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_POST

from contest.models import Entry
from contest.services import ContestError
from generation import services as jobs
from generation.models import Job
from generation.prompting.vocab import SPORTS, STYLES
from wonder import clients

from . import museum as showcase
from . import selectors, services
from .models import Collection, ModerationLog, Report, Screen
from .thumbnails import poster_thumbnail

moderator_required = user_passes_test(services.is_moderator, login_url="admin:login")
# The screen's secret (from pairing) travels in this header; museum.js keeps it in the screen's local storage.
SCREEN_KEY_HEADER = "X-Screen-Key"


# --- Moderation ------------------------------------------------------------------------------------------------


@moderator_required
def moderation(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "gallery/moderation.html",
        {
            "nav": "moderation",
            "queue": selectors.moderation_queue(),
            "reasons": Entry.RejectReason.choices,
            "bulk_actions": _bulk_choices(),
        },
    )


def _bulk_choices() -> list[tuple[str, str]]:
    return [
        ("approve", _("Approve")),
        ("reject", _("Reject")),
        ("keep", _("Keep (close the reports)")),
        ("take_down", _("Unpublish everywhere")),
    ]


@moderator_required
@require_POST
def claim(request: HttpRequest, entry_id: int) -> JsonResponse:
    """Opening an entry claims it; a 409 tells the console someone else has it (and who)."""
    try:
        held = services.claim_entry(entry_id=entry_id, moderator=request.user)
    except ContestError as exc:
        return JsonResponse({"ok": False, "code": exc.code, "message": exc.message}, status=exc.status)
    return JsonResponse({"ok": True, "until": held.until.isoformat()})


@moderator_required
@require_POST
def decide(request: HttpRequest, entry_id: int) -> HttpResponse:
    """Approve, reject, keep or take down one entry; htmx gets the redrawn card, others go back to the queue."""
    action = request.POST.get("action", "")
    note = request.POST.get("note", "")
    error = ""
    try:
        if action == "approve":
            services.approve(entry_id=entry_id, moderator=request.user, note=note)
        elif action == "reject":
            services.reject(entry_id=entry_id, moderator=request.user, reason=request.POST.get("reason", ""), note=note)
        elif action == "keep":
            services.keep(entry_id=entry_id, moderator=request.user, note=note)
        elif action == "take_down":
            services.take_down_entry(entry_id=entry_id, moderator=request.user, note=note)
        else:
            error = _("Choose an action.")
    except ContestError as exc:
        error = exc.message
    if request.htmx:
        entry = selectors.queue_entry(entry_id)
        if entry is None:
            raise Http404
        context = {"entry": entry, "reasons": Entry.RejectReason.choices, "error": error, "decided": not error}
        return render(request, "gallery/moderation.html#card", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Done."))
    return redirect("gallery:moderation")


@moderator_required
@require_POST
def bulk(request: HttpRequest) -> HttpResponse:
    ids = [i for i in map(clients.int_id, request.POST.getlist("entries")) if i is not None]
    try:
        done, errors = services.bulk_moderate(
            entry_ids=ids,
            moderator=request.user,
            action=request.POST.get("action", ""),
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", ""),
        )
    except ContestError as exc:
        messages.error(request, exc.message)
        return redirect("gallery:moderation")
    if done:
        messages.success(request, _("%(count)d entries done.") % {"count": done})
    for error in errors:
        messages.error(request, error)
    return redirect("gallery:moderation")


@moderator_required
def entry_log(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(Entry.objects.select_related("job", "author__fan"), pk=entry_id)
    log = ModerationLog.objects.filter(entry=entry).select_related("actor")
    return render(request, "gallery/entry_log.html", {"nav": "moderation", "entry": entry, "log": log})


@moderator_required
def screens(request: HttpRequest) -> HttpResponse:
    template = "gallery/screens.html#screens" if request.htmx else "gallery/screens.html"
    return render(request, template, {"nav": "moderation", "screens": selectors.screens()})


@staff_member_required
@require_POST
def system_check(request: HttpRequest) -> HttpResponse:
    """Start a diagnostic job and show its live progress (an htmx partial)."""
    job = jobs.create_job(
        kind="diagnostic",
        spec={"steps": 20, "delay_s": 0.1},
        owner=request.user,
        session_key=request.session.session_key or "",
    )
    return render(request, "generation/job_progress.html", {"job": job})


# --- The public gallery ----------------------------------------------------------------------------------------


FILTERS = ("sport", "country", "language", "style")


def gallery(request: HttpRequest) -> HttpResponse:
    filters = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
    page = selectors.gallery_page(filters=filters, sort=request.GET.get("sort", "new"), cursor=request.GET.get("after"))
    context = {
        "nav": "gallery",
        "page": page,
        "sports": SPORTS,
        "styles": STYLES,
        "language_choices": settings.LANGUAGES,
        "sorts": [("new", _("Newest")), ("arena", _("Arena rank"))]
        if selectors.scores_hidden()
        else [("new", _("Newest")), ("top", _("Top")), ("arena", _("Arena rank"))],
        "query": request.GET.copy(),
    }
    if request.htmx:
        return render(request, "gallery/gallery.html#cards", context)
    return render(request, "gallery/gallery.html", context)


def entry(request: HttpRequest, entry_id: int) -> HttpResponse:
    item = selectors.public_entry(entry_id)
    if item is None:
        raise Http404
    return render(request, "gallery/entry.html", _entry_context(request, item))


def _entry_context(request: HttpRequest, item: Entry, **extra) -> dict:
    return {
        "nav": "gallery",
        "entry": item,
        "reasons": Report.Reason.choices,
        "absolute_url": request.build_absolute_uri(reverse("gallery:entry", args=[item.pk])),
        **extra,
    }


@require_POST
def report(request: HttpRequest, entry_id: int) -> HttpResponse:
    item = selectors.public_entry(entry_id)
    if item is None:
        raise Http404
    try:
        services.report_entry(
            entry_id=entry_id,
            user=request.user,
            ip=clients.client_ip(request),
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", ""),
        )
    except ContestError as exc:
        context = _entry_context(request, item, report_error=exc.message)
        return render(request, "gallery/entry.html#report", context, status=exc.status)
    context = _entry_context(request, item, reported=True)
    if request.htmx:
        return render(request, "gallery/entry.html#report", context)
    messages.success(request, _("Thank you: a moderator will look at this entry."))
    return redirect("gallery:entry", entry_id=entry_id)


@cache_control(public=True, max_age=7 * 86400)
def poster(request: HttpRequest, entry_id: int) -> HttpResponse:
    """A public entry's poster as a small cached thumbnail (made once, then served from disk)."""
    item = Entry.objects.filter(pk=entry_id, state__in=Entry.PUBLIC).select_related("job").first()
    path = poster_thumbnail(item.job) if item is not None else None
    if path is None:
        raise Http404
    # A whole small file, not a stream: a streamed response keeps its request (and database connection) open
    # until the last byte is out.
    return HttpResponse(path.read_bytes(), content_type="image/jpeg")


# --- The museum ------------------------------------------------------------------------------------------------


def museum(request: HttpRequest) -> HttpResponse:
    """The showcase's front page: the screens (with their status for staff) and the winners' wall."""
    return render(request, "gallery/museum.html", {"nav": "museum", "screens": selectors.screens()})


@ensure_csrf_cookie
def museum_screen(request: HttpRequest, slug: str) -> HttpResponse:
    screen = get_object_or_404(Screen, slug=slug)
    return render(request, "gallery/screen.html", {"screen": screen})


@never_cache
def museum_playlist(request: HttpRequest, slug: str) -> JsonResponse:
    screen = get_object_or_404(Screen, slug=slug)
    return JsonResponse(showcase.playlist_json(request, screen))


@require_POST
def museum_heartbeat(request: HttpRequest, slug: str) -> JsonResponse:
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):  # [1,2], "s", 42, null: answered, never a 500
        return JsonResponse({"ok": False, "code": "bad_request"}, status=400)
    now_playing = data.get("now_playing")
    try:
        screen = services.record_heartbeat(
            slug=slug,
            status=str(data.get("status", "")),
            now_playing=now_playing if isinstance(now_playing, int) and not isinstance(now_playing, bool) else None,
            version=str(data.get("version", "")),
            key=request.headers.get(SCREEN_KEY_HEADER, ""),
        )
    except ContestError as exc:
        return JsonResponse({"ok": False, "code": exc.code}, status=exc.status)
    return JsonResponse({"ok": True, "at": screen.last_heartbeat.isoformat()})


@moderator_required
@require_POST
def pair_screen(request: HttpRequest, slug: str) -> HttpResponse:
    """Issue the screen's secret and show the link to open on that screen once (pairing again retires the old)."""
    try:
        secret = services.pair_screen(slug=slug, moderator=request.user)
    except ContestError:
        raise Http404 from None
    screen = get_object_or_404(Screen, slug=slug)
    link = request.build_absolute_uri(f"{reverse('gallery:screen', args=[slug])}?pair={secret}")
    return render(request, "gallery/screen_paired.html", {"nav": "moderation", "screen": screen, "link": link})


def museum_winners(request: HttpRequest) -> HttpResponse:
    return render(request, "gallery/winners.html", {"winners": selectors.winners()})


def museum_service_worker(request: HttpRequest) -> HttpResponse:
    """The screens' service worker, served under /museum/ so that its scope covers every screen."""
    source = Path(settings.BASE_DIR) / "static" / "museum-sw.js"
    response = HttpResponse(source.read_text(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/museum/"
    response["Cache-Control"] = "no-cache"
    return response


# --- The film and the time-slice poster ------------------------------------------------------------------------


@moderator_required
def films(request: HttpRequest) -> HttpResponse:
    """Collections that can become "Your Epic Vibe"; POST starts the film job."""
    if request.method == "POST":
        try:
            job = services.start_film(collection_id=int(request.POST.get("collection", "")), moderator=request.user)
        except (ValueError, Collection.DoesNotExist):
            raise Http404 from None
        except ContestError as exc:
            messages.error(request, exc.message)
            return redirect("gallery:films")
        return redirect("gallery:film", job_id=job.pk)
    return render(request, "gallery/films.html", {"nav": "moderation", "collections": selectors.film_collections()})


@moderator_required
def film(request: HttpRequest, job_id) -> HttpResponse:
    return render(
        request, "gallery/film.html", {"nav": "moderation", "job": get_object_or_404(Job, pk=job_id, kind="film")}
    )


@require_POST
def timeslice_start(request: HttpRequest, entry_id: int) -> HttpResponse:
    if not request.session.session_key:
        request.session.save()
    try:
        job = services.start_time_slice(
            entry_id=entry_id,
            owner=request.user,
            session_key=request.session.session_key,
            ip=clients.client_ip(request),
        )
    except Entry.DoesNotExist:
        raise Http404 from None
    except ContestError as exc:
        if exc.status == 429:  # too fast: say so with the status (and when to come back), not a silent redirect
            item = selectors.public_entry(entry_id)
            if item is None:
                raise Http404 from None
            messages.error(request, exc.message)
            response = render(request, "gallery/entry.html", _entry_context(request, item), status=429)
            response["Retry-After"] = str(getattr(exc, "retry_after", 60))
            return response
        messages.error(request, exc.message)
        return redirect("gallery:entry", entry_id=entry_id)
    return redirect("gallery:timeslice", job_id=job.pk)


def timeslice(request: HttpRequest, job_id) -> HttpResponse:
    job = get_object_or_404(Job, pk=job_id, kind="timeslice")
    if not job.can_view(request.user, request.session.session_key):
        raise PermissionDenied
    return render(request, "gallery/timeslice.html", {"nav": "gallery", "job": job})


@moderator_required
def collection_order(request: HttpRequest, collection_id: int) -> HttpResponse:
    """Drag (or move with the buttons) a collection's entries into order; saving tells the museum screens."""
    collection = get_object_or_404(Collection, pk=collection_id)
    if request.method == "POST":
        try:
            entry_ids = [int(value) for value in request.POST.getlist("entry")]
        except ValueError:
            return HttpResponse(status=400)
        services.reorder_collection(collection_id=collection.pk, entry_ids=entry_ids)
        messages.success(request, _("The new order is saved; museum screens update within seconds."))
        return redirect("gallery:collection_order", collection_id=collection.pk)
    items = collection.items.select_related("entry__author__fan").order_by("position", "pk")
    return render(
        request, "gallery/collection_order.html", {"nav": "moderation", "collection": collection, "items": items}
    )
