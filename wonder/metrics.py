"""Prometheus metrics: request latency per process, and the job system's state read from the database at scrape.

Each Daphne process serves its own ``/metrics`` (scrape every process, not the proxy); job figures come from the
``Job`` table, so any process reports the same, complete picture whichever worker ran the jobs.
"""

from __future__ import annotations

import hmac
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from generation.models import Job, WorkerBeat

REQUEST_SECONDS = Histogram(
    "wonder_http_request_duration_seconds",
    "Time to answer an HTTP request, by route and status class.",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
QUEUE_SECONDS = Histogram(
    "wonder_http_queue_seconds",
    "Time an HTTP request waited for its turn in this process (wonder/admission.py) before Django ran it.",
    buckets=(0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
SHED_REQUESTS = Counter(
    "wonder_http_shed_total",
    "Requests refused with a fast 503 by admission control (wonder/admission.py): the process was full.",
    ["kind"],
)
RECENT = timedelta(hours=1)


class RequestMetricsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        # The route pattern, never the raw path: ids in paths would make one series per object.
        route = match.route if match and match.route else "unmatched"
        REQUEST_SECONDS.labels(request.method, route, f"{response.status_code // 100}xx").observe(
            time.perf_counter() - started
        )
        return response


class JobCollector(Collector):
    """Queue lengths, jobs in flight, recent durations and failures, live workers: read at each scrape."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        waiting = GaugeMetricFamily("wonder_queue_length", "Jobs waiting in each queue.", labels=["queue"])
        for row in Job.objects.filter(status=Job.Status.QUEUED).values("queue").annotate(n=Count("pk")):
            waiting.add_metric([row["queue"]], row["n"])
        yield waiting

        running = GaugeMetricFamily("wonder_jobs_running", "Jobs running now, by kind.", labels=["kind"])
        for row in Job.objects.filter(status=Job.Status.RUNNING).values("kind").annotate(n=Count("pk")):
            running.add_metric([row["kind"]], row["n"])
        yield running

        since = timezone.now() - RECENT
        finished = GaugeMetricFamily(
            "wonder_jobs_finished_last_hour", "Jobs that ended in the last hour.", labels=["kind", "status"]
        )
        for row in Job.objects.filter(finished__gte=since).values("kind", "status").annotate(n=Count("pk")):
            finished.add_metric([row["kind"], row["status"]], row["n"])
        yield finished

        durations = GaugeMetricFamily(
            "wonder_job_duration_seconds_last_hour",
            "Run time of the jobs that succeeded in the last hour (p50, p95), by kind.",
            labels=["kind", "quantile"],
        )
        by_kind: dict[str, list[float]] = {}
        rows = Job.objects.filter(status=Job.Status.SUCCEEDED, finished__gte=since, started__isnull=False)
        for kind, started, ended in rows.values_list("kind", "started", "finished")[:5000]:
            by_kind.setdefault(kind, []).append((ended - started).total_seconds())
        for kind, values in by_kind.items():
            values.sort()
            durations.add_metric([kind, "0.5"], statistics.median(values))
            durations.add_metric([kind, "0.95"], values[min(int(0.95 * len(values)), len(values) - 1)])
        yield durations

        workers = GaugeMetricFamily("wonder_workers_alive", "Workers with a recent heartbeat.")
        workers.add_metric([], WorkerBeat.alive(timedelta(seconds=settings.WONDER_WORKER_BEAT_S * 3)).count())
        yield workers


_registered = False


def _register_collector() -> None:
    global _registered
    if not _registered:
        REGISTRY.register(JobCollector())
        _registered = True


def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus text format. With ``WONDER_METRICS_TOKEN`` set, a matching bearer token is required."""
    token = settings.WONDER_METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given, token):
            return HttpResponse(status=401)
    elif not settings.DEBUG:
        return HttpResponse("Set WONDER_METRICS_TOKEN to expose metrics.", status=404)
    _register_collector()
    return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)
