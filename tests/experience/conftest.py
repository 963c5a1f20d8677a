"""Fixtures of the kiosk tests: the seeded demo installation, a fixed installation clock, a fast agent, and a
helper that runs a visit's agent job to the end on this thread."""

from __future__ import annotations

import pytest

from experience import services
from experience.models import Visit
from experience.seed import seed_catalogue, seed_zones
from generation import runner


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    """11:00 on the installation's clock, whatever the real time (the demo zones open 10:00-20:00)."""
    monkeypatch.setattr("experience.selectors.installation_minute", lambda now=None: 60.0)


@pytest.fixture
def installation(db):
    seed_zones()
    seed_catalogue(with_images=False)


@pytest.fixture
def fast_agent(monkeypatch, settings):
    """No progress throttle, so every reasoning line reaches the job row."""
    settings.WONDER_PROGRESS_INTERVAL_S = 0


@pytest.fixture
def run_agent(fast_agent, enqueued, published, django_capture_on_commit_callbacks):
    """Run the visit's pending agent job to the end here, adopt its plan, and return the fresh visit."""

    def run(visit: Visit) -> Visit:
        visit.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            runner.execute(visit.job_id, attempt=1, worker="t")
        visit = Visit.objects.select_related("job").get(pk=visit.pk)
        with django_capture_on_commit_callbacks(execute=True):
            return services.sync_visit_plan(visit)

    return run


@pytest.fixture
def planned_visit(installation, run_agent, django_capture_on_commit_callbacks):
    """A visit whose quiz was submitted and whose plan the agent made and the verifier passed."""

    def make(**answers) -> Visit:
        from tests.experience.factories import ANSWERS, VisitFactory

        visit = VisitFactory()
        with django_capture_on_commit_callbacks(execute=True):
            services.submit_quiz(visit=visit, answers={**ANSWERS, **answers})
        return run_agent(visit)

    return make
