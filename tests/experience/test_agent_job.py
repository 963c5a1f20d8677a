"""The itinerary agent runs as a job: its reasoning streams as progress stages in order, in the visitor's
language, and only a verified plan ever reaches the visit."""

from __future__ import annotations

import pytest

from experience import planning, services
from experience.models import Visit, VisitStats
from generation import runner
from generation.models import Job
from tests.experience.factories import ANSWERS, VisitFactory

pytestmark = pytest.mark.django_db


def _start(visit: Visit, django_capture_on_commit_callbacks, **answers) -> Visit:
    with django_capture_on_commit_callbacks(execute=True):
        return services.submit_quiz(visit=visit, answers={**ANSWERS, **answers})


def test_agent_job_streams_its_reasoning_in_order_and_ends_with_a_verified_plan(
    installation, run_agent, published, enqueued, django_capture_on_commit_callbacks
):
    visit = _start(VisitFactory(), django_capture_on_commit_callbacks)
    assert visit.job.kind == "itinerary" and enqueued == [(str(visit.job_id), 1)]
    visit = run_agent(visit)

    stages = [s["stage"] for s in published if s["status"] == "running" and s["progress"] > 0]
    assert stages[0].startswith("Understanding:")
    assert any(stage.startswith("Weighed 12 zones") for stage in stages)
    assert any(stage.startswith("Plan:") for stage in stages)
    assert any(stage.startswith("Checked:") for stage in stages)
    assert stages[-1] == "Your route is ready."
    order = [next(i for i, s in enumerate(stages) if s.startswith(p)) for p in ("Understanding", "Weighed", "Plan")]
    assert order == sorted(order)
    progress = [s["progress"] for s in published if s["status"] == "running"]
    assert progress == sorted(progress)

    final = published[-1]
    assert final["status"] == "succeeded" and final["result"]["metadata"]["verified"] is True
    assert final["result"]["metadata"]["steps"] == stages
    plan = visit.get_plan()
    assert plan is not None and plan.stops[0].zone == "welcome"
    spec = visit.job.spec
    assert not planning.verify_plan(
        plan,
        planning.VisitorProfile.from_dict(spec["profile"]),
        planning.Installation.from_dict(spec["installation"]),
        [planning.ZoneStatus.from_dict(s) for s in spec["statuses"]],
    )
    assert len(visit.explanations) == len(plan.stops)
    assert all(line.endswith(".") for line in visit.explanations)
    assert VisitStats.objects.get().planned == 1


def test_agent_speaks_the_visitors_language(installation, run_agent, published, django_capture_on_commit_callbacks):
    visit = _start(VisitFactory(language="ja"), django_capture_on_commit_callbacks)
    visit = run_agent(visit)
    assert visit.job.language == "ja"
    plan = visit.get_plan()
    assert plan.stops[0].name == "ウェルカムデスク"
    weighed = next(s["stage"] for s in published if "12" in s["stage"] and s["status"] == "running")
    assert any(
        zone_name in weighed for zone_name in ("フレグランスバー", "AIスタイリストミラー", "メイクアップスタジオ")
    )
    assert "ウェルカムデスク" in visit.explanations[0]


def test_accessibility_needs_are_respected_and_said(
    installation, run_agent, published, django_capture_on_commit_callbacks
):
    visit = _start(
        VisitFactory(), django_capture_on_commit_callbacks, needs=["step_free", "avoid_strobe"], interests=["sport"]
    )
    visit = run_agent(visit)
    zones = visit.get_plan().zone_ids
    assert "ice-rink-photo" not in zones and "avatar-booth" not in zones and "aigc-video-wall" not in zones
    assert any("step-free" in s["stage"] for s in published)


def test_a_corrupted_plan_fails_the_run_and_is_never_shown(
    installation, run_agent, monkeypatch, django_capture_on_commit_callbacks
):
    real_plan_visit = planning.plan_visit

    def corrupted(*args, **kwargs):
        plan = real_plan_visit(*args, **kwargs)
        stops = list(plan.stops)
        stops[1] = planning.Stop.from_dict({**stops[1].to_dict(), "zone": "secret-backstage"})
        return planning.Plan.from_dict({**plan.to_dict(), "stops": [s.to_dict() for s in stops]})

    monkeypatch.setattr("experience.agent.planning.plan_visit", corrupted)
    visit = run_agent(_start(VisitFactory(), django_capture_on_commit_callbacks))
    assert visit.job.status == Job.Status.FAILED and visit.job.error_code == "plan_invalid"
    assert visit.plan is None


def test_a_tampered_result_is_rejected_when_adopted(
    installation, fast_agent, enqueued, published, django_capture_on_commit_callbacks
):
    visit = _start(VisitFactory(), django_capture_on_commit_callbacks)
    runner.execute(visit.job_id, attempt=1, worker="t")
    job = Job.objects.get(pk=visit.job_id)
    job.result["metadata"]["plan"]["stops"][-1]["end"] += 500  # past closing time and the budget
    Job.objects.filter(pk=job.pk).update(result=job.result)
    visit = services.sync_visit_plan(Visit.objects.select_related("job").get(pk=visit.pk))
    assert visit.plan is None and visit.plan_note == {"code": "invalid"}


def test_llm_narration_rewords_only_the_explanations(
    installation, run_agent, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(
        "experience.narration.narrate",
        lambda plan, lines, visitor, language, text="": [f"Because you asked: {s.name}." for s in plan.stops],
    )
    visit = run_agent(_start(VisitFactory(), django_capture_on_commit_callbacks))
    assert visit.explanations[0] == "Because you asked: Welcome Desk."
    assert visit.job.result["metadata"]["narrated_by"] == "llm"


def test_without_an_llm_narration_is_skipped(settings):
    from experience import narration

    settings.WONDER_LLM_URL = ""
    plan = planning.plan_visit(planning.VisitorProfile(interests={"art": 1}), planning.demo_installation())
    assert narration.narrate(plan, ["x"] * len(plan.stops), planning.VisitorProfile(), "en") is None
