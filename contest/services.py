"""Every write of the contest: generate, enter, moderate, vote, judge in the arena, score, announce.

Plain functions with keyword arguments, one transaction each. Views, the API, tasks and the admin all call these.
A refused action raises :class:`ContestError` with a stable ``code`` and a translated ``message``, and saves
nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from generation import media_store
from generation import services as jobs
from generation.models import Job
from generation.prompting import check_prompt, expand_prompt, parse_prompt
from generation.prompting.validators import unsafe_text_message
from generation.prompting.vocab import EMOTIONS, SPORTS, STYLES
from wonder import ratelimit
from wonder.clients import client_hash
from wonder.text import strip_bidi

from . import selectors
from .accounts import is_verified
from .models import ArenaBoard, Comparison, Contest, Entry, Fan, JuryScore, ResultSnapshot, Vote

log = logging.getLogger(__name__)

ARENA_SALT = "contest.arena"
JURY_GROUP = "jury"


class ContestError(Exception):
    """A refused action: ``code`` for machines (and the API), ``message`` translated for people."""

    def __init__(self, code: str, message: str, status: int = 400, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        # Extra machine-readable facts for the API (e.g. the sports to choose from).
        self.details = details or {}


def too_fast(retry_after: int) -> ContestError:
    """The 429 for a client going too fast; the API sends ``retry_after`` as the Retry-After header."""
    error = ContestError(
        "rate_limited",
        _("You are going very fast. Please wait %(seconds)d seconds and try again.") % {"seconds": retry_after},
        status=429,
    )
    error.retry_after = retry_after  # type: ignore[attr-defined]
    return error


# --- Fans ------------------------------------------------------------------------------------------------------


def fan_for(user: Any) -> Fan:
    """The fan profile of an account, created on first use (accounts made by the admin or a script have none)."""
    fan = Fan.objects.filter(user=user).first()
    if fan is None:
        name = (user.email.split("@", 1)[0] if user.email else user.get_username())[:40]
        fan, _created = Fan.objects.get_or_create(user=user, defaults={"display_name": name or "fan"})
    return fan


def update_fan(*, user: Any, display_name: str, country: str = "", language: str = "") -> Fan:
    display_name = (display_name or "").strip()
    if not display_name:
        raise ContestError("display_name_required", _("Please choose a name to show with your entries."))
    if message := unsafe_text_message(display_name):
        raise ContestError("unsafe_text", message)
    with transaction.atomic():
        fan = fan_for(user)
        fan.display_name = display_name[:40]
        fan.country = country or ""
        fan.language = language if language in dict(settings.LANGUAGES) else fan.language
        fan.save()
    return fan


def flag_fan(*, user: Any, flagged: bool = True, reason: str = "") -> Fan:
    """Flag (or clear) a fan: their votes and judgements stay stored but stop (or start again) counting."""
    with transaction.atomic():
        fan = Fan.objects.select_for_update().get(pk=fan_for(user).pk)
        fan.flagged = flagged
        fan.flag_reason = reason[:200] if flagged else ""
        fan.save(update_fields=["flagged", "flag_reason"])
        touched = set(Vote.objects.filter(voter=user).values_list("entry_id", flat=True))
        for a, b in Comparison.objects.filter(voter=user).values_list("a_id", "b_id"):
            touched.update((a, b))
        Vote.objects.filter(voter=user).update(counted=not flagged)
        Comparison.objects.filter(voter=user).update(counted=not flagged)
        for entry_id in sorted(touched):
            _recount(entry_id)
    return fan


def _recount(entry_id: int) -> None:
    """Recompute an entry's counters from the rows (after flagging changes which rows count)."""
    entry = Entry.objects.select_for_update().get(pk=entry_id)
    counted = Vote.objects.filter(entry_id=entry_id, counted=True)
    entry.likes = counted.filter(value=Vote.LIKE).count()
    entry.dislikes = counted.filter(value=Vote.PASS).count()
    entry.wilson = _wilson(entry.likes, entry.likes + entry.dislikes)
    entry.comparisons = (
        Comparison.objects.filter(counted=True, a_id=entry_id).count()
        + Comparison.objects.filter(counted=True, b_id=entry_id).count()
    )
    entry.save(update_fields=["likes", "dislikes", "wilson", "comparisons"])


def _wilson(positive: int, total: int) -> float:
    from . import ranking

    return float(ranking.wilson_lower_bound(positive, total)) if total else 0.0


# --- Generating videos -----------------------------------------------------------------------------------------


def generate_video(
    *,
    user: Any,
    session_key: str,
    text: str,
    sport: str | None = None,
    style: str | None = None,
    emotion: str | None = None,
    subject: str | None = None,
    seed: int | None = None,
    ip: str = "",
) -> Job:
    """Queue a video for a checked prompt, counting it against the fan's (or the visitor's) daily quota."""
    text = strip_bidi(text or "").strip()
    if not text:
        raise ContestError("empty_prompt", _("Write a sentence first: what should happen in your video?"))
    # The subject chip goes into the model prompt too: checked together with the sentence, so a minor in one
    # and a sexual word in the other are read as one request.
    subject = " ".join((subject or "").split())
    verdict = check_prompt(f"{text}\n{subject}" if subject else text)
    if verdict.action == "block":
        raise ContestError("blocked_prompt", verdict.message)
    # Understanding the sentence is slow (the first request of a process loads the language data) and needs no
    # lock: done before the transaction, which on SQLite holds every other writer of the site (the worker's
    # heartbeat, votes) from its first statement.
    spec = build_video_spec(text=text, sport=sport, style=style, emotion=emotion, subject=subject, seed=seed)
    spec["safety"] = {"action": verdict.action, "category": verdict.category, "matches": verdict.matches}
    avatar = _avatar_image(user=user, session_key=session_key, references=spec.get("references") or [])
    if avatar:
        spec["avatar_image"] = avatar
    with transaction.atomic():
        authenticated = user is not None and user.is_authenticated
        if authenticated:
            # Serialise one fan's requests, so two quick clicks cannot both take the last one left.
            Fan.objects.select_for_update().filter(pk=fan_for(user).pk).first()
        quota = selectors.generation_quota(user=user, session_key=session_key)
        if quota.exhausted:
            if authenticated:
                raise ContestError(
                    "quota_exceeded",
                    _("You have made all %(limit)d videos for today. Come back tomorrow for more!")
                    % {"limit": quota.limit},
                    status=429,
                )
            raise ContestError(
                "sign_in_required",
                _("You have tried %(limit)d videos without an account. Sign in to make more and enter the contest.")
                % {"limit": quota.limit},
                status=403,
            )
        if (
            not authenticated
            and ip
            and not ratelimit.take(f"anon-gen:{client_hash(ip)}", settings.WONDER_ANON_GENERATIONS_PER_IP_DAY, 86400)
        ):
            raise ContestError(
                "sign_in_required",
                _("Many videos were made from your network today. Sign in to make more."),
                status=403,
            )
        if not authenticated:
            try:
                ratelimit.check_anonymous_job(session_key=session_key, client_key=client_hash(ip))
            except ratelimit.RateLimited as exc:
                raise too_fast(exc.retry_after) from None
        return jobs.create_job(kind="video", spec=spec, owner=user, session_key=session_key or "")


# The fan's explicit "surprise me" instead of a sport: we pick one, openly, rather than guess silently.
SURPRISE = "surprise"


def build_video_spec(
    *,
    text: str,
    sport: str | None = None,
    style: str | None = None,
    emotion: str | None = None,
    subject: str | None = None,
    seed: int | None = None,
) -> dict[str, Any]:
    """What we understood of the sentence, with the fan's chip edits winning, and a seed.

    Raises ``ContestError("sport_needed")`` when neither the text nor the fan settles the sport.
    """
    parsed = parse_prompt(text, sport_hint=sport if sport in SPORTS else None)
    if sport == SURPRISE and parsed.sport_source != "named":
        parsed.sport = secrets.choice(parsed.sport_candidates or list(SPORTS))
        parsed.sport_source = "surprise"
    elif sport in SPORTS:
        parsed.sport = sport
    if parsed.sport is None:
        raise ContestError(
            "sport_needed",
            _("Which sport should it be? Pick one (or ask for a surprise) and generate again."),
            details={"sport_needs_choice": True, "sport_candidates": parsed.sport_candidates},
        )
    parsed.sport_candidates = []
    if style in STYLES:
        parsed.style = style
    if emotion in EMOTIONS:
        parsed.emotion = emotion
    subject = strip_bidi(subject or "").strip()[:80]
    if subject and subject != parsed.subject:
        parsed.subject = subject
    parsed.prompt_en = expand_prompt(parsed)
    return {
        **parsed.to_dict(),
        "sport_source": parsed.sport_source,
        "prompt": text,
        "seed": seed if seed is not None else secrets.randbelow(2**31),
    }


def _avatar_image(*, user: Any, session_key: str, references: list[str]) -> str | None:
    """The fan's own avatar for "@me", when the avatars app offers one; otherwise nothing, silently."""
    if not any(ref.lower() == "@me" for ref in references):
        return None
    try:
        from avatars.services import avatar_for
    except ImportError:
        return None
    try:
        authenticated = user is not None and user.is_authenticated
        image = avatar_for(user if authenticated else session_key or "")
    except Exception:  # another app's failure must not stop a video
        log.exception("avatar_for failed")
        return None
    # A storage name, not this machine's path: the GPU worker that renders the video may be another machine.
    return media_store.name_of(image) if image else None


def adopt_videos(*, user: Any, job_ids: list[str]) -> int:
    """Videos made before signing in become the fan's own (called at log-in with the session's job ids)."""
    adopted = 0
    for job_id in Job.objects.filter(pk__in=job_ids, owner__isnull=True, kind="video").values_list("pk", flat=True):
        jobs.change_job(job_id, owner=user)
        adopted += 1
    return adopted


# --- Entries ---------------------------------------------------------------------------------------------------


def enter_contest(
    *, user: Any, job_id: Any, title: str, accept_rules: bool, contest: Contest | None = None, submit: bool = True
) -> Entry:
    """Enter a finished video in the (current) contest: submitted for review, or kept as a draft."""
    if not is_verified(user):
        raise ContestError("not_verified", _("Please confirm your e-mail address before entering."), status=403)
    title = " ".join((title or "").split())
    if not title:
        raise ContestError("title_required", _("Give your entry a title."))
    if len(title) > 80:
        raise ContestError("title_too_long", _("Please keep the title to 80 characters."))
    if message := unsafe_text_message(title):
        raise ContestError("unsafe_text", message)
    if submit and not accept_rules:
        raise ContestError("rules_not_accepted", _("Please accept the contest rules to enter."))
    contest = contest or selectors.current_contest()
    if contest is None or not contest.accepts_entries():
        raise ContestError("submissions_closed", _("The contest is not accepting entries right now."), status=409)
    with transaction.atomic():
        Fan.objects.select_for_update().filter(pk=fan_for(user).pk).first()
        job = Job.objects.filter(pk=job_id, kind="video").first()
        if job is None or job.owner_id != user.pk:
            raise ContestError("not_your_video", _("You can only enter videos you made yourself."), status=403)
        if job.status != Job.Status.SUCCEEDED:
            raise ContestError("video_not_ready", _("Wait until your video is finished, then enter it."), status=409)
        sport = job.spec.get("sport") or (job.result or {}).get("metadata", {}).get("sport")
        if not contest.allows_sport(sport):
            raise ContestError("sport_not_allowed", _("This contest does not take videos of this sport."))
        duration = float((job.result or {}).get("metadata", {}).get("duration_s") or 0)
        if not contest.min_video_s <= duration <= contest.max_video_s:
            raise ContestError(
                "bad_length",
                _("Entries must be %(min)s to %(max)s seconds long.")
                % {"min": f"{contest.min_video_s:g}", "max": f"{contest.max_video_s:g}"},
            )
        if Entry.objects.filter(contest=contest, job=job).exists():
            raise ContestError("already_entered", _("This video is already in the contest."), status=409)
        quota = selectors.entry_quota(user=user, contest=contest)
        if quota.exhausted:
            raise ContestError(
                "entry_quota_exceeded",
                _("You have used all %(limit)d entries of this contest.") % {"limit": quota.limit},
                status=429,
            )
        now = timezone.now()
        try:
            with transaction.atomic():
                return Entry.objects.create(
                    contest=contest,
                    author=user,
                    job=job,
                    title=title,
                    sport=sport or "",
                    state=Entry.State.SUBMITTED if submit else Entry.State.DRAFT,
                    rules_accepted=now if accept_rules else None,
                    submitted=now if submit else None,
                )
        except IntegrityError:
            raise ContestError("already_entered", _("This video is already in the contest."), status=409) from None


def submit_entry(*, user: Any, entry_id: int, accept_rules: bool) -> Entry:
    """A draft goes to review."""
    if not accept_rules:
        raise ContestError("rules_not_accepted", _("Please accept the contest rules to enter."))
    with transaction.atomic():
        entry = _locked_entry(entry_id)
        if entry.author_id != user.pk:
            raise ContestError("not_your_entry", _("This is someone else's entry."), status=403)
        if not entry.contest.accepts_entries():
            raise ContestError("submissions_closed", _("The contest is not accepting entries right now."), 409)
        return _move(entry, Entry.State.SUBMITTED, submitted=timezone.now(), rules_accepted=timezone.now())


def _locked_entry(entry_id: int) -> Entry:
    # of=("self",): lock the entry only. Locking the joined contest row too would queue every vote of the contest
    # behind one row and deadlock votes against judgements (seen under load on PostgreSQL).
    entry = Entry.objects.select_for_update(of=("self",)).select_related("contest").filter(pk=entry_id).first()
    if entry is None:
        raise ContestError("no_such_entry", _("There is no such entry."), status=404)
    return entry


def _move(entry: Entry, to: str, **fields: Any) -> Entry:
    """The guarded state machine: refuse any move the table does not allow. The caller holds the row lock."""
    if not entry.can_move_to(to):
        raise ContestError(
            "invalid_transition",
            _("This entry is %(state)s and cannot become %(to)s.")
            % {"state": entry.get_state_display(), "to": Entry.State(to).label},
            status=409,
        )
    entry.state = to
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.save()
    return entry


def approve_entry(*, entry_id: int, moderator: Any) -> Entry:
    """Approve a submitted entry: from now on it is public (its video job too)."""
    with transaction.atomic():
        entry = _move(_locked_entry(entry_id), Entry.State.APPROVED, decided=timezone.now(), decided_by=moderator)
        jobs.change_job(entry.job_id, public=True)
    return entry


def reject_entry(*, entry_id: int, moderator: Any, reason: str, note: str = "") -> Entry:
    """Reject a submitted (or approved) entry with a reason the fan sees; its video stops being public."""
    if reason not in Entry.RejectReason.values:
        raise ContestError("reason_required", _("Choose a reason for the rejection."))
    with transaction.atomic():
        entry = _locked_entry(entry_id)
        was_public = entry.is_public
        entry = _move(
            entry,
            Entry.State.REJECTED,
            decided=timezone.now(),
            decided_by=moderator,
            reject_reason=reason,
            reject_note=(note or "").strip(),
        )
        if was_public and not Entry.objects.filter(job_id=entry.job_id, state__in=Entry.PUBLIC).exists():
            withdraw_media(entry.job_id)
    return entry


def withdraw_media(job_id: Any) -> None:
    """A video that was public is taken back: private now, and its files move after commit, so every URL already
    handed out (gallery, screens, shares, nginx) stops answering within seconds."""
    jobs.change_job(job_id, public=False)

    def move() -> None:
        try:
            jobs.hide_files(job_id)
        except Exception:  # the decision stands; an operator sees why the old URL may still answer
            log.exception("could not move the files of job %s after it was taken back", job_id)

    transaction.on_commit(move)


def shortlist_entry(*, entry_id: int, moderator: Any, shortlisted: bool = True) -> Entry:
    """Put an approved entry on the jury's shortlist (or take it off). Moderators act through
    :func:`gallery.services.shortlist`, which writes the audit log with who did it."""
    with transaction.atomic():
        entry = _locked_entry(entry_id)
        return _move(entry, Entry.State.SHORTLISTED if shortlisted else Entry.State.APPROVED)


# --- Voting ----------------------------------------------------------------------------------------------------


def _check_voter(*, user: Any, ip: str) -> Fan:
    """Verified, past the new-account cooldown, under the rate limits. Returns the fan (maybe flagged)."""
    if user is None or not user.is_authenticated:
        raise ContestError("sign_in_required", _("Sign in to vote."), status=403)
    if not is_verified(user):
        raise ContestError("not_verified", _("Please confirm your e-mail address before voting."), status=403)
    age = (timezone.now() - user.date_joined).total_seconds()
    if age < settings.WONDER_VOTE_COOLDOWN_S:
        minutes = max(1, round((settings.WONDER_VOTE_COOLDOWN_S - age) / 60))
        raise ContestError(
            "cooldown",
            _("New accounts can vote a few minutes after signing up: about %(minutes)d min to go.")
            % {"minutes": minutes},
            status=429,
        )
    seconds = ratelimit.wait(f"vote-fan:{user.pk}", settings.WONDER_VOTE_RATE_FAN)
    if seconds:
        error = ContestError("rate_limited", _("You are voting very fast. Take a breath and try again."), status=429)
        error.retry_after = seconds  # type: ignore[attr-defined]
        raise error
    if ip:
        seconds = ratelimit.wait(f"vote-ip:{client_hash(ip)}", settings.WONDER_VOTE_RATE_IP)
        if seconds:
            error = ContestError(
                "rate_limited", _("Too many votes from your network. Please try again in a minute."), status=429
            )
            error.retry_after = seconds  # type: ignore[attr-defined]
            raise error
    return fan_for(user)


def _check_votable(entry: Entry, user: Any) -> None:
    if entry.state == Entry.State.REJECTED:
        raise ContestError("entry_rejected", _("This entry was not accepted, so it cannot get votes."), status=409)
    if not entry.is_public:
        raise ContestError("entry_not_public", _("This entry is not open for votes yet."), status=409)
    if entry.author_id == user.pk:
        raise ContestError("own_entry", _("You cannot vote for your own entry."), status=403)
    if not entry.contest.accepts_votes():
        raise ContestError("voting_closed", _("Voting is not open right now."), status=409)


def cast_vote(*, user: Any, entry_id: int, value: int = Vote.LIKE, ip: str = "", user_agent: str = "") -> Vote:
    """One like (or pass) per fan per entry; a flagged fan's vote is stored but not counted."""
    if value not in (Vote.LIKE, Vote.PASS):
        raise ContestError("bad_vote", _("A vote is a like or a pass."))
    fan = _check_voter(user=user, ip=ip)
    with transaction.atomic():
        entry = _locked_entry(entry_id)
        _check_votable(entry, user)
        try:
            with transaction.atomic():
                vote = Vote.objects.create(
                    entry=entry,
                    voter=user,
                    value=value,
                    counted=not fan.flagged,
                    ip_hash=client_hash(ip),
                    ua_hash=client_hash(user_agent),
                )
        except IntegrityError:
            raise ContestError("already_voted", _("You have already voted for this entry."), status=409) from None
        if vote.counted:
            field = "likes" if value == Vote.LIKE else "dislikes"
            Entry.objects.filter(pk=entry.pk).update(**{field: F(field) + 1})
            entry.refresh_from_db(fields=["likes", "dislikes"])
            entry.wilson = _wilson(entry.likes, entry.likes + entry.dislikes)
            entry.save(update_fields=["wilson"])
    return vote


def arena_token(*, user: Any, left: Entry, right: Entry) -> str:
    """A signed ticket for one pair shown to one fan: only pairs the server chose can be judged."""
    return signing.dumps({"u": user.pk, "l": left.pk, "r": right.pk}, salt=ARENA_SALT, compress=True)


def judge_pair(*, user: Any, token: str, choice: str, ip: str = "", user_agent: str = "") -> Comparison:
    """Record which of the two entries shown (left, right) the fan preferred, or a tie."""
    if choice not in ("left", "right", "tie"):
        raise ContestError("bad_choice", _("Pick the left video, the right one, or a tie."))
    try:
        ticket = signing.loads(token or "", salt=ARENA_SALT, max_age=settings.WONDER_ARENA_PAIR_TTL_S)
    except signing.SignatureExpired:
        raise ContestError("pair_expired", _("This pair has expired. Here is a fresh one."), status=409) from None
    except signing.BadSignature:
        raise ContestError("bad_pair", _("This pair was not chosen by Wonder."), status=400) from None
    fan = _check_voter(user=user, ip=ip)
    if ticket.get("u") != user.pk:
        raise ContestError("bad_pair", _("This pair was not chosen by Wonder."), status=400)
    left_id, right_id = int(ticket["l"]), int(ticket["r"])
    a_id, b_id = sorted((left_id, right_id))
    with transaction.atomic():
        # Lock both rows in id order, so two judgements of the same pair cannot deadlock.
        entries = {
            e.pk: e
            for e in Entry.objects.select_for_update(of=("self",))
            .select_related("contest")
            .filter(pk__in=[a_id, b_id])
            .order_by("pk")
        }
        if len(entries) != 2:
            raise ContestError("no_such_entry", _("There is no such entry."), status=404)
        for entry in entries.values():
            _check_votable(entry, user)
        if entries[a_id].sport != entries[b_id].sport or entries[a_id].contest_id != entries[b_id].contest_id:
            raise ContestError("bad_pair", _("This pair was not chosen by Wonder."), status=400)
        if choice == "tie":
            outcome = Comparison.Outcome.TIE
        else:
            picked = left_id if choice == "left" else right_id
            outcome = Comparison.Outcome.A if picked == a_id else Comparison.Outcome.B
        try:
            with transaction.atomic():
                comparison = Comparison.objects.create(
                    contest_id=entries[a_id].contest_id,
                    sport=entries[a_id].sport,
                    a_id=a_id,
                    b_id=b_id,
                    outcome=outcome,
                    a_shown_left=left_id == a_id,
                    voter=user,
                    counted=not fan.flagged,
                    ip_hash=client_hash(ip),
                    ua_hash=client_hash(user_agent),
                )
        except IntegrityError:
            raise ContestError("already_judged", _("You have already judged this pair."), status=409) from None
        if comparison.counted:
            Entry.objects.filter(pk__in=[a_id, b_id]).update(comparisons=F("comparisons") + 1)
            contest_id, sport = comparison.contest_id, comparison.sport
            transaction.on_commit(lambda: _maybe_refresh_board(contest_id, sport))
    return comparison


def _maybe_refresh_board(contest_id: int, sport: str) -> None:
    """Ask the worker for a new board once enough judgements arrived since the last one (never per request)."""
    board = ArenaBoard.objects.filter(contest_id=contest_id, sport=sport).first()
    done = board.comparisons if board else 0
    pending = Comparison.objects.filter(contest_id=contest_id, sport=sport, counted=True).count() - done
    if pending >= settings.WONDER_ARENA_BOARD_EVERY:
        # One request per batch, even when many judgements land at once.
        if cache.add(f"board-queued:{contest_id}:{sport}:{done}", 1, 60):
            from .tasks import refresh_board

            refresh_board.delay(contest_id, sport)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """numpy scalars -> Python ones, for the JSON field."""
    return {key: value.item() if hasattr(value, "item") else value for key, value in row.items()}


def refresh_board(*, contest_id: int, sport: str) -> ArenaBoard:
    """Fit the Bradley-Terry board of one contest and sport from the counted judgements, and store it."""
    from . import ranking

    rows = list(
        Comparison.objects.filter(contest_id=contest_id, sport=sport, counted=True)
        .filter(a__state__in=Entry.PUBLIC, b__state__in=Entry.PUBLIC)
        .values_list("a_id", "b_id", "outcome")
    )
    entries = {
        e.pk: e
        for e in Entry.objects.filter(contest_id=contest_id, sport=sport, state__in=Entry.PUBLIC).select_related(
            "author__fan"
        )
    }
    fitted = ranking.arena_board(
        rows,
        items=sorted(entries),
        min_comparisons=settings.WONDER_ARENA_MIN_COMPARISONS,
        n_boot=settings.WONDER_ARENA_BOOTSTRAP,
        rng=contest_id,
    )
    # Shown rows first (board order), then the hidden ones: pairing reads every interval, the page only the first.
    stored = [{**_plain(row.as_dict()), "hidden": False, "title": entries[row.item].title} for row in fitted.rows]
    stored += [
        {**_plain(row.as_dict()), "hidden": True, "rank": None, "title": entries[row.item].title}
        for row in fitted.hidden
    ]
    with transaction.atomic():
        obj, _created = ArenaBoard.objects.update_or_create(
            contest_id=contest_id,
            sport=sport,
            defaults={"rows": stored, "comparisons": len(rows), "computed": timezone.now()},
        )
    return obj


# --- Judging and results ---------------------------------------------------------------------------------------


def is_juror(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.groups.filter(name=JURY_GROUP).exists())


def score_entry(*, judge: Any, entry_id: int, scores: dict[str, Any]) -> list[JuryScore]:
    """A juror's 1-10 scores of a shortlisted entry, one per criterion of the contest; rescoring replaces."""
    if not is_juror(judge):
        raise ContestError("not_jury", _("Only jury members can score entries."), status=403)
    with transaction.atomic():
        entry = _locked_entry(entry_id)
        if entry.state != Entry.State.SHORTLISTED:
            raise ContestError("not_shortlisted", _("Only shortlisted entries are scored."), status=409)
        if entry.contest.announced:
            raise ContestError("results_published", _("The results are already published."), status=409)
        criteria = entry.contest.criteria_weights()
        if set(scores) != set(criteria):
            raise ContestError(
                "bad_criteria",
                _("Score every criterion: %(criteria)s.") % {"criteria": ", ".join(sorted(criteria))},
            )
        cleaned = {}
        for criterion, value in scores.items():
            try:
                number = int(value)
            except (TypeError, ValueError):
                number = 0
            if not 1 <= number <= 10 or str(value).strip() not in (str(number), f"{number}.0"):
                raise ContestError("bad_score", _("Scores are whole numbers from 1 to 10."))
            cleaned[criterion] = number
        saved = []
        for criterion, number in cleaned.items():
            score, _created = JuryScore.objects.update_or_create(
                entry=entry, judge=judge, criterion=criterion, defaults={"value": number}
            )
            saved.append(score)
    return saved


def announce_results(*, contest_id: int, by: Any = None) -> list[Entry]:
    """Rank the shortlist with the published formula (jury, arena and public; ``contest.ranking.combined_results``),
    crown the winners, publish, and freeze the result with every input in a :class:`ResultSnapshot`."""
    from . import ranking

    with transaction.atomic():
        contest = Contest.objects.select_for_update().get(pk=contest_id)
        if contest.announced:
            raise ContestError("results_published", _("The results are already published."), status=409)
        if timezone.now() < contest.voting_close:
            raise ContestError("voting_open", _("Results come after voting closes."), status=409)
        shortlist = list(Entry.objects.select_for_update().filter(contest=contest, state=Entry.State.SHORTLISTED))
        if not shortlist:
            raise ContestError("no_shortlist", _("Shortlist some entries before announcing results."), status=409)
        inputs = result_inputs(contest, shortlist)
        rows = compute_result(inputs)
        places = {row["item"]: row for row in rows}
        ranked = sorted(shortlist, key=lambda e: places[e.pk]["place"])
        for entry in ranked:
            entry.final_score = places[entry.pk]["score"]
            entry.final_rank = places[entry.pk]["place"]
            if entry.final_rank <= contest.winners_count:
                entry.state = Entry.State.WINNER
            entry.save(update_fields=["final_score", "final_rank", "state"])
        contest.announced = timezone.now()
        contest.announced_by = by if by is not None and getattr(by, "is_authenticated", False) else None
        contest.save(update_fields=["announced", "announced_by"])
        ResultSnapshot.objects.create(
            contest=contest,
            announced_by=contest.announced_by,
            formula=ranking.FORMULA_VERSION,
            inputs=inputs,
            rows=rows,
            digest=_digest(inputs),
        )
    return ranked


def result_inputs(contest: Contest, shortlist: list[Entry]) -> dict[str, Any]:
    """Everything the published result is computed from, as plain JSON: weights, jury sheets, the arena
    comparisons of the finalists' sports (counted judgements between public entries), and the votes."""
    ids = sorted(e.pk for e in shortlist)
    sheets = [
        list(row)
        for row in JuryScore.objects.filter(entry_id__in=ids)
        .order_by("judge_id", "entry_id", "criterion")
        .values_list("judge_id", "entry_id", "criterion", "value")
    ]
    arena: dict[str, Any] = {}
    for sport in sorted({e.sport for e in shortlist}):
        items = sorted(
            Entry.objects.filter(contest=contest, sport=sport, state__in=Entry.PUBLIC).values_list("pk", flat=True)
        )
        comparisons = [
            list(row)
            for row in Comparison.objects.filter(contest=contest, sport=sport, counted=True)
            .filter(a__state__in=Entry.PUBLIC, b__state__in=Entry.PUBLIC)
            .order_by("pk")
            .values_list("a_id", "b_id", "outcome")
        ]
        arena[sport] = {"items": items, "comparisons": comparisons}
    return {
        "weights": {"jury": contest.jury_weight, "arena": contest.arena_weight, "public": contest.public_weight},
        "min_comparisons": contest.min_arena_comparisons,
        "criteria": contest.criteria_weights(),
        "bootstrap": {"n": settings.WONDER_ARENA_BOOTSTRAP, "seed": contest.pk},
        "finalists": [
            {"id": e.pk, "sport": e.sport, "likes": e.likes, "votes": e.likes + e.dislikes}
            for e in sorted(shortlist, key=lambda e: e.pk)
        ],
        "jury_sheets": sheets,
        "arena": arena,
    }


def compute_result(inputs: dict[str, Any]) -> list[dict[str, Any]]:
    """The published places from :func:`result_inputs` alone (a pure function of them: re-checkable)."""
    from . import judging, ranking

    finalists = inputs["finalists"]
    ids = {f["id"] for f in finalists}
    totals = judging.sheet_totals([tuple(row) for row in inputs["jury_sheets"]], inputs["criteria"])
    per_judge = judging.normalise_scores(totals)
    jury: dict[int, list[float]] = {}
    for sheets in per_judge.values():
        for entry_id, z in sheets.items():
            if entry_id in ids:
                jury.setdefault(entry_id, []).append(z)
    strengths: dict[int, tuple[float, float, float, int]] = {}
    for data in inputs["arena"].values():
        items = list(data["items"])
        if not items:
            continue
        winners, losers, ties = ranking.index_comparisons([tuple(row) for row in data["comparisons"]], items)
        n = len(items)
        theta = ranking.fit_bradley_terry(n, winners, losers, ties)
        low, high = ranking.bootstrap_intervals(
            n,
            winners,
            losers,
            ties,
            strengths=theta,
            n_boot=inputs["bootstrap"]["n"],
            rng=inputs["bootstrap"]["seed"],
        )
        counts = np.bincount(winners, minlength=n) + np.bincount(losers, minlength=n)
        for k, item in enumerate(items):
            if item in ids:
                strengths[item] = (float(theta[k]), float(low[k]), float(high[k]), int(counts[k]))
    rows = ranking.combined_results(
        [
            ranking.FinalistInput(
                item=f["id"],
                jury_z=jury.get(f["id"], []),
                arena_strength=strengths.get(f["id"], (0.0, 0.0, 0.0, 0))[0],
                arena_low=strengths.get(f["id"], (0.0, 0.0, 0.0, 0))[1],
                arena_high=strengths.get(f["id"], (0.0, 0.0, 0.0, 0))[2],
                comparisons=strengths.get(f["id"], (0.0, 0.0, 0.0, 0))[3],
                likes=f["likes"],
                votes=f["votes"],
            )
            for f in finalists
        ],
        jury_weight=inputs["weights"]["jury"],
        arena_weight=inputs["weights"]["arena"],
        public_weight=inputs["weights"]["public"],
        min_comparisons=inputs["min_comparisons"],
    )
    return [_plain_row(row.as_dict()) for row in rows]


def _plain_row(row: dict[str, Any]) -> dict[str, Any]:
    """numpy scalars (also inside the components) -> Python ones, for the JSON field."""
    return {
        k: _plain_row(v) if isinstance(v, dict) else (v.item() if hasattr(v, "item") else v) for k, v in row.items()
    }


def _digest(inputs: dict[str, Any]) -> str:
    text = json.dumps(inputs, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Recheck:
    """What re-checking a published result found: ``ok`` when the stored inputs are intact (same digest) and
    recomputing them gives the same places and scores."""

    ok: bool
    inputs_intact: bool
    same_places: bool
    differences: list[str]


def recheck_results(*, contest_id: int) -> Recheck:
    """Recompute a published result from its frozen inputs and compare it with what was published."""
    snapshot = ResultSnapshot.objects.filter(contest_id=contest_id).first()
    if snapshot is None:
        raise ContestError("not_published", _("The results of this contest are not published yet."), status=404)
    intact = _digest(snapshot.inputs) == snapshot.digest
    again = compute_result(snapshot.inputs)
    differences = []
    for old, new in zip(snapshot.rows, again, strict=False):
        if old["item"] != new["item"] or abs(float(old["score"]) - float(new["score"])) > 1e-9:
            differences.append(
                _("Place %(place)s: published %(old)s, recomputed %(new)s")
                % {"place": old["place"], "old": old["item"], "new": new["item"]}
            )
    if len(snapshot.rows) != len(again):
        differences.append(_("The number of finalists differs."))
    # The entries' own stored places must match the snapshot too (nobody edited them afterwards).
    stored = dict(Entry.objects.filter(contest_id=contest_id, final_rank__isnull=False).values_list("pk", "final_rank"))
    for row in snapshot.rows:
        if stored.get(row["item"]) != row["place"]:
            differences.append(
                _("Entry %(id)s shows place %(shown)s, the snapshot says %(place)s")
                % {"id": row["item"], "shown": stored.get(row["item"]), "place": row["place"]}
            )
    same = not differences
    return Recheck(ok=intact and same, inputs_intact=intact, same_places=same, differences=differences)
