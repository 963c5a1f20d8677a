"""The itinerary agent: an engine (``generation.engines.base.Engine``) that plans a visitor's route and says what
it is doing.

Its ``progress(fraction, stage)`` lines are the reasoning the kiosk streams, said as the solver works (it calls back
with the options weighed, each route tried, each better one found, the search's totals), then the verifier's
verdict and the explanation: short, in the visitor's language (the job runner activates the job's language), and
never paced: each line goes out when its step happens.
The plan always comes from the solver (``experience.planning``) and must pass ``verify_plan``; an optional LLM
may only reword the explanations. The spec is self-contained (installation, statuses, profile), so a run
needs no database and is deterministic.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from generation import realtime
from generation.engines.base import CancelFn, EngineError, EngineResult, JobCanceled, ProgressFn

from . import narration, planning, quiz
from .groups import visit_group

log = logging.getLogger(__name__)

STAGE_MAX = 118
# Zones named in one reasoning line; more are counted.
ZONES_NAMED = 4

NEED_WORDS = {
    "step_free": lambda: _("step-free routes only"),
    "seated": lambda: _("seated experiences only"),
    "avoid_strobe": lambda: _("no flashing lights"),
    "avoid_loud": lambda: _("no loud zones"),
}
WISH_WORDS = {
    "cafe": lambda: _("You asked for the café: I am fitting it into the rest of your visit."),
    "late": lambda: _("You are running late: I am re-planning with less time."),
    "skip_queue": lambda: _("You want to skip the queues: I am leaving out zones with a long wait."),
    "text": lambda: _("I am re-planning the rest of your visit as you asked."),
}
EXCLUSION_WORDS = {
    "closed": lambda reason: _("closed now"),
    "accessibility": lambda reason: _("not suitable for your needs"),
    "capacity": lambda reason: _("too small for your group"),
    "hours": lambda reason: _("not open in your time"),
    "no_time": lambda reason: _("does not fit your time"),
    "rules": lambda reason: _("not possible in this order"),
    "visited": lambda reason: _("already visited"),
}


def _short(text: str) -> str:
    return text if len(text) <= STAGE_MAX else text[: STAGE_MAX - 1].rstrip() + "…"


def _lower(text: str) -> str:
    """Lower-case a label inside a sentence, except in German, where nouns keep their capital."""
    return text if (get_language() or "").startswith("de") else text.lower()


def _clock(day_start: str) -> Callable[[float], str]:
    hours, minutes = (int(part) for part in day_start.split(":"))

    def clock(minute: float) -> str:
        total = int(round(minute)) + hours * 60 + minutes
        return f"{(total // 60) % 24:02d}:{total % 60:02d}"

    return clock


def _zone_list(zone_ids: list[str], names: dict[str, str]) -> str:
    named = [names.get(zone, zone) for zone in zone_ids[:ZONES_NAMED]]
    if len(zone_ids) > ZONES_NAMED:
        named.append(_("{n} more").format(n=len(zone_ids) - ZONES_NAMED))
    return " → ".join(named)


def _words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


class ItineraryAgent:
    """Plans (or re-plans) one visit from a self-contained spec; the plan goes into ``EngineResult.metadata``."""

    name = "itinerary"

    def generate(
        self, spec: dict[str, Any], *, out_dir: Path, progress: ProgressFn, cancelled: CancelFn
    ) -> EngineResult:
        steps: list[str] = []
        group = visit_group(spec["visit"]) if spec.get("visit") else ""

        def say(fraction: float, line: str) -> None:
            """One reasoning line, said when the step happens: no pacing. The job's stage gets it (throttled), and
            the visit's socket gets every line at once (best effort: the run's result keeps them all)."""
            if cancelled():
                raise JobCanceled()
            line = _short(line)
            steps.append(line)
            progress(fraction, line)
            if group:
                realtime.publish(group, {"type": "visit.step", "index": len(steps) - 1, "line": line})

        try:
            visitor = planning.VisitorProfile.from_dict(spec["profile"])
            installation = planning.Installation.from_dict(spec["installation"])
            statuses = {s["zone_id"]: planning.ZoneStatus.from_dict(s) for s in spec.get("statuses", [])}
        except (KeyError, TypeError, ValueError) as exc:
            raise EngineError("bad_spec", _("The planning request was incomplete. Please start again.")) from exc
        names = {zone.id: zone.name for zone in installation.zones}

        if spec.get("mode") == "replan":
            say(0.05, self._replan_reason(spec.get("reason") or {}, names))
        say(0.1, self._understanding(visitor))
        needs = [NEED_WORDS[need]() for need in sorted(visitor.needs) if need in NEED_WORDS]
        if needs:
            say(0.15, _("I will respect your needs: {needs}.").format(needs=_words(needs)))

        # The solver calls back as it works; each call becomes a line at that moment.
        clock = _clock(installation.day_start)
        heard = {"candidates": 0}

        def trace(kind: str, data: dict[str, Any]) -> None:
            if kind == "options weighed":
                say(0.2, self._options(data, len(installation.zones)))
                left_out = self._left_out(data.get("excluded", []), names)
                if left_out:
                    say(0.25, left_out)
            elif kind == "candidate":
                heard["candidates"] += 1
                say(0.25 + 0.05 * heard["candidates"], self._candidate(data, names, clock))
            elif kind == "improved":
                say(0.5, self._improved(data, names, clock))
            elif kind == "searched":
                say(0.55, self._searched(data))

        plan = self._solve(spec, visitor, installation, statuses, trace)
        say(0.6, self._plan_line(plan, visitor, names))
        say(
            0.65, _("Checking every stop against opening hours, queues, walking times, the order rules and your needs.")
        )
        violations = planning.verify_plan(plan, visitor, installation, statuses)
        if violations:
            # Never show a plan that breaks a rule: log it and fail the run (the kiosk offers to try again).
            log.error("itinerary plan failed verification: %s", [v.code for v in violations])
            raise EngineError("plan_invalid", _("The plan did not pass its safety check. Please try again."))
        say(0.75, _("Checked: every zone is open when you arrive, and it all fits your time."))

        say(0.85, _("Explaining each stop in your language."))
        explanations = [self._explain(stop, visitor) for stop in plan.stops]
        narrated_by = "solver"
        llm_lines = narration.narrate(plan, explanations, visitor, spec.get("language", "en"), spec.get("text", ""))
        if llm_lines is not None:
            explanations, narrated_by = llm_lines, "llm"
        say(0.95, _("Your route is ready."))
        return EngineResult(
            files={},
            metadata={
                "ai_generated": True,
                "engine": self.name,
                "model": "orienteering-solver",
                "plan": plan.to_dict(),
                "explanations": explanations,
                "steps": steps,
                "verified": True,
                "narrated_by": narrated_by,
                "mode": spec.get("mode", "plan"),
            },
        )

    def _candidate(self, data: dict[str, Any], names: dict[str, str], clock: Any) -> str:
        stops = len(data["zones"])
        if not stops:
            return _("Tried a route: nothing fits.")
        return ngettext(
            "Tried a route of %(n)d stop, done by %(clock)s: %(zones)s.",
            "Tried a route of %(n)d stops, done by %(clock)s: %(zones)s.",
            stops,
        ) % {"n": stops, "clock": clock(data["end"]), "zones": _zone_list(data["zones"], names)}

    def _improved(self, data: dict[str, Any], names: dict[str, str], clock: Any) -> str:
        stops = len(data["zones"])
        return ngettext(
            "Found a better route: %(n)d stop, done by %(clock)s: %(zones)s.",
            "Found a better route: %(n)d stops, done by %(clock)s: %(zones)s.",
            stops,
        ) % {"n": stops, "clock": clock(data["end"]), "zones": _zone_list(data["zones"], names)}

    def _searched(self, data: dict[str, Any]) -> str:
        return ngettext(
            "Compared %(n)d route in %(ms)d ms and kept the best.",
            "Compared %(n)d routes in %(ms)d ms and kept the best.",
            data["routes"],
        ) % {"n": data["routes"], "ms": max(1, round(data["ms"]))}

    # --- planning -----------------------------------------------------------------------------------------

    def _solve(self, spec, visitor, installation, statuses, trace) -> planning.Plan:
        if spec.get("mode") == "replan" and spec.get("current_plan"):
            return planning.replan(
                planning.Plan.from_dict(spec["current_plan"]),
                visitor,
                installation,
                statuses,
                now_minute=float(spec["now_minute"]),
                completed_zone_ids=spec.get("completed", []),
                trace=trace,
            )
        return planning.plan_visit(visitor, installation, statuses, start_minute=spec.get("start_minute"), trace=trace)

    # --- the reasoning lines ------------------------------------------------------------------------------

    def _replan_reason(self, reason: dict[str, Any], names: dict[str, str]) -> str:
        zone = names.get(reason.get("zone", ""), reason.get("zone", ""))
        if reason.get("code") == "closed":
            return _("The {zone} just closed: I am re-planning the rest of your visit.").format(zone=zone)
        if reason.get("code") == "queue":
            return _("The queue at the {zone} grew to {n} minutes: I am re-planning.").format(
                zone=zone, n=reason.get("minutes", "?")
            )
        if reason.get("code") == "wish":
            return WISH_WORDS.get(reason.get("wish", ""), WISH_WORDS["text"])()
        return _("Something changed in the installation: I am re-planning the rest of your visit.")

    def _understanding(self, visitor: planning.VisitorProfile) -> str:
        likes = [_lower(str(quiz.INTERESTS[tag])) for tag in quiz.INTERESTS if visitor.interests.get(tag)]
        parts = []
        if likes:
            parts.append(_("you like {things}").format(things=_words(likes)))
        if visitor.sport:
            parts.append(_("your sport is {sport}").format(sport=_lower(quiz.sport_label(visitor.sport))))
        minutes = round(visitor.budget_minutes)
        parts.append(ngettext("you have %(n)d minute", "you have %(n)d minutes", minutes) % {"n": minutes})
        return _("Understanding: {facts}.").format(facts="; ".join(parts))

    def _options(self, options: dict[str, Any], total: int) -> str:
        best = [option["name"] for option in options.get("options", [])[:3]]
        if not best:
            return _("Weighed {n} zones: none fits right now.").format(n=total)
        return _("Weighed {n} zones; best for you: {best}.").format(n=total, best=_words(best))

    def _left_out(self, excluded: list[dict[str, Any]], names: dict[str, str]) -> str:
        described = []
        for item in excluded[:3]:
            reason = item.get("excluded", {})
            words = EXCLUSION_WORDS.get(reason.get("code"))
            if words:
                described.append(f"{names.get(item['zone'], item['zone'])} ({words(reason)})")
        return _("Left out: {zones}.").format(zones=", ".join(described)) if described else ""

    def _plan_line(self, plan: planning.Plan, visitor: planning.VisitorProfile, names: dict[str, str]) -> str:
        upcoming = plan.stops[plan.completed :]
        if not upcoming:
            return _("No zone fits your time right now; the staff at the Welcome Desk can help.")
        return ngettext(
            "Plan: %(n)d stop in %(minutes)d of your %(budget)d minutes.",
            "Plan: %(n)d stops in %(minutes)d of your %(budget)d minutes.",
            len(upcoming),
        ) % {"n": len(upcoming), "minutes": round(plan.total_minutes), "budget": round(visitor.budget_minutes)}

    def _explain(self, stop: planning.Stop, visitor: planning.VisitorProfile) -> str:
        # The planner names a sport by its slug; give it the visitor-language label instead.
        reasons = tuple(
            {**reason, "sport": _lower(quiz.sport_label(reason["sport"]))} if reason.get("code") == "sport" else reason
            for reason in stop.reasons
        )
        return planning.explain_stop(dataclasses.replace(stop, reasons=reasons), visitor)
