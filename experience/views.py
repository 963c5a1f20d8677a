"""The kiosk journey (attract -> language -> quiz -> live plan -> recommendations -> take home), the take-home page
and the staff page. Thin: parse, call a service, render (a partial for htmx).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from urllib.parse import quote

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from avatars import services as avatar_services
from gallery.museum import attract_reel
from generation import llm
from wonder import public_url

from . import selectors, services, wishes
from .forms import LanguageForm, QuizForm, ZoneStatusForm
from .kiosk import IDLE_SESSION_KEY, current_visit, idle_seconds, kiosk_page, new_session
from .models import Visit, Zone
from .quiz import MINUTES

LANGUAGE_GREETINGS = {
    "en": "Welcome",
    "it": "Benvenuti",
    "zh-hans": "欢迎",
    "ja": "ようこそ",
    "fr": "Bienvenue",
    "de": "Willkommen",
    "es": "Bienvenidos",
}

ViewFn = Callable[..., HttpResponse]


def kiosk_visit(view: ViewFn) -> ViewFn:
    """Give the view this kiosk's current visit, in the visit's language; no visit: back to the attract loop."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        visit = current_visit(request)
        if visit is None:
            home = reverse("experience:kiosk")
            return HttpResponseClientRedirect(home) if request.htmx else redirect(home)
        services.touch(visit)
        with translation.override(visit.language):
            return view(request, visit, *args, **kwargs)

    # Never stored: Back after a visit ended must ask the server again, which knows that visit is gone.
    return never_cache(wrapper)


def _visit_context(request: HttpRequest, visit: Visit, step: str, **extra) -> dict:
    return {"visit": visit, "step": step, "idle_s": idle_seconds(request), **extra}


# --- the journey -----------------------------------------------------------------------------------------


@kiosk_page
def kiosk(request: HttpRequest) -> HttpResponse:
    """The attract loop. ``?idle=N`` shortens the idle timeout (DEBUG only: for demos and tests)."""
    idle = request.GET.get("idle", "")
    if settings.DEBUG and idle.isdigit() and 3 <= int(idle) <= 600:
        request.session[IDLE_SESSION_KEY] = int(idle)
    zone_list = selectors.zones()
    context = {
        "greetings": LANGUAGE_GREETINGS.values(),
        "zones": zone_list,
        "opening": selectors.opening_state(selectors.installation_minute(), zone_list),
        # Once the contest's results are announced, the winners and their film play in the attract loop.
        "reel": attract_reel(),
    }
    return render(request, "experience/attract.html", context)


@kiosk_page
def language(request: HttpRequest) -> HttpResponse:
    names = [(code, translation.get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]
    # Each language in its own words, capitalised as on a button ("italiano" -> "Italiano").
    languages = [(code, name[:1].upper() + name[1:]) for code, name in names]
    return render(request, "experience/language.html", {"languages": languages, "greetings": LANGUAGE_GREETINGS})


@require_POST
def start(request: HttpRequest) -> HttpResponse:
    """ "Touch to begin" -> a language: a new visit in a fresh session, with nothing of whoever came before."""
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return redirect("experience:language")
    services.end_kiosk_session(request.session.session_key or "", current_visit(request))
    session_key = new_session(request)
    visit = services.start_visit(session_key=session_key, language=form.cleaned_data["language"])
    request.session[services.SESSION_KEY] = visit.token
    return redirect("experience:quiz")


@kiosk_visit
def quiz(request: HttpRequest, visit: Visit) -> HttpResponse:
    form = QuizForm(request.POST if request.method == "POST" else None, initial=visit.answers or None)
    if request.method == "POST" and form.is_valid():
        services.submit_quiz(visit=visit, answers=form.answers())
        return redirect("experience:plan")
    status = 422 if request.method == "POST" else 200
    # The longest time on offer: fewer minutes left than that and the quiz says when the installation closes.
    opening = selectors.opening_state(selectors.installation_minute(), wanted=max(float(m) for m in MINUTES))
    context = _visit_context(request, visit, "quiz", form=form, opening=opening)
    return render(request, "experience/quiz.html", context, status=status)


@kiosk_visit
def plan(request: HttpRequest, visit: Visit) -> HttpResponse:
    if visit.job is None:
        return redirect("experience:quiz")
    visit = services.sync_visit_plan(visit)
    context = _visit_context(
        request,
        visit,
        "plan",
        choices=[(code, label) for code, (label, _wish) in wishes.CHOICES.items()],
        typed_wishes=llm.configured(),
        **selectors.itinerary(visit),
    )
    template = "experience/itinerary.html#itinerary" if request.htmx else "experience/itinerary.html"
    return render(request, template, context)


@require_POST
@kiosk_visit
def change(request: HttpRequest, visit: Visit) -> HttpResponse:
    """A touch choice ("add the café", "we're running late", "skip the queues") or, with an LLM, a typed wish:
    the agent re-plans the rest of the visit live. Anything else changes nothing."""
    choice = request.POST.get("choice", "")
    if choice in wishes.CHOICES:
        services.wish_for_route(visit=visit, wish=wishes.CHOICES[choice][1], code=choice)
    elif request.POST.get("wish", "").strip():
        names = {zone.slug: zone.name_in(visit.language) for zone in selectors.zones()}
        wish = wishes.from_text(request.POST["wish"], visit.language, names)
        services.wish_for_route(visit=visit, wish=wish, code="text")
    return redirect("experience:plan")


@require_POST
@kiosk_visit
def retry(request: HttpRequest, visit: Visit) -> HttpResponse:
    services.retry_planning(visit=visit)
    return redirect("experience:plan")


@kiosk_visit
def recommendations(request: HttpRequest, visit: Visit) -> HttpResponse:
    visit = services.sync_visit_plan(visit)
    if visit.plan is None:
        return redirect("experience:plan")
    context = _visit_context(
        request, visit, "recommendations", cards=selectors.recommendation_cards(visit), avatar_url=_avatar_url()
    )
    return render(request, "experience/recommendations.html", context)


def _avatar_url() -> str | None:
    """The avatar booth's kiosk page, coming back here afterwards; None while that app has no such page."""
    try:
        return reverse("avatars:intro") + "?next=" + quote(reverse("experience:recommendations"))
    except NoReverseMatch:
        return None


@kiosk_visit
def take_home(request: HttpRequest, visit: Visit) -> HttpResponse:
    visit = services.sync_visit_plan(visit)
    if visit.plan is None:
        return redirect("experience:plan")
    visit = services.finish_visit(visit=visit)
    url = public_url.absolute(reverse("take_home:visit", args=[visit.token]), request)
    context = _visit_context(
        request, visit, "take_home", url=url, qr_svg=public_url.qr_svg(url), visit_ttl_h=settings.WONDER_TAKE_HOME_TTL_H
    )
    return render(request, "experience/take_home.html", context)


@require_POST
def end(request: HttpRequest) -> HttpResponse:
    """Idle timeout, "start over" or "done": let go of the visit (wiped unless taken home) and of everything the
    browser's session held for it (consent, photos, avatars, "@me") -> attract loop."""
    services.end_kiosk_session(request.session.session_key or "", current_visit(request))
    new_session(request)
    home = reverse("experience:kiosk")
    return HttpResponseClientRedirect(home) if request.htmx else redirect(home)


# --- take home -------------------------------------------------------------------------------------------


def take_home_page(request: HttpRequest, token: str) -> HttpResponse:
    """``/me/<token>/``: the visitor's plan and picks on their phone, no account needed, until it expires."""
    visit = Visit.objects.select_related("job").filter(token=token).first()
    if visit is None:
        return render(request, "experience/me_gone.html", {"reason": "unknown"}, status=404)
    if visit.is_expired:
        return render(request, "experience/me_gone.html", {"reason": "expired"}, status=410)
    visit = services.sync_visit_plan(visit)
    with translation.override(visit.language):
        context = {
            "visit": visit,
            "cards": selectors.recommendation_cards(visit),
            "avatars": avatar_services.avatars_of_visit(visit.token),
            **selectors.itinerary(visit),
        }
        template = "experience/me.html#route" if request.htmx else "experience/me.html"
        return render(request, template, context)


# --- staff -----------------------------------------------------------------------------------------------


@staff_member_required
def staff(request: HttpRequest) -> HttpResponse:
    return render(request, "experience/staff.html", {"zones": selectors.zones()})


@staff_member_required
@require_POST
def staff_zone(request: HttpRequest, slug: str) -> HttpResponse:
    zone = get_object_or_404(Zone, slug=slug)
    form = ZoneStatusForm(request.POST)
    replanned = None
    if form.is_valid():
        _status, replanned = services.set_zone_status(
            zone=zone,
            is_open=form.cleaned_data["is_open"],
            queue_minutes=form.cleaned_data["queue_minutes"],
            by=request.user,
        )
    if not request.htmx:
        return redirect("experience:staff")
    zone = selectors.zone(slug)
    return render(request, "experience/staff.html#zone-row", {"zone": zone, "replanned": replanned, "form": form})
