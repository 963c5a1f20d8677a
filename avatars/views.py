"""Avatar pages: consent, camera capture, no-camera pick, look, progress and result, and the take-home page."""

from __future__ import annotations

import io

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from experience.kiosk import SESSION_KEY, current_visit, kiosk_page
from experience.services import finish_visit
from wonder import clients, public_url
from wonder.ratelimit import RateLimited

from . import faces, services
from .bases import BASES, draw_base
from .forms import BaseForm, LookForm, PhoneUploadForm, PhotoForm
from .models import Avatar

NEXT_KEY = "avatars.next"


def _session_key(request: HttpRequest) -> str:
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


def _remember_next(request: HttpRequest) -> None:
    """The kiosk journey links here with ``?next=``: keep it (if it is ours) to go back at the end."""
    target = request.GET.get("next") or request.POST.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        request.session[NEXT_KEY] = target


def _next_url(request: HttpRequest) -> str:
    return request.session.get(NEXT_KEY) or reverse("experience:kiosk")


def _context(request: HttpRequest, **extra) -> dict:
    return {"retention_minutes": settings.WONDER_BIOMETRIC_TTL_MIN, "next_url": _next_url(request), **extra}


# --- consent and capture -------------------------------------------------------------------------------------


@kiosk_page
def intro(request: HttpRequest) -> HttpResponse:
    """The consent screen: what is captured, why, how long, how to delete. Nothing starts before a yes."""
    _remember_next(request)
    if request.method == "POST":
        services.give_consent(request.session)
        return redirect("avatars:capture")
    return render(request, "avatars/intro.html", _context(request))


@kiosk_page
def capture(request: HttpRequest) -> HttpResponse:
    """The camera (and a file input for phones or without JavaScript); POST analyses the photo."""
    consented_at = services.has_consent(request.session)
    if consented_at is None:
        return redirect("avatars:intro")
    error = None
    if request.method == "POST":
        form = PhotoForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                capture, analysis = services.save_capture(
                    session_key=_session_key(request),
                    data=_read_upload(form.cleaned_data["photo"]),
                    consented_at=consented_at,
                    ip=clients.client_ip(request),
                )
            except faces.PhotoRejected as exc:
                error = exc.message
            else:
                for note in analysis.notes:
                    messages.info(request, faces.note_text(note))
                return redirect(f"{reverse('avatars:look')}?capture={capture.pk}")
        else:
            error = _("Please take or choose a photo.")
    return render(
        request, "avatars/capture.html", _context(request, error=error, form=PhotoForm()), status=422 if error else 200
    )


def _read_upload(upload) -> bytes:
    """The upload's bytes, refusing oversize files before reading them into memory."""
    if upload.size > faces.max_upload_bytes():
        raise faces.PhotoRejected(
            "too_large",
            _("The photo is too large (%(size)s MB; at most %(limit)s MB). Please use a smaller one.")
            % {"size": round(upload.size / 1e6, 1), "limit": round(faces.max_upload_bytes() / 1e6)},
        )
    return upload.read()


@require_POST
@kiosk_page
def withdraw(request: HttpRequest) -> HttpResponse:
    """ "No thanks" after agreeing: forget the consent and every photo of this visit."""
    services.withdraw_consent(request.session)
    services.purge_session(request.session.session_key or "")
    return redirect("avatars:intro")


@kiosk_page
def pick(request: HttpRequest) -> HttpResponse:
    """The no-camera path: choose a drawn avatar."""
    _remember_next(request)
    if request.method == "POST":
        form = BaseForm(request.POST)
        if form.is_valid():
            return redirect(f"{reverse('avatars:look')}?base={form.cleaned_data['base']}")
    return render(request, "avatars/pick.html", _context(request, bases=BASES.items()))


def base_image(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in BASES:
        raise Http404
    buffer = io.BytesIO()
    draw_base(slug).save(buffer, format="PNG")
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@never_cache
def selfie(request: HttpRequest, capture_id) -> HttpResponse:
    """The visitor's own photo, for their own screen only: checked against their session, never cached."""
    capture = services.capture_for_session(capture_id, request.session.session_key)
    if capture is None or not capture.photo_path.is_file():
        raise Http404
    response = FileResponse(capture.photo_path.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


# --- look and result -----------------------------------------------------------------------------------------


@kiosk_page
def look(request: HttpRequest) -> HttpResponse:
    """Choose style, sport and name, then start the job."""
    source = request.POST if request.method == "POST" else request.GET
    capture, base = None, source.get("base", "")
    if base:
        if base not in BASES:
            raise Http404
    else:
        capture = services.capture_for_session(source.get("capture"), request.session.session_key)
        if capture is None:
            messages.info(request, _("Your photo is no longer here. Please take a new one."))
            return redirect("avatars:capture")
    form = LookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            avatar = services.start_avatar(
                session_key=_session_key(request),
                user=request.user,
                capture=capture,
                base=base,
                style=form.cleaned_data["style"],
                sport=form.cleaned_data["sport"],
                name=form.cleaned_data["name"],
                ip=clients.client_ip(request),
                visit_token=request.session.get(SESSION_KEY, ""),
            )
        except RateLimited as exc:
            return _too_fast(request, exc, form=form, capture=capture, base=base)
        return redirect("avatars:result", avatar_id=avatar.pk)
    return render(request, "avatars/look.html", _context(request, form=form, capture=capture, base=base))


def _too_fast(request: HttpRequest, exc: RateLimited, **context) -> HttpResponse:
    """429 with the look page again and a message: many avatars were started from this visit or network."""
    messages.error(request, _("Many avatars were started just now. Please wait a moment and try again."))
    response = render(request, "avatars/look.html", _context(request, **context), status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


def _own_avatar(request: HttpRequest, avatar_id) -> Avatar:
    avatar = get_object_or_404(Avatar.objects.select_related("job"), pk=avatar_id)
    if not avatar.belongs_to(request.user, request.session.session_key):
        raise Http404
    return avatar


@kiosk_page
def result(request: HttpRequest, avatar_id) -> HttpResponse:
    """The kiosk's result screen: live progress, then the avatar with its QR code to take it home.

    Someone else's avatar (an earlier visitor's, reached with Back or an old address) is not found: the screen
    goes back to the attract loop.
    """
    avatar = Avatar.objects.select_related("job").filter(pk=avatar_id).first()
    if avatar is None or not avatar.belongs_to(request.user, request.session.session_key):
        return redirect("experience:kiosk")
    # One QR per visit: inside a kiosk visit the screen shows the visit's take-home link, whose page lists this
    # avatar with the route and the picks; the booth used on its own shows the avatar's own link.
    visit = current_visit(request)
    in_visit = visit is not None and avatar.visit_token == visit.token
    if in_visit:
        finish_visit(visit=visit)  # offered to take home: the visit outlives the kiosk's reset
        take_home = public_url.absolute(reverse("take_home:visit", args=[visit.token]), request)
    else:
        take_home = public_url.absolute(reverse("avatars:take_home", args=[avatar.token]), request)
    context = _context(
        request,
        avatar=avatar,
        job=avatar.job,
        take_home=take_home,
        qr=public_url.qr_svg(take_home),
        in_visit=in_visit,
    )
    return render(request, "avatars/result.html", context)


# --- take-home ---------------------------------------------------------------------------------------------


def take_home(request: HttpRequest, token: str) -> HttpResponse:
    """What the QR code opens on a phone: the avatar, download, "Delete now", use in the contest, new upload.

    Once an account claimed the avatar, the link shows it to that account only.
    """
    avatar = Avatar.objects.select_related("job").filter(token=token).first()
    if avatar is None:
        return render(request, "avatars/take_home_gone.html", status=404)
    if avatar.owner_id is not None and not (request.user.is_authenticated and avatar.owner_id == request.user.pk):
        return render(request, "avatars/take_home_gone.html", {"claimed": True}, status=403)
    return render(
        request, "avatars/take_home.html", _context(request, avatar=avatar, job=avatar.job, form=PhoneUploadForm())
    )


@require_POST
def delete_now(request: HttpRequest, token: str) -> HttpResponse:
    avatar = get_object_or_404(Avatar, token=token)
    if not services.may_delete(avatar, request.user):
        # Claimed by an account: the take-home link alone deletes nothing any more.
        return render(request, "avatars/take_home_gone.html", {"claimed": True}, status=403)
    services.delete_avatar(avatar)
    return render(request, "avatars/take_home_gone.html", {"deleted": True})


@require_POST
def claim(request: HttpRequest, token: str) -> HttpResponse:
    avatar = get_object_or_404(Avatar, token=token)
    if not request.user.is_authenticated:
        return redirect(f"{settings.LOGIN_URL}?next={reverse('avatars:take_home', args=[token])}")
    try:
        services.claim_avatar(avatar, request.user)
    except services.AlreadyClaimed:
        return render(request, "avatars/take_home_gone.html", {"claimed": True}, status=403)
    messages.success(request, _("Done: write @me in a contest prompt to star in your video."))
    return redirect("avatars:take_home", token=token)


@require_POST
def phone_upload(request: HttpRequest, token: str) -> HttpResponse:
    """A new avatar from a photo taken on the phone (consent is ticked in the same form)."""
    avatar = get_object_or_404(Avatar.objects.select_related("job"), token=token)
    if avatar.owner_id is not None and not (request.user.is_authenticated and avatar.owner_id == request.user.pk):
        return render(request, "avatars/take_home_gone.html", {"claimed": True}, status=403)
    form = PhoneUploadForm(request.POST, request.FILES)
    error = None
    if form.is_valid():
        consented_at = services.give_consent(request.session)
        try:
            capture, analysis = services.save_capture(
                session_key=_session_key(request),
                data=_read_upload(form.cleaned_data["photo"]),
                consented_at=consented_at,
                ip=clients.client_ip(request),
            )
        except faces.PhotoRejected as exc:
            error = exc.message
        else:
            for note in analysis.notes:
                messages.info(request, faces.note_text(note))
            try:
                new = services.start_avatar(
                    session_key=_session_key(request),
                    user=request.user,
                    capture=capture,
                    style=form.cleaned_data["style"],
                    sport=form.cleaned_data["sport"],
                    name=form.cleaned_data["name"],
                    ip=clients.client_ip(request),
                )
            except RateLimited:
                error = _("Many avatars were started just now. Please wait a moment and try again.")
            else:
                return redirect("avatars:take_home", token=new.token)
    return render(
        request,
        "avatars/take_home.html",
        _context(request, avatar=avatar, job=avatar.job, form=form, upload_error=error),
        status=422,
    )
