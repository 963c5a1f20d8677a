"""The reasoning panel shows what the solver does as it does it: no artificial delay, every line said when its step
happens (the routes tried and the better ones found come from the search itself), and the verifier's verdict."""

from __future__ import annotations

import time

import pytest

from experience import agent, planning
from experience.planning import demo_installation, demo_statuses
from tests.experience.factories import ANSWERS


def _spec() -> dict:
    from experience import quiz

    return {
        "visit": "tok",
        "mode": "plan",
        "language": "en",
        "profile": quiz.profile(ANSWERS, start_minute=60.0).to_dict(),
        "installation": demo_installation().to_dict(),
        "statuses": [status.to_dict() for status in demo_statuses(60.0).values()],
        "start_minute": 60.0,
    }


@pytest.fixture
def heard(monkeypatch):
    """Lines as the visit's socket hears them, with what the run had done at that moment."""
    lines: list[tuple[str, str]] = []
    monkeypatch.setattr(agent.realtime, "publish", lambda group, message: lines.append((group, message["line"])))
    return lines


def test_the_agent_never_sleeps(monkeypatch, heard, tmp_path):
    def no_sleep(seconds: float) -> None:
        raise AssertionError(f"paced with sleep({seconds})")

    monkeypatch.setattr(time, "sleep", no_sleep)
    result = agent.ItineraryAgent().generate(
        _spec(), out_dir=tmp_path, progress=lambda f, s: None, cancelled=lambda: False
    )
    assert result.metadata["steps"] == [line for _group, line in heard]
    assert {group for group, _line in heard} == {"kiosk.visit.tok"}


def test_each_line_goes_out_when_its_step_happens(monkeypatch, heard, tmp_path):
    moments: dict[str, int] = {}
    search = planning.solver.search
    verify = agent.planning.verify_plan

    def traced_search(*args, **kwargs):
        moments["search starts"] = len(heard)
        route = search(*args, **kwargs)
        moments["search ends"] = len(heard)
        return route

    def traced_verify(*args, **kwargs):
        moments["verifier starts"] = len(heard)
        return verify(*args, **kwargs)

    monkeypatch.setattr(planning.solver, "search", traced_search)
    monkeypatch.setattr(agent.planning, "verify_plan", traced_verify)
    result = agent.ItineraryAgent().generate(
        _spec(), out_dir=tmp_path, progress=lambda f, s: None, cancelled=lambda: False
    )
    steps = result.metadata["steps"]
    during_search = steps[moments["search starts"] : moments["search ends"]]
    # The routes the search tried, said while it searched: at least one per greedy start.
    assert sum(line.startswith("Tried a route") for line in during_search) == len(planning.solver.ALPHAS)
    assert during_search[-1].startswith("Compared ") and " routes in " in during_search[-1]
    assert any(line.startswith("Weighed 12 zones") for line in steps[: moments["search starts"]])
    # The verdict comes after the verifier ran, and no line claims the plan was checked before that.
    checked = next(i for i, line in enumerate(steps) if line.startswith("Checked:"))
    assert checked >= moments["verifier starts"]


def test_a_rejected_plan_is_never_announced_as_checked(monkeypatch, heard, tmp_path):
    from generation.engines.base import EngineError

    monkeypatch.setattr(agent.planning, "verify_plan", lambda *a, **k: [planning.Violation("hours", "closed")])
    with pytest.raises(EngineError):
        agent.ItineraryAgent().generate(_spec(), out_dir=tmp_path, progress=lambda f, s: None, cancelled=lambda: False)
    assert not any(line.startswith("Checked:") for _group, line in heard)
