"""Fan pages: create, watch, enter, share, browse, vote, arena, boards, results, history, jury. Thin: parse the input,
call one service or selector, render (a named partial for htmx)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from generation.models import Job
from generation.prompting import parse_prompt
from generation.prompting.vocab import EMOTIONS, SPORTS, STYLES, chip_labels
from wonder import clients

from . import selectors, services
from .accounts import SESSION_JOBS, is_verified
from .forms import EntryForm, ParseForm, ProfileForm, VideoPromptForm
from .models import CRITERIA_LABELS, Contest, Entry, Vote
from .services import SURPRISE

SHARE_SALT = "contest.share"


_session_key = clients.session_key
_ip = clients.client_ip
_ua = clients.user_agent


def _create_context(request: HttpRequest, form: VideoPromptForm) -> dict:
    chosen = form.data if form.is_bound else {}
    return {
        "sports": SPORTS,
        "nav": "home",
        "form": form,
        "quota": selectors.generation_quota(user=request.user, session_key=request.session.session_key),
        "contest": selectors.current_contest(),
        **_chips(chosen),
    }


def _chips(chosen) -> dict:
    """The editable chips: what the parser understood of each, and what the fan picked (which wins).

    When the sentence does not settle the sport, the sport chip says so and offers the contenders first: Generate
    then asks for a choice (or an explicit "surprise me") instead of guessing.
    """
    text = (chosen.get("text") or "").strip()
    picked = chosen.get("sport") if chosen.get("sport") in (*SPORTS, SURPRISE) else ""
    parsed = parse_prompt(text, sport_hint=picked if picked in SPORTS else None) if text else None
    chips = []
    for name, label, vocabulary in (
        ("sport", _("Sport"), SPORTS),
        ("emotion", _("Mood"), EMOTIONS),
        ("style", _("Style"), STYLES),
    ):
        guess = getattr(parsed, name, None) if parsed else None
        choices = list(vocabulary.items())
        if name == "sport":
            candidates = parsed.sport_candidates if parsed and not picked else []
            # The contenders first, so the fan's likely choice is one tap away.
            choices = [(s, SPORTS[s]) for s in candidates] + [c for c in choices if c[0] not in candidates]
            choices.append((SURPRISE, _("Surprise me")))
        chips.append(
            {
                "name": name,
                "label": label,
                "guess": vocabulary.get(guess) if guess else None,
                "choices": choices,
                "chosen": chosen.get(name) if chosen.get(name) in dict(choices) else "",
            }
        )
    needs_choice = bool(parsed and parsed.sport is None and not picked)
    return {
        "parsed": parsed,
        "chips": chips,
        "needs_sport": needs_choice,
        "sport_candidates": [SPORTS[s] for s in parsed.sport_candidates] if needs_choice else [],
        "understood_pct": round(parsed.confidence * 100) if parsed else None,
        "subject": {"guess": parsed.subject if parsed else "", "chosen": (chosen.get("subject") or "")[:80]},
    }


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "contest/home.html", _create_context(request, VideoPromptForm()))


@require_POST
def parse(request: HttpRequest) -> HttpResponse:
    """The chips, re-rendered as the fan types (htmx, ``input changed delay:400ms``)."""
    form = ParseForm(request.POST)
    form.is_valid()
    return render(request, "contest/home.html#chips", _chips(form.cleaned_data))


@require_POST
def create_video(request: HttpRequest) -> HttpResponse:
    form = VideoPromptForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            job = services.generate_video(
                user=request.user,
                session_key=_session_key(request),
                text=data["text"],
                sport=data["sport"] or None,
                style=data["style"] or None,
                emotion=data["emotion"] or None,
                subject=data["subject"] or None,
                ip=_ip(request),
            )
        except services.ContestError as exc:
            form.add_error(None, exc.message)
        else:
            if not request.user.is_authenticated:
                # Comes along into the account when the visitor signs in (contest.accounts).
                request.session[SESSION_JOBS] = [*request.session.get(SESSION_JOBS, [])[-20:], str(job.pk)]
            target = reverse("contest:video", args=[job.pk])
            return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
    context = _create_context(request, form)
    if request.htmx:  # htmx swaps only 2xx responses by default
        return render(request, "contest/home.html#prompt-form", context)
    return render(request, "contest/home.html", context, status=422)


def _own_video(request: HttpRequest, job_id) -> Job:
    job = get_object_or_404(Job, pk=job_id, kind="video")
    if not job.can_view(request.user, request.session.session_key):
        raise PermissionDenied
    return job


def _video_context(request: HttpRequest, job: Job, form: EntryForm | None = None) -> dict:
    contest = selectors.current_contest()
    user = request.user
    entries = list(Entry.objects.filter(job=job).select_related("contest"))
    return {
        "job": job,
        "chips": chip_labels(job.spec),
        "nav": "home",
        "contest": contest,
        "entries": entries,
        "entry_form": form or EntryForm(),
        "verified": is_verified(user),
        "is_owner": job.can_control(user, request.session.session_key),
        "entry_quota": selectors.entry_quota(user=user, contest=contest) if contest and user.is_authenticated else None,
        "quota": selectors.generation_quota(user=user, session_key=request.session.session_key),
        "share_url": request.build_absolute_uri(
            reverse("contest:share", args=[signing.dumps(str(job.pk), salt=SHARE_SALT)])
        ),
        "retry": VideoPromptForm(
            initial={
                "text": job.spec.get("prompt", ""),
                "sport": job.spec.get("sport") or "",
                "style": job.spec.get("style") or "",
                "emotion": job.spec.get("emotion") or "",
                "subject": job.spec.get("subject") or "",
            }
        ),
    }


def video(request: HttpRequest, job_id) -> HttpResponse:
    job = _own_video(request, job_id)
    template = "contest/video.html#actions" if request.GET.get("partial") == "actions" else "contest/video.html"
    return render(request, template, _video_context(request, job))


@require_POST
def enter(request: HttpRequest, job_id) -> HttpResponse:
    job = _own_video(request, job_id)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={reverse('contest:video', args=[job.pk])}")
    form = EntryForm(request.POST)
    if form.is_valid():
        try:
            entry = services.enter_contest(
                user=request.user,
                job_id=job.pk,
                title=form.cleaned_data["title"],
                accept_rules=form.cleaned_data["accept_rules"],
            )
        except services.ContestError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Entered! A moderator will review it soon; it becomes public once approved."))
            target = reverse("contest:entry", args=[entry.pk])
            return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
    context = _video_context(request, job, form)
    if request.htmx:
        return render(request, "contest/video.html#actions", context)
    return render(request, "contest/video.html", context, status=422)


def share(request: HttpRequest, token: str) -> HttpResponse:
    """An unlisted link to one finished video that its maker chose to share (not an entry; not in any list)."""
    try:
        job_id = signing.loads(token, salt=SHARE_SALT)
    except signing.BadSignature:
        raise Http404 from None
    job = get_object_or_404(Job, pk=job_id, kind="video", status=Job.Status.SUCCEEDED)
    if (job.spec.get("safety") or {}).get("action") == "flag":
        raise Http404  # a flagged prompt is shared only after a moderator approves it as an entry
    return render(request, "contest/share.html", {"job": job, "title": job.spec.get("prompt", "")[:80]})


def entries(request: HttpRequest) -> HttpResponse:
    contest = selectors.current_contest()
    order = "new" if request.GET.get("order") == "new" else "top"
    sport = request.GET.get("sport") if request.GET.get("sport") in SPORTS else None
    items = list(selectors.public_entries(contest, sport=sport, order=order)[:60]) if contest else []
    context = {
        "nav": "contest",
        "contest": contest,
        "entries": items,
        "order": order,
        "sport": sport,
        "sports": SPORTS,
        "my_votes": selectors.my_votes(request.user, items),
        "hide_counts": selectors.counts_hidden(contest) if contest else False,
    }
    return render(request, "contest/entries.html#entry-list" if request.htmx else "contest/entries.html", context)


def entry(request: HttpRequest, entry_id: int) -> HttpResponse:
    item = selectors.visible_entry(entry_id, request.user)
    if item is None:
        raise Http404
    return render(request, "contest/entry.html", _entry_context(request, item))


def _entry_context(request: HttpRequest, item: Entry, error: str = "") -> dict:
    return {
        "nav": "contest",
        "entry": item,
        "contest": item.contest,
        "my_vote": selectors.my_votes(request.user, [item]).get(item.pk),
        "hide_counts": selectors.counts_hidden(item.contest),
        "vote_error": error,
        "absolute_url": request.build_absolute_uri(reverse("contest:entry", args=[item.pk])),
    }


@require_POST
def vote(request: HttpRequest, entry_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={reverse('contest:entry', args=[entry_id])}")
    error = ""
    try:
        services.cast_vote(
            user=request.user,
            entry_id=entry_id,
            value=Vote.PASS if request.POST.get("value") == "-1" else Vote.LIKE,
            ip=_ip(request),
            user_agent=_ua(request),
        )
    except services.ContestError as exc:
        error = exc.message
    item = selectors.visible_entry(entry_id, request.user)
    if item is None:
        raise Http404
    if request.htmx:
        return render(request, "contest/entry.html#vote", _entry_context(request, item, error))
    if error:
        messages.error(request, error)
    return redirect("contest:entry", entry_id=entry_id)


def arena(request: HttpRequest) -> HttpResponse:
    contest = selectors.current_contest()
    context = {"nav": "arena", "contest": contest, "verified": is_verified(request.user), "error": ""}
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={reverse('contest:arena')}")
        try:
            services.judge_pair(
                user=request.user,
                token=request.POST.get("pair", ""),
                choice=request.POST.get("choice", ""),
                ip=_ip(request),
                user_agent=_ua(request),
            )
            context["thanks"] = True
        except services.ContestError as exc:
            context["error"] = exc.message
    pair = None
    if contest and request.user.is_authenticated and context["verified"]:
        sport = request.GET.get("sport") if request.GET.get("sport") in SPORTS else None
        pair = selectors.arena_pair(user=request.user, contest=contest, sport=sport)
    if pair:
        context.update(
            left=pair[0], right=pair[1], token=services.arena_token(user=request.user, left=pair[0], right=pair[1])
        )
    context["voting_open"] = bool(contest and contest.accepts_votes())
    return render(request, "contest/arena.html#duel" if request.htmx else "contest/arena.html", context)


def board(request: HttpRequest) -> HttpResponse:
    contest = selectors.current_contest()
    boards = selectors.boards(contest) if contest else []
    return render(
        request, "contest/board.html", {"nav": "arena", "contest": contest, "boards": boards, "sports": SPORTS}
    )


def results(request: HttpRequest) -> HttpResponse:
    contest = selectors.current_contest()
    ranked = selectors.results(contest) if contest else []
    return render(request, "contest/results.html", {"nav": "contest", "contest": contest, "ranked": ranked})


def how_chosen(request: HttpRequest, slug: str) -> HttpResponse:
    """The public "How winners are chosen" page of one contest: the formula, its weights and rules, and once the
    results are out, each finalist's three parts with their intervals and the arena's comparison counts."""
    contest = get_object_or_404(Contest, slug=slug)
    context = {"nav": "contest", "contest": contest, **selectors.published_result(contest)}
    return render(request, "contest/how_chosen.html", context)


@login_required
def me(request: HttpRequest) -> HttpResponse:
    """The fan's own page: quotas, profile, every video they made and what became of its entry."""
    fan = services.fan_for(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.update_fan(user=request.user, **form.cleaned_data)
                messages.success(request, _("Profile saved."))
                return redirect("contest:me")
            except services.ContestError as exc:
                form.add_error(None, exc.message)
    else:
        form = ProfileForm(initial={"display_name": fan.display_name, "country": fan.country, "language": fan.language})
    contest = selectors.current_contest()
    context = {
        "nav": "me",
        "fan": fan,
        "form": form,
        "verified": is_verified(request.user),
        "history": selectors.fan_history(request.user),
        "quota": selectors.generation_quota(user=request.user, session_key=request.session.session_key),
        "contest": contest,
        "entry_quota": selectors.entry_quota(user=request.user, contest=contest) if contest else None,
    }
    return render(request, "contest/me.html", context)


@login_required
def jury(request: HttpRequest) -> HttpResponse:
    if not services.is_juror(request.user):
        raise PermissionDenied
    contest = selectors.current_contest()
    error, status = "", 200
    if request.method == "POST":
        entry_id = clients.int_id(request.POST.get("entry"))
        criteria = contest.criteria_weights() if contest else {}
        try:
            if entry_id is None:  # "abc", "²", 40 digits: a crafted form, answered 400 rather than a 500
                status = 400
                raise services.ContestError("no_such_entry", _("There is no such entry."), status=400)
            services.score_entry(
                judge=request.user,
                entry_id=entry_id,
                scores={c: request.POST.get(f"score-{c}", "") for c in criteria},
            )
            messages.success(request, _("Scores saved."))
            return redirect("contest:jury")
        except services.ContestError as exc:
            error = exc.message
    shortlist = (
        list(Entry.objects.filter(contest=contest, state=Entry.State.SHORTLISTED).select_related("job"))
        if contest
        else []
    )
    mine = {}
    for score in request.user.jury_scores.filter(entry__in=shortlist):
        mine.setdefault(score.entry_id, {})[score.criterion] = score.value
    criteria = [(c, CRITERIA_LABELS.get(c, c), w) for c, w in (contest.criteria_weights() if contest else {}).items()]
    rows = [(e, [(c, label, mine.get(e.pk, {}).get(c)) for c, label, _w in criteria]) for e in shortlist]
    return render(
        request,
        "contest/jury.html",
        {"nav": "jury", "contest": contest, "rows": rows, "criteria": criteria, "error": error},
        status=status,
    )
