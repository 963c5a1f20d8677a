"""Votes under load, embedded and distributed: 100 concurrent voters (token auth) like entries for ~20 s.

    python bench/votes.py [--voters 100] [--entries 400] [--seconds 20] [--mode embedded|distributed|both]

Prints `name: value unit` lines per mode: `votes_per_s`, `vote_ms_p95`, and the audit against the database:
`votes_lost` (accepted by the API, missing in the database) and `votes_duplicated` (in the database more often
than accepted, or accepted twice); both must be 0. Each voter also re-sends ~2 % of its votes (a double click),
which the one-vote-per-fan-per-entry constraint must refuse. Rate limits and the new-account cooldown are lifted
for the run (env vars) so the figures measure the write path, not the abuse guards.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.live.servers import PYTHON, ROOT, distributed_site, embedded_site  # noqa: E402

LIFTED = {"WONDER_VOTE_RATE_FAN": "1000000/60", "WONDER_VOTE_RATE_IP": "1000000/60", "WONDER_VOTE_COOLDOWN_S": "0"}

SEED = """
import json
from datetime import timedelta
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone
from rest_framework.authtoken.models import Token
from contest.models import Contest, Entry, Fan
from generation.models import Job
voters, entries = {voters}, {entries}
now = timezone.now()
User = get_user_model()
contest = Contest.objects.create(slug="bench", title="Bench", submissions_open=now - timedelta(days=1),
    submissions_close=now + timedelta(days=1), voting_open=now - timedelta(days=1),
    voting_close=now + timedelta(days=1), results_at=now + timedelta(days=2), max_entries_per_fan=1000)
def fan(name):
    user = User.objects.create_user(name, f"{{name}}@bench.invalid", "pw-bench-123456",
                                    date_joined=now - timedelta(days=2))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Fan.objects.create(user=user, display_name=name)
    return user
authors = [fan(f"author{{i}}") for i in range(10)]
tokens = [Token.objects.create(user=fan(f"voter{{i}}")).key for i in range(voters)]
sports = ["ski-jumping", "curling", "luge", "snowboard"]
ids = []
for i in range(entries):
    sport = sports[i % len(sports)]
    job = Job.objects.create(kind="video", engine="preview", status="succeeded", progress=1.0, public=True,
        owner=authors[i % 10], spec={{"sport": sport, "prompt": "bench"}},
        result={{"files": {{"video": "x.mp4", "poster": "x.jpg"}}, "metadata": {{"duration_s": 5.0}}}})
    ids.append(Entry.objects.create(contest=contest, author=authors[i % 10], job=job, title=f"E{{i}}", sport=sport,
        state="approved", rules_accepted=now, submitted=now).pk)
print(json.dumps({{"tokens": tokens, "entries": ids}}))
"""

AUDIT = """
import json
from django.db.models import Sum
from contest.models import Entry, Vote
rows = list(Vote.objects.filter(entry__contest__slug="bench").values_list("voter__auth_token__key", "entry_id"))
totals = Entry.objects.filter(contest__slug="bench").aggregate(likes=Sum("likes"), dislikes=Sum("dislikes"))
print(json.dumps({"rows": rows, "counted": (totals["likes"] or 0) + (totals["dislikes"] or 0)}))
"""


def shell(env: dict[str, str], code: str) -> dict:
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(round(q / 100 * (len(ordered) - 1))), len(ordered) - 1)] if ordered else 0.0


def voter(url: str, token: str, entries: list[int], until: float, seed: int, out: list, lock: threading.Lock) -> None:
    host = urlparse(url)
    rng = random.Random(seed)
    order = entries[:]
    rng.shuffle(order)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    headers = {"Authorization": f"Token {token}", "Content-Type": "application/json", "Connection": "keep-alive"}
    results = []
    for entry in order:
        if time.monotonic() >= until:
            break
        for _attempt in range(2 if rng.random() < 0.02 else 1):
            body = json.dumps({"value": 1 if rng.random() < 0.8 else -1})
            started = time.perf_counter()
            try:
                conn.request("POST", f"/api/contest/entries/{entry}/vote/", body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
                status = 0
            results.append((token, entry, status, (time.perf_counter() - started) * 1000))
    conn.close()
    with lock:
        out.extend(results)


def run(mode: str, url: str, env: dict[str, str], voters: int, entries: int, seconds: float) -> None:
    seeded = shell(env, SEED.format(voters=voters, entries=entries))
    results: list = []
    lock = threading.Lock()
    until = time.monotonic() + seconds
    started = time.monotonic()
    threads = [
        threading.Thread(target=voter, args=(url, token, seeded["entries"], until, i, results, lock))
        for i, token in enumerate(seeded["tokens"])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    accepted = [(token, entry) for token, entry, status, _ms in results if status == 201]
    refused_twice = sum(1 for *_rest, status, _ms in results if status == 409)
    errors = sum(1 for *_rest, status, _ms in results if status not in (201, 409))
    audit = shell(env, AUDIT)
    stored = [tuple(row) for row in audit["rows"]]
    accepted_set, stored_set = set(accepted), set(stored)
    lost = len(accepted_set - stored_set)
    duplicated = (len(accepted) - len(accepted_set)) + (len(stored) - len(stored_set)) + len(stored_set - accepted_set)
    latencies = [ms for *_rest, status, ms in results if status == 201]
    print(f"{mode}_votes_per_s: {len(accepted) / elapsed:.1f} votes/s")
    print(f"{mode}_vote_ms_p50: {statistics.median(latencies) if latencies else 0:.1f} ms")
    print(f"{mode}_vote_ms_p95: {percentile(latencies, 95):.1f} ms")
    print(f"{mode}_votes_lost: {lost} votes")
    print(f"{mode}_votes_duplicated: {duplicated} votes")
    print(f"{mode}_double_clicks_refused: {refused_twice} requests")
    print(f"{mode}_counter_drift: {abs(audit['counted'] - len(stored))} votes")
    print(f"{mode}_vote_errors: {errors} requests")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--voters", type=int, default=100)
    parser.add_argument("--entries", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--mode", choices=["embedded", "distributed", "both"], default="both")
    args = parser.parse_args()
    if args.mode in ("embedded", "both"):
        with tempfile.TemporaryDirectory() as tmp, embedded_site(Path(tmp), **LIFTED) as (url, env):
            run("embedded", url, env, args.voters, args.entries, args.seconds)
    if args.mode in ("distributed", "both"):
        with tempfile.TemporaryDirectory() as tmp, distributed_site(Path(tmp), **LIFTED) as (url, env, _workers):
            run("distributed", url, env, args.voters, args.entries, args.seconds)


if __name__ == "__main__":
    main()
