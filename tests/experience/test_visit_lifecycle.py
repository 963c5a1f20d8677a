"""How a visit ends: the idle reset wipes it (only anonymous counts remain), a visit taken home lives until its
link expires, expired and abandoned visits are purged."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from experience import services
from experience.models import Visit, VisitStats
from generation.models import Job

pytestmark = pytest.mark.django_db


def test_idle_reset_wipes_the_visit_and_its_agent_runs_leaving_only_counts(planned_visit, media, client):
    visit = planned_visit()
    services.replan_visit(visit, reason={"code": "closed", "zone": "cafe"})  # a second, unfinished run
    job_dir = media / "jobs" / str(visit.plan_job_id)
    assert job_dir.exists() and Job.objects.filter(kind="itinerary").count() == 2

    session = client.session
    session[services.SESSION_KEY] = visit.token
    session.save()
    response = client.post("/kiosk/visit/end/")

    assert response.status_code == 302 and response["Location"] == "/kiosk/"
    assert not Visit.objects.exists()
    assert not Job.objects.exists()
    assert not job_dir.exists()
    stats = VisitStats.objects.get()
    assert (stats.started, stats.planned, stats.reset) == (0, 1, 1)  # the factory skipped start_visit
    assert services.SESSION_KEY not in client.session


@pytest.mark.parametrize("taken_home", [False, True])
def test_ending_a_visit_purges_the_visitors_biometric_data_at_once(planned_visit, monkeypatch, taken_home):
    purged = []
    monkeypatch.setattr("avatars.services.purge_session", purged.append)
    visit = planned_visit()
    if taken_home:
        visit = services.finish_visit(visit=visit)
    session_key = visit.session_key
    services.end_visit(visit=visit)
    assert purged == [session_key] and session_key


def test_a_visit_taken_home_survives_the_idle_reset_until_it_expires(planned_visit, client):
    visit = services.finish_visit(visit=planned_visit())
    services.end_visit(visit=visit)
    visit.refresh_from_db()
    assert visit.session_key == "" and visit.plan is not None
    assert client.get(f"/me/{visit.token}/").status_code == 200
    assert VisitStats.objects.get().finished == 1


def test_finishing_counts_once(planned_visit):
    visit = planned_visit()
    services.finish_visit(visit=visit)
    services.finish_visit(visit=visit)
    assert VisitStats.objects.get().finished == 1


def test_purge_wipes_expired_and_abandoned_visits_only(planned_visit):
    expired = planned_visit()
    Visit.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    abandoned = planned_visit()
    Visit.objects.filter(pk=abandoned.pk).update(last_seen=timezone.now() - timedelta(hours=1))
    active = planned_visit()
    taken_home = services.finish_visit(visit=planned_visit())
    Visit.objects.filter(pk=taken_home.pk).update(last_seen=timezone.now() - timedelta(hours=5))

    assert services.purge_visits() == 2
    assert set(Visit.objects.values_list("pk", flat=True)) == {active.pk, taken_home.pk}
    stats = VisitStats.objects.get()
    assert (stats.expired, stats.reset) == (1, 1)


def test_take_home_link_expires_after_the_setting(settings, planned_visit, client):
    settings.WONDER_TAKE_HOME_TTL_H = 2
    visit = planned_visit()
    assert visit.expires_at - visit.created == timedelta(hours=2)
    Visit.objects.filter(pk=visit.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(f"/me/{visit.token}/")
    assert response.status_code == 410
    assert b"This link has expired" in response.content


def test_unknown_take_home_token_is_a_friendly_404(db, client):
    response = client.get("/me/not-a-real-token/")
    assert response.status_code == 404 and b"Visit not found" in response.content


def test_take_home_page_shows_route_and_picks_in_the_visitors_language(planned_visit, client):
    visit = planned_visit()
    Visit.objects.filter(pk=visit.pk).update(language="it")
    visit.refresh_from_db()
    response = client.get(f"/me/{visit.token}/")
    html = response.content.decode()
    assert response.status_code == 200 and 'lang="it"' in html
    assert "Accoglienza" in html  # zone names are data, in the visit's language
    first_pick = visit.recommendations[0]["item"]
    assert f'data-item="{first_pick}"' in html
    assert html.count('<li class="stop') == len(visit.get_plan().stops)
