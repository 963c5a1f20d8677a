"""The public gallery at 50,000 public entries on SQLite: server time per page and queries per page.

    python bench/gallery.py [--entries 50000] [--pages 50]

Seeds a fresh SQLite database with bulk_create (no videos), then walks pages 1..N of /gallery/ through Django's
test client (the whole server path: middleware, view, queries, template), following the cursors. Prints
`gallery_page_ms_p95` (target under 50 ms), `gallery_top_page_ms_p95` (sort by Wilson) and
`gallery_queries_per_page` (the most any page needed; it must not grow with the page number).
`montage_s_10` is measured by the film's own benchmark.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def setup(tmp: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="wonder.settings",
        SQLITE_PATH=str(tmp / "bench.sqlite3"),
        WONDER_VAR_DIR=str(tmp),
        MEDIA_ROOT=str(tmp / "media"),
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)


def seed(count: int) -> None:
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from contest.models import Contest, Entry, Fan
    from generation.models import Job

    now = timezone.now()
    User = get_user_model()
    countries = ["IT", "JP", "FR", "DE", "US", "CN", "BR", "NO"]
    languages = ["en", "it", "ja", "fr", "de", "zh-hans"]
    styles = ["cinematic", "anime", "watercolor", None]
    sports = ["ski-jumping", "curling", "luge", "snowboard", "figure-skating", "biathlon"]
    with transaction.atomic():
        contest = Contest.objects.create(
            slug="bench",
            title="Bench",
            submissions_open=now - timedelta(days=10),
            submissions_close=now + timedelta(days=1),
            voting_open=now - timedelta(days=9),
            voting_close=now + timedelta(days=2),
            results_at=now + timedelta(days=3),
        )
        users = User.objects.bulk_create(User(username=f"fan{i}", email=f"fan{i}@bench.invalid") for i in range(500))
        Fan.objects.bulk_create(
            Fan(user=u, display_name=u.username, country=countries[i % len(countries)]) for i, u in enumerate(users)
        )
        jobs = Job.objects.bulk_create(
            (
                Job(
                    kind="video",
                    engine="preview",
                    status="succeeded",
                    progress=1.0,
                    public=True,
                    owner=users[i % len(users)],
                    spec={
                        "prompt": f"prompt {i}",
                        "prompt_en": f"expanded prompt {i}",
                        "sport": sports[i % len(sports)],
                        "language": languages[i % len(languages)],
                        "style": styles[i % len(styles)],
                    },
                    result={"files": {"video": f"b/{i}.mp4", "poster": f"b/{i}.jpg"}, "metadata": {}},
                )
                for i in range(count)
            ),
            batch_size=2000,
        )
        Entry.objects.bulk_create(
            (
                Entry(
                    contest=contest,
                    author_id=job.owner_id,
                    job=job,
                    title=f"Entry {i}",
                    sport=sports[i % len(sports)],
                    state="approved",
                    rules_accepted=now,
                    submitted=now - timedelta(seconds=i),
                    wilson=(i * 7919 % 1000) / 1000,
                )
                for i, job in enumerate(jobs)
            ),
            batch_size=2000,
        )


def walk(sort: str, pages: int) -> tuple[list[float], list[int]]:
    import re

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    times, queries, after = [], [], ""
    for _ in range(pages):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get("/gallery/", {"sort": sort, "after": after})
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
        queries.append(len(captured))
        match = re.search(rb"after=([A-Za-z0-9_-]+)", response.content)
        if match is None:
            break
        after = match.group(1).decode()
    return times, queries


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 2 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup(Path(tmp))
        started = time.perf_counter()
        seed(args.entries)
        print(f"gallery_seed_s: {time.perf_counter() - started:.1f} s")
        walk("new", 3)  # warm up: templates, connections
        new_times, new_queries = walk("new", args.pages)
        top_times, top_queries = walk("top", args.pages)
        print(f"gallery_page_ms_p95: {p95(new_times):.1f} ms")
        print(f"gallery_top_page_ms_p95: {p95(top_times):.1f} ms")
        print(f"gallery_queries_per_page: {max(new_queries + top_queries)} queries")
        print(f"gallery_queries_page1_vs_last: {new_queries[0]} -> {new_queries[-1]} queries")


if __name__ == "__main__":
    main()
