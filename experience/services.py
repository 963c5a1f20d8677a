"""Every write of the kiosk journey: start a visit, submit the quiz (starts the agent), adopt a verified plan,
set a zone's status (re-plans affected visits and tells their screens), finish, reset and purge visits.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from avatars import services as avatar_services
from generation import media_store, realtime
from generation.models import Job
from generation.services import cancel_job, create_job

from . import kiosk, planning, quiz, recommend, selectors, wishes
from .groups import visit_group
from .models import RecommendationItem, Visit, VisitStats, Zone, ZoneStatus, ZoneStatusChange

log = logging.getLogger(__name__)

SESSION_KEY = kiosk.SESSION_KEY
# A queue that grows to at least this many minutes re-plans the visits that were going to stand in it.
REPLAN_QUEUE_MINUTES = 15
# An unfinished visit nobody touched for this long was abandoned (the kiosk browser died): it is wiped.
ABANDONED_AFTER_MIN = 30


def visit_state(visit: Visit) -> dict[str, Any]:
    """What a visit's sockets (the kiosk screen, the visitor's phone) send: a full snapshot, enough to know whether
    the screen is out of date and why the plan last changed. ``changed_ms`` is when the plan was last adopted
    (epoch milliseconds), for measuring how fast a re-plan reaches the phone."""
    job = visit.job
    return {
        "type": "visit",
        "version": visit.plan_version,
        "job": str(visit.job_id) if visit.job_id else None,
        "status": job.status if job is not None else None,
        "note": visit.plan_note or None,
        "changed_ms": int(visit.plan_changed_at.timestamp() * 1000) if visit.plan_changed_at else None,
    }


def publish_visit(visit: Visit) -> None:
    state = visit_state(visit)
    group = visit_group(visit.token)
    transaction.on_commit(lambda: realtime.publish(group, {"type": "visit.changed", "state": state}))


# --- the journey -----------------------------------------------------------------------------------------


def start_visit(*, session_key: str, language: str) -> Visit:
    """A new anonymous visit in ``language`` for this kiosk session."""
    visit = Visit.objects.create(session_key=session_key, language=language)
    VisitStats.bump("started")
    return visit


def touch(visit: Visit) -> None:
    Visit.objects.filter(pk=visit.pk).update(last_seen=timezone.now())


def submit_quiz(*, visit: Visit, answers: dict[str, Any]) -> Visit:
    """Store the answers and start the itinerary agent (a job the kiosk follows live)."""
    visit.answers = answers
    # Before opening the route starts at the opening; near closing planning_spec caps the time to what is left.
    visit.start_minute = selectors.opening_state(selectors.installation_minute())["start"]
    visit.planned_at = timezone.now()
    visit.plan = None
    visit.plan_job_id = None
    visit.plan_note = {}
    visit.explanations, visit.steps, visit.recommendations = [], [], []
    with translation.override(visit.language):
        spec = planning_spec(visit, mode="plan")
        visit.job = create_job(kind="itinerary", spec=spec, session_key=visit.session_key)
    visit.save()
    return visit


def planning_spec(
    visit: Visit, *, mode: str, reason: dict[str, Any] | None = None, crowd: planning.Crowd | None = None
) -> dict[str, Any]:
    """The agent's self-contained input: the visitor, the installation in their language, live statuses.

    ``crowd``: today's other visitors (:func:`selectors.crowd` without this visit), when the caller has it.
    """
    zone_list = selectors.zones()
    now = visit.now_minute() if mode == "replan" else visit.start_minute
    _opening, closing = selectors.opening_hours(zone_list)
    wish = visit.answers.get("wishes") or {}
    visitor = quiz.profile(visit.answers, start_minute=visit.start_minute, until_minute=closing)
    if wish.get("late_minutes"):
        visitor = dataclasses.replace(visitor, budget_minutes=max(visitor.budget_minutes - wish["late_minutes"], 0.0))
    installation = selectors.installation(visit.language, zone_list)
    statuses = selectors.statuses(now, zone_list)
    installation = _with_wishes(installation, statuses, wish, visit, now)
    # Plans count the visitors already sent to each zone and time slot, and spread them (experience.planning.crowd).
    statuses = planning.crowd_statuses(
        installation,
        statuses,
        selectors.crowd(exclude=visit) if crowd is None else crowd,
        start_minute=now,
        horizon_minutes=visitor.budget_minutes,
        party_size=visitor.party_size,
    )
    spec: dict[str, Any] = {
        "visit": visit.token,
        "mode": mode,
        "language": visit.language,
        "profile": visitor.to_dict(),
        "installation": installation.to_dict(),
        "statuses": [status.to_dict() for status in statuses.values()],
        "start_minute": visit.start_minute,
    }
    if mode == "replan":
        plan = visit.get_plan()
        spec.update(
            current_plan=visit.plan,
            now_minute=now,
            completed=[stop.zone for stop in plan.stops if stop.end <= now] if plan else [],
            reason=reason or {},
        )
    return spec


def _with_wishes(
    installation: planning.Installation,
    statuses: dict[str, planning.ZoneStatus],
    wish: dict[str, Any],
    visit: Visit,
    now: float,
) -> planning.Installation:
    """The installation as the visitor's wishes shape it: zones they asked for become mandatory (the verifier
    makes sure each is in the plan whenever it fits), zones with a longer wait than they accept are left out
    (never one they already visited)."""
    if not wish:
        return installation
    plan = visit.get_plan()
    done = {stop.zone for stop in plan.stops if stop.end <= now} if plan else set()
    zones = installation.zones
    if wish.get("max_queue") is not None:
        limit = float(wish["max_queue"])
        zones = tuple(
            zone
            for zone in zones
            if zone.id in done or planning.expected_queue(zone, statuses.get(zone.id), now) <= limit
        )
    ids = {zone.id for zone in zones}
    added = tuple(zone for zone in wish.get("add", []) if zone in ids and zone not in installation.rules.mandatory)
    rules = dataclasses.replace(installation.rules, mandatory=installation.rules.mandatory + added)
    return dataclasses.replace(installation, zones=zones, rules=rules)


def wish_for_route(*, visit: Visit, wish: dict[str, Any], code: str) -> Job | None:
    """The visitor asked for a change (a touch choice or a typed wish): remember it and re-plan the rest of the
    visit live. None when there is nothing to change or no plan yet."""
    if not wish or visit.plan is None:
        return None
    answers = dict(visit.answers)
    answers["wishes"] = wishes.merge(answers.get("wishes") or {}, wish)
    Visit.objects.filter(pk=visit.pk).update(answers=answers)
    visit.answers = answers
    return replan_visit(visit, reason={"code": "wish", "wish": code})


def sync_visit_plan(visit: Visit) -> Visit:
    """Adopt the plan of the visit's finished agent run once it passes the verifier; returns the fresh visit.

    A plan that fails verification is never stored (the previous plan, if any, stays on screen). A plan made
    just before a zone closed is re-planned at once.
    """
    job = visit.job
    if job is None or job.status != Job.Status.SUCCEEDED or visit.plan_job_id == job.pk:
        return visit
    metadata = (job.result or {}).get("metadata", {})
    plan = verified_plan(job.spec, metadata.get("plan"))
    with transaction.atomic():
        visit = Visit.objects.select_for_update().select_related("job").get(pk=visit.pk)
        if visit.plan_job_id == job.pk:
            return visit
        visit.plan_job_id = job.pk
        if plan is None:
            visit.plan_note = {"code": "invalid"}
            visit.save()
            return visit
        first = visit.plan is None
        visit.plan = plan.to_dict()
        visit.explanations = list(metadata.get("explanations", []))
        visit.steps = list(metadata.get("steps", []))
        visit.plan_version += 1
        visit.plan_changed_at = timezone.now()
        with translation.override(visit.language):
            visit.recommendations = recommendations_for(visit, plan)
        visit.save()
        VisitStats.bump("planned" if first else "replanned")
    publish_visit(visit)
    closed = [stop.zone for stop in upcoming_stops(visit) if stop.zone in _closed_zone_slugs()]
    if closed:
        replan_visit(visit, reason={"code": "closed", "zone": closed[0]})
    return visit


def on_job_saved(sender: Any, instance: Job, **kwargs: Any) -> None:
    """An agent run ended: once the change commits, adopt its plan (or tell the visit's screens it failed)."""
    if instance.kind != "itinerary" or not instance.is_finished:
        return
    job_id, token = instance.pk, (instance.spec or {}).get("visit")
    if token:
        transaction.on_commit(lambda: adopt_finished_run(job_id, token))


def adopt_finished_run(job_id: Any, token: str) -> None:
    """Adopt the verified plan of a finished run if it is still the visit's latest; publish the visit's state."""
    visit = Visit.objects.select_related("job").filter(token=token, job_id=job_id).first()
    if visit is None:
        return
    if visit.job.status == Job.Status.SUCCEEDED:
        sync_visit_plan(visit)
    else:
        publish_visit(visit)


def verified_plan(spec: dict[str, Any], plan_data: Any) -> planning.Plan | None:
    """The plan if it passes the verifier against the run's own inputs and names only real zones, else None."""
    try:
        plan = planning.Plan.from_dict(plan_data)
        visitor = planning.VisitorProfile.from_dict(spec["profile"])
        installation = planning.Installation.from_dict(spec["installation"])
        statuses = [planning.ZoneStatus.from_dict(status) for status in spec.get("statuses", [])]
    except (KeyError, TypeError, ValueError, AttributeError):
        log.error("itinerary result unreadable; not shown")
        return None
    violations = planning.verify_plan(plan, visitor, installation, statuses)
    real = set(Zone.objects.filter(active=True).values_list("slug", flat=True))
    if violations or not set(plan.zone_ids) <= real:
        log.error("itinerary plan rejected: %s", [v.code for v in violations] or "unknown zones")
        return None
    return plan


def upcoming_stops(visit: Visit) -> list[planning.Stop]:
    """The stops of the visit's plan that have not ended yet on the visit's clock."""
    plan = visit.get_plan()
    if plan is None:
        return []
    now = visit.now_minute()
    return [stop for stop in plan.stops[plan.completed :] if stop.end > now]


def _closed_zone_slugs() -> set[str]:
    return set(ZoneStatus.objects.filter(is_open=False).values_list("zone__slug", flat=True))


def recommendations_for(visit: Visit, plan: planning.Plan) -> list[dict[str, Any]]:
    """Diverse recommendations with their reasons in the active language, as stored on the visit."""
    zones = {zone.slug: zone for zone in Zone.objects.filter(slug__in=plan.zone_ids)}
    route = [(zones[z].name_in(visit.language), zones[z].tags) for z in plan.zone_ids if z in zones]
    candidates = [
        recommend.Candidate(item.slug, item.category, item.tags)
        for item in RecommendationItem.objects.filter(active=True)
    ]
    visitor = quiz.profile(visit.answers)
    picks = recommend.recommend(candidates, visitor, route)
    return [{"item": pick.slug, "category": pick.category, "reason": pick.reason} for pick in picks]


def replan_visit(visit: Visit, *, reason: dict[str, Any], crowd: planning.Crowd | None = None) -> Job:
    """Start an agent run that re-plans the rest of the visit, and tell the visit's screen about it."""
    with translation.override(visit.language):
        spec = planning_spec(visit, mode="replan", reason=reason, crowd=crowd)
        job = create_job(kind="itinerary", spec=spec, session_key=visit.session_key)
    Visit.objects.filter(pk=visit.pk).update(job=job, plan_note=reason)
    visit.job, visit.plan_note = job, reason
    publish_visit(visit)
    return job


def retry_planning(*, visit: Visit) -> Visit:
    """Plan again with the same answers (after a failed run)."""
    return submit_quiz(visit=visit, answers=visit.answers)


# --- live zone status --------------------------------------------------------------------------------------


def set_zone_status(*, zone: Zone, is_open: bool, queue_minutes: int, by: Any = None) -> tuple[ZoneStatus, int]:
    """Record a zone's new status (audited) and re-plan the visits it affects. Returns (status, re-planned)."""
    user = by if by is not None and getattr(by, "is_authenticated", False) else None
    with transaction.atomic():
        status, _ = ZoneStatus.objects.select_for_update().get_or_create(zone=zone)
        was_open, was_queue = status.is_open, status.queue_minutes
        status.is_open, status.queue_minutes = is_open, queue_minutes
        status.updated_at, status.updated_by = timezone.now(), user
        status.save()
        change = ZoneStatusChange.objects.create(
            zone=zone, is_open=is_open, queue_minutes=queue_minutes, changed_by=user
        )
    reason = None
    if was_open and not is_open:
        reason = {"code": "closed", "zone": zone.slug}
    elif is_open and queue_minutes > was_queue and queue_minutes >= REPLAN_QUEUE_MINUTES:
        reason = {"code": "queue", "zone": zone.slug, "minutes": queue_minutes}
    replanned = replan_affected_visits(zone, reason=reason) if reason else []
    if replanned:
        ZoneStatusChange.objects.filter(pk=change.pk).update(replanned_visits=len(replanned))
    return status, len(replanned)


def replan_affected_visits(zone: Zone, *, reason: dict[str, Any]) -> list[Visit]:
    """Re-plan every visit still touring whose upcoming stops include ``zone``, the one due there soonest first
    (its run is queued first, so the visitor about to walk in hears first)."""
    due: list[tuple[float, int, Visit]] = []
    for visit in selectors.visits_planned_with(zone.slug):
        if visit.tour_over():
            continue
        starts = [stop.start for stop in upcoming_stops(visit) if stop.zone == zone.slug]
        if starts:
            due.append((starts[0], visit.pk, visit))
    if not due:
        return []
    # Today's plans are read once, not once per visit; each visit is planned around everyone else's.
    counted = selectors.crowd_plans()
    crowd = planning.Crowd.of(counted.values())
    affected = []
    for _start, _pk, visit in sorted(due, key=lambda item: item[:2]):
        own = counted.get(visit.pk)
        if own is not None:
            crowd.remove(*own)
        try:
            replan_visit(visit, reason=reason, crowd=crowd)
        finally:
            if own is not None:
                crowd.add(*own)
        affected.append(visit)
    return affected


# --- the end of a visit ------------------------------------------------------------------------------------


def finish_visit(*, visit: Visit) -> Visit:
    """The visitor reached the take-home step: count it once."""
    if visit.finished_at is None:
        updated = Visit.objects.filter(pk=visit.pk, finished_at__isnull=True).update(finished_at=timezone.now())
        if updated:
            VisitStats.bump("finished")
        visit.refresh_from_db()
    return visit


def end_visit(*, visit: Visit, counter: str = "reset") -> None:
    """The kiosk is done with this visit (idle or "start over").

    A visit the visitor took home lives on for its take-home link (the kiosk only lets go of it); any other
    visit is wiped, leaving only the anonymous count. Either way the visitor's selfie, face crops and embeddings
    go now (the avatar made from them stays reachable through its own take-home link).
    """
    avatar_services.end_session(visit.session_key)
    if visit.finished_at is not None and not visit.is_expired:
        Visit.objects.filter(pk=visit.pk).update(session_key="")
        return
    wipe_visit(visit=visit, counter=counter)


def end_kiosk_session(session_key: str, visit: Visit | None) -> None:
    """The kiosk browser lets go of whatever its session holds: the visit (see ``end_visit``) and, visit or not,
    the avatar booth's photos and avatars made in that session (a visitor may use the booth without a visit)."""
    if visit is not None:
        end_visit(visit=visit)
    if session_key:
        avatar_services.end_session(session_key)


def wipe_visit(*, visit: Visit, counter: str = "reset") -> None:
    """Delete the visit, its agent runs and their files; only the anonymous daily count remains."""
    jobs = list(Job.objects.filter(kind="itinerary", spec__visit=visit.token))
    for job in jobs:
        if not job.is_finished:
            try:
                cancel_job(job)
            except Exception:  # finished meanwhile: it is deleted below either way
                log.debug("job %s finished before it could be canceled", job.pk)
    with transaction.atomic():
        Visit.objects.filter(pk=visit.pk).delete()
        Job.objects.filter(pk__in=[job.pk for job in jobs]).delete()
        VisitStats.bump(counter)
    for job in jobs:
        try:
            media_store.delete_tree(f"jobs/{job.pk}")
        except media_store.StorageUnavailable:  # the visit is already gone: an outage must not fail the reset
            log.exception("files of job %s could not be deleted", job.pk)


def purge_visits() -> int:
    """Wipe expired visits and abandoned unfinished ones (a periodic task). Returns how many."""
    now = timezone.now()
    expired = list(Visit.objects.filter(expires_at__lte=now))
    abandoned = list(
        Visit.objects.filter(
            finished_at__isnull=True,
            last_seen__lt=now - timedelta(minutes=ABANDONED_AFTER_MIN),
            expires_at__gt=now,
        )
    )
    for visit in expired:
        wipe_visit(visit=visit, counter="expired")
    for visit in abandoned:
        wipe_visit(visit=visit, counter="reset")
    return len(expired) + len(abandoned)
