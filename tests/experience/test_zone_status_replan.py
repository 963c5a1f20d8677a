"""Staff set a zone's status (audited); a closure or a long queue re-plans exactly the visits still heading
there, and their kiosk screens are told at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from experience import services
from experience.models import Visit, Zone, ZoneStatus, ZoneStatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def pushed(monkeypatch):
    """Changes sent to kiosk visit groups, as (group, message) (not the agent's live reasoning lines)."""
    sent: list[tuple[str, dict]] = []

    def publish(group: str, message: dict) -> None:
        if message.get("type") != "visit.step":
            sent.append((group, message))

    monkeypatch.setattr("generation.realtime.publish", publish)
    return sent


def _zone_in_plan(visit: Visit) -> str:
    return next(stop.zone for stop in visit.get_plan().stops if stop.zone != "welcome")


def test_closing_a_zone_replans_only_visits_heading_there(
    planned_visit, run_agent, pushed, staff, django_capture_on_commit_callbacks
):
    fashion = planned_visit(interests=["fashion"], sport=None)
    art = planned_visit(interests=["art"], sport="bobsleigh", mood="curious")
    target = _zone_in_plan(fashion)
    assert target not in art.get_plan().zone_ids or target == _zone_in_plan(art)
    untouched = art if target not in art.get_plan().zone_ids else None

    before = len(pushed)  # each visit's screens were told when its first plan was adopted
    with django_capture_on_commit_callbacks(execute=True):
        status, replanned = services.set_zone_status(
            zone=Zone.objects.get(slug=target), is_open=False, queue_minutes=0, by=staff
        )
    assert replanned >= 1 and not status.is_open
    fashion.refresh_from_db()
    assert fashion.job.spec["mode"] == "replan" and fashion.plan_note == {"code": "closed", "zone": target}
    assert (f"kiosk.visit.{fashion.token}", {"type": "visit.changed", "state": services.visit_state(fashion)}) in pushed
    if untouched is not None:
        old_job = untouched.job_id
        untouched.refresh_from_db()
        assert untouched.job_id == old_job
        assert not any(group == f"kiosk.visit.{untouched.token}" for group, _ in pushed[before:])

    fashion = run_agent(fashion)
    assert fashion.plan_version == 2
    assert target not in fashion.get_plan().zone_ids
    assert ZoneStatusChange.objects.get().changed_by == staff


def test_a_finished_tour_or_expired_visit_is_not_replanned(planned_visit, pushed):
    done = planned_visit(interests=["fashion"])
    target = _zone_in_plan(done)
    Visit.objects.filter(pk=done.pk).update(planned_at=timezone.now() - timedelta(hours=3))
    expired = planned_visit(interests=["fashion"])
    Visit.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    before = len(pushed)
    _status, replanned = services.set_zone_status(zone=Zone.objects.get(slug=target), is_open=False, queue_minutes=0)
    assert replanned == 0 and pushed[before:] == []


def test_a_queue_past_the_threshold_replans_but_a_small_change_does_not(planned_visit, pushed):
    visit = planned_visit(interests=["fashion"])
    zone = Zone.objects.get(slug=_zone_in_plan(visit))
    assert services.set_zone_status(zone=zone, is_open=True, queue_minutes=5)[1] == 0
    assert services.set_zone_status(zone=zone, is_open=True, queue_minutes=services.REPLAN_QUEUE_MINUTES)[1] == 1
    visit.refresh_from_db()
    assert visit.plan_note == {"code": "queue", "zone": zone.slug, "minutes": services.REPLAN_QUEUE_MINUTES}
    assert (
        visit.job.spec["statuses"][[s["zone_id"] for s in visit.job.spec["statuses"]].index(zone.slug)]["queue_minutes"]
        == services.REPLAN_QUEUE_MINUTES
    )


def test_a_plan_made_just_before_a_closure_is_replanned_when_adopted(
    installation, run_agent, pushed, django_capture_on_commit_callbacks
):
    from tests.experience.factories import VisitFactory

    visit = VisitFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_quiz(visit=visit, answers=visit.answers)
    # The zone closes while the agent is still thinking (the visit has no plan yet to re-plan).
    ZoneStatus.objects.filter(zone__slug="fragrance-bar").update(is_open=False)
    spec = visit.job.spec
    for status in spec["statuses"]:
        status["open"] = True
    type(visit.job).objects.filter(pk=visit.job_id).update(spec=spec)
    visit = run_agent(visit)
    assert "fragrance-bar" in visit.get_plan().zone_ids
    assert visit.job.spec["mode"] == "replan" and visit.plan_note["zone"] == "fragrance-bar"


def test_api_lets_staff_close_a_zone_and_reports_replanned_visits(planned_visit, staff, pushed):
    visit = planned_visit(interests=["fashion"])
    target = _zone_in_plan(visit)
    client = APIClient()
    url = f"/kiosk/api/zones/{target}/status/"
    assert client.put(url, {"is_open": False, "queue_minutes": 0}, format="json").status_code == 403
    client.force_authenticate(staff)
    response = client.put(url, {"is_open": False, "queue_minutes": 0}, format="json")
    assert response.status_code == 200
    assert response.json()["is_open"] is False and response.json()["replanned_visits"] == 1
    assert response.json()["updated_by"] == staff.username
    assert client.put(url, {"is_open": True, "queue_minutes": -3}, format="json").status_code == 400


def test_anyone_reads_the_live_statuses(installation):
    response = APIClient().get("/kiosk/api/zones/")
    assert response.status_code == 200 and len(response.json()) == 12
    assert {"zone", "name", "is_open", "queue_minutes"} <= set(response.json()[0])


def test_staff_page_toggles_a_zone_with_htmx_and_audits_who(installation, client, staff):
    assert client.get("/kiosk/staff/").status_code == 302  # to the admin login
    client.force_login(staff)
    page = client.get("/kiosk/staff/")
    assert page.status_code == 200 and b"Fragrance Bar" in page.content
    response = client.post(
        "/kiosk/staff/zones/cafe/", {"is_open": "", "queue_minutes": "0"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and b'id="zone-cafe"' in response.content and b"is-closed" in response.content
    assert not ZoneStatus.objects.get(zone__slug="cafe").is_open
    assert ZoneStatusChange.objects.get(zone__slug="cafe").changed_by == staff


def test_a_closure_reads_the_crowd_once_and_replans_the_soonest_due_first(planned_visit, monkeypatch):
    """Re-planning N visits read every plan of the day N times (O(N²) for the staff's click), and in no useful
    order: the visitor about to walk into the closed zone waited behind everyone else."""
    from experience import selectors

    visits = [planned_visit(interests=["fashion"], sport=None) for _ in range(4)]
    target = _zone_in_plan(visits[0])
    due = {}
    for visit in visits:
        stops = [stop for stop in services.upcoming_stops(visit) if stop.zone == target]
        if stops:
            due[visit.pk] = stops[0].start
    assert len(due) >= 2
    expected = sorted(due, key=lambda pk: due[pk])
    reads, order = [], []
    real_crowd, real_replan = selectors.crowd_plans, services.replan_visit
    monkeypatch.setattr(selectors, "crowd_plans", lambda **kw: reads.append(kw) or real_crowd(**kw))
    monkeypatch.setattr(
        services, "replan_visit", lambda visit, **kw: order.append(visit.pk) or real_replan(visit, **kw)
    )
    _status, replanned = services.set_zone_status(zone=Zone.objects.get(slug=target), is_open=False, queue_minutes=0)
    assert replanned == len(due)
    assert order == expected
    assert len(reads) == 1


def test_a_closure_plans_each_visit_with_the_crowd_of_the_others(planned_visit, monkeypatch):
    """Reading the crowd once must not change what each re-plan sees: every other visit, not itself."""
    from experience import selectors

    visits = [planned_visit(interests=["fashion"], sport=None) for _ in range(3)]
    target = _zone_in_plan(visits[0])
    zones = [zone.slug for zone in Zone.objects.all()]
    minutes = range(0, 8 * 60, 5)

    def counts(crowd):
        return [crowd.people(zone, minute) for zone in zones for minute in minutes]

    expected = {visit.pk: counts(selectors.crowd(exclude=visit)) for visit in visits}
    seen = {}
    real_replan = services.replan_visit

    def replan(visit, *, crowd, **kw):
        seen[visit.pk] = counts(crowd)
        return real_replan(visit, crowd=crowd, **kw)

    monkeypatch.setattr(services, "replan_visit", replan)
    services.set_zone_status(zone=Zone.objects.get(slug=target), is_open=False, queue_minutes=0)
    assert seen and all(seen[pk] == expected[pk] for pk in seen)
    assert any(sum(counts) for counts in seen.values())  # the others' plans were really counted
