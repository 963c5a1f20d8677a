"""Reads: the installation, live statuses and visits as the planner and the pages need them."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from generation.models import Job

from . import planning, quiz
from .models import RecommendationItem, Visit, Zone, ZoneStatus

# The walking model of the pavilion (speeds, detours, entrance, day start) is the demo installation's.
_PAVILION = planning.demo_installation()
DAY_START = _PAVILION.day_start
DAY_MINUTES = 600.0


def zones() -> list[Zone]:
    """Active zones in floor-plan order, with their status and order rules loaded."""
    return list(
        Zone.objects.filter(active=True)
        .select_related("status")
        .prefetch_related(Prefetch("comes_before", queryset=Zone.objects.filter(active=True).only("slug")))
    )


def installation(language: str | None, zone_list: list[Zone] | None = None) -> planning.Installation:
    """The installation as the planner sees it, with zone names in ``language``."""
    zone_list = zones() if zone_list is None else zone_list
    rules = planning.Rules(
        precedence=tuple((zone.slug, after.slug) for zone in zone_list for after in zone.comes_before.all()),
        first=tuple(zone.slug for zone in zone_list if zone.is_first),
        last=tuple(zone.slug for zone in zone_list if zone.is_last),
        mandatory=tuple(zone.slug for zone in zone_list if zone.is_mandatory),
    )
    return planning.Installation(
        zones=tuple(zone.to_spec(language) for zone in zone_list),
        rules=rules,
        walk_speed=_PAVILION.walk_speed,
        detour_factor=_PAVILION.detour_factor,
        step_free_speed_factor=_PAVILION.step_free_speed_factor,
        family_speed_factor=_PAVILION.family_speed_factor,
        entrance=_PAVILION.entrance,
        name=_PAVILION.name,
        day_start=DAY_START,
    )


# A staff queue report older than this counts not at all: the zone's usual wait stands in for it.
QUEUE_REPORT_MAX_AGE_MIN = 45.0


def statuses(minute: float, zone_list: list[Zone] | None = None, now=None) -> dict[str, planning.ZoneStatus]:
    """The live status of every zone as the planner should see it at ``minute`` of the installation day.

    A queue report ages: it is dated when staff made it (``observed_minute`` that many minutes before ``minute``),
    so the queue model lets it drift back to the zone's usual wait (it counts less and less); past
    ``QUEUE_REPORT_MAX_AGE_MIN`` it counts not at all. Open or closed is a fact until staff change it.
    """
    zone_list = zones() if zone_list is None else zone_list
    now = now or timezone.now()
    result = {}
    for zone in zone_list:
        try:
            status = zone.status
        except ZoneStatus.DoesNotExist:
            status = None
        baseline = float(status.baseline_minutes) if status else 0.0
        queue, age = baseline, 0.0
        if status is not None:
            age = max((now - status.updated_at).total_seconds() / 60, 0.0)
            if age < QUEUE_REPORT_MAX_AGE_MIN:
                queue = float(status.queue_minutes)
            else:
                age = 0.0
        result[zone.slug] = planning.ZoneStatus(
            zone_id=zone.slug,
            open=status.is_open if status else True,
            queue_minutes=queue,
            baseline_minutes=baseline,
            observed_minute=minute - age,
        )
    return result


def opening_hours(zone_list: list[Zone] | None = None) -> tuple[float, float]:
    """The installation's opening and closing minute of the day, from its zones' hours: the first zone to open
    and the last one to close (the whole demo day when no zone gives hours)."""
    zone_list = zones() if zone_list is None else zone_list
    intervals = [interval for zone in zone_list for interval in (zone.hours or [])]
    if not intervals:
        return 0.0, DAY_MINUTES
    return float(min(start for start, _end in intervals)), float(max(end for _start, end in intervals))


def _minute_of(hours: int, minutes: int, seconds: float = 0.0) -> float:
    start_hours, start_minutes = (int(part) for part in DAY_START.split(":"))
    return (hours - start_hours) * 60 + minutes - start_minutes + seconds / 60


def installation_minute(now=None) -> float:
    """Minutes since the installation day's start (``DAY_START`` local time) now: negative before it, past the
    closing minute after it.

    ``WONDER_KIOSK_DEMO_TIME`` (``"HH:MM"``), when set, replaces the time of day (demos at night; each visit's
    own clock still runs from there); it is empty in production, where the kiosk tells the real time.
    """
    demo = getattr(settings, "WONDER_KIOSK_DEMO_TIME", "") or ""
    if demo:
        hours, minutes = (int(part) for part in demo.split(":"))
        return round(_minute_of(hours, minutes), 2)
    local = timezone.localtime(now)
    return round(_minute_of(local.hour, local.minute, local.second), 2)


def opening_state(minute: float, zone_list: list[Zone] | None = None, *, wanted: float = 0.0) -> dict:
    """Where ``minute`` falls in the installation's day, for the kiosk to say so and the planner to plan only
    what fits: ``state`` is ``before``, ``open``, ``closing`` (fewer minutes left than ``wanted``) or
    ``closed``; ``start`` the minute a plan starts (the opening, before it); ``left`` the minutes a plan may use."""
    opening, closing = opening_hours(zone_list)
    start = max(minute, opening)
    left = max(closing - start, 0.0)
    if minute >= closing:
        state = "closed"
    elif minute < opening:
        state = "before"
    elif left < wanted:
        state = "closing"
    else:
        state = "open"
    return {
        "state": state,
        "start": start,
        "left": left,
        "opens_clock": clock(opening),
        "closes_clock": clock(closing),
        "minutes_left": round(left),
    }


def clock(minute: float) -> str:
    """``HH:MM`` of a minute of the installation day."""
    hours, minutes = (int(part) for part in DAY_START.split(":"))
    total = int(round(minute)) + hours * 60 + minutes
    return f"{(total // 60) % 24:02d}:{total % 60:02d}"


def crowd(*, exclude: Visit | None = None, now=None) -> planning.Crowd:
    """The visitors the kiosk has already sent into the zones today (their plans' upcoming stops, with their party
    sizes), for crowd-aware planning. Minutes are of today's installation day, so only today's plans count."""
    counted = crowd_plans(now=now)
    if exclude is not None:
        counted.pop(exclude.pk, None)
    return planning.Crowd.of(counted.values())


def crowd_plans(*, now=None) -> dict[int, tuple[planning.Plan, int]]:
    """What :func:`crowd` counts, per visit: ``{visit pk: (plan, party size)}``."""
    local_midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    visits = Visit.objects.filter(
        plan__isnull=False, planned_at__gte=local_midnight, expires_at__gt=now or timezone.now()
    ).only("plan", "answers")
    return {visit.pk: (planning.Plan.from_dict(visit.plan), quiz.party_size(visit.answers)) for visit in visits}


def visits_planned_with(zone_slug: str) -> list[Visit]:
    """Unexpired visits with a plan (or a planning run) that may include the zone; callers check the rest."""
    # A day's worth of visits: their runs' specs and results and the visits' own texts are large JSON and not
    # needed to decide or start a re-plan, so they are left in the database.
    candidates = (
        Visit.objects.filter(expires_at__gt=timezone.now(), plan__isnull=False)
        .select_related("job")
        .defer("explanations", "steps", "recommendations", "job__spec", "job__engine_params", "job__result")
    )
    return [visit for visit in candidates if zone_slug in _planned_zone_ids(visit)]


def _planned_zone_ids(visit: Visit) -> set[str]:
    return {stop["zone"] for stop in (visit.plan or {}).get("stops", [])}


def zone(slug: str) -> Zone:
    return next(z for z in zones() if z.slug == slug)


def itinerary(visit: Visit) -> dict:
    """What the itinerary screens show: the live run, or the verified plan as a timeline."""
    job = visit.job
    plan = visit.get_plan()
    language = visit.language
    names = {z.slug: z for z in Zone.objects.filter(slug__in=plan.zone_ids)} if plan else {}
    now = visit.now_minute()
    stops = []
    if plan is not None:
        explanations = list(visit.explanations)
        previous_end = plan.start_minute
        for index, stop in enumerate(plan.stops):
            zone_row = names.get(stop.zone)
            stops.append(
                {
                    "index": index + 1,
                    "zone": stop.zone,
                    "name": zone_row.name_in(language) if zone_row else stop.name,
                    "text": zone_row.text_in(language) if zone_row else "",
                    "clock": clock(stop.start),
                    "end_clock": clock(stop.end),
                    "walk": round(stop.walk),
                    "wait": round(stop.wait + stop.queue),
                    "queue": round(stop.queue),
                    "dwell": round(stop.end - stop.start),
                    "because": explanations[index] if index < len(explanations) else "",
                    "done": index < plan.completed or stop.end <= now,
                    "gap": round(stop.arrive - stop.walk - previous_end),
                }
            )
            previous_end = stop.end
    note = visit.plan_note or {}
    note_zone = Zone.objects.filter(slug=note.get("zone", "")).first()
    running = job is not None and not job.is_finished
    _opening, closing = opening_hours()
    return {
        "closes_clock": clock(closing),
        # The installation closes before the visitor's time is up: the route holds only what fits.
        "capped": plan is not None and plan.budget_minutes < quiz.wanted_minutes(visit.answers) - 0.5,
        "job": job,
        "running": running,
        "failed": job is not None and job.status in (Job.Status.FAILED, Job.Status.CANCELED) and plan is None,
        "plan": plan,
        "stops": stops,
        "start_clock": clock(plan.start_minute) if plan else "",
        "finish_clock": clock(plan.stops[-1].end) if plan and plan.stops else "",
        "total_minutes": round(plan.total_minutes) if plan else 0,
        "budget_minutes": round(plan.budget_minutes) if plan else 0,
        "note": note,
        "note_zone": note_zone.name_in(language) if note_zone else "",
        "steps": visit.steps,
        "live_stage": job.stage if running and job.progress > 0 else "",
    }


def recommendation_cards(visit: Visit) -> list[dict]:
    """The visit's picks with their catalogue texts in the visit's language, in the stored order."""
    picks = visit.recommendations or []
    items = {item.slug: item for item in RecommendationItem.objects.filter(slug__in=[p["item"] for p in picks])}
    cards = []
    for pick in picks:
        item = items.get(pick["item"])
        if item is None:
            continue
        cards.append(
            {
                "slug": item.slug,
                "category": item.get_category_display(),
                "category_slug": item.category,
                "name": item.name_in(visit.language),
                "text": item.text_in(visit.language),
                "image_url": item.image.url if item.image else "",
                "reason": pick["reason"],
            }
        )
    return cards
