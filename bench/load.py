"""Load: 500 concurrent signed-in fans browse, vote and watch job progress for 60 s, embedded and distributed.

    python bench/load.py [--fans 500] [--duration 60] [--mode embedded|distributed|both] [--seed 1]
                         [--think 0.5,2] [--runs 1] [--debug]

Starts its own servers with production settings (DEBUG off, collected static files; --debug for DEBUG on):
embedded is `manage.py serve` (one Daphne with its in-process worker, SQLite); distributed is the production
layout of `scripts/run-distributed.sh` (nginx, two Daphnes, CPU and GPU-queue workers, beat, Redis, PostgreSQL).
It loads the demo data (`seed_demo`) plus 300 more approved entries that reuse the demo clips,
and creates the fans in the database (verified e-mail, joined two days ago, so past the new-account cooldown) with
a server-side session each, so 500 sign-ups and log-ins do not have to go through the forms first.

Every fan is one asyncio task of one event loop (aiohttp: its own cookie jar, keep-alive connections from a shared
pool with no limit). It lands on the home page (which sets its CSRF cookie) at a random moment within the first
longest think time (0-2 s at the default pace, 0-10.5 s at 3.5-10.5 s), then, until the time is up, thinks
(0.5-2 s by default, seeded; --think) and does one of:

    gallery 18 %   /gallery/ (random sort and sport filter) and up to 3 of the page's card posters it has not loaded
                   yet (the URLs in the page, as a browser finds them: the thumbnail file once it is made, else
                   the view that makes it)
    entry   20 %   an entry page (contest or gallery) and its video's poster (the page's URL; the video itself is
                   not fetched)
    entries 10 %   /contest/ (top or new, sometimes one sport)
    home     5 %   /
    api     15 %   a read of the API: entries of a sport, one entry, the arena boards, the quotas, or /contest/board/
    like    20 %   POST /api/contest/entries/<id>/vote/ (80 % like, 20 % pass) on an entry it has not voted on; 2 % of
                   these are a double click (the same vote twice at once: one 201 and one 409 expected)
    arena   12 %   GET /api/contest/arena/pair/, look at the pair 0.5-2 s, POST /api/contest/arena/judgements/

and one fan in ten also "makes a video" once, at a random moment of the first 70 % of the run: it starts a
diagnostic job (5 steps of 0.1 s, the zero-cost engine; the preview engine would spend the two cores on rendering),
opens /ws/jobs/<id>/ with its session cookie and reads frames until the job is finished, then reads
/api/jobs/<id>/ as a reloaded page would. Diagnostic jobs need staff or a selfcheck token: the fans send a token
minted here from the site's SECRET_KEY (the same default key as the server's unless SECRET_KEY is set for both).

Prints `name: value unit` lines per mode: `load_rps` (HTTP requests served within the run / its duration),
`load_ms_p95` and `load_ms_p50` (latency of every HTTP request served, tail included), `load_refused` (answered
with the server's deliberate, fast 503 for overload, marked `X-Wonder-Overload: shed`, or a 429 rate limit) and
`load_refused_ms_p95` (how fast those answers came), `load_errors` (timeouts after 30 s, transport errors such as
resets, any other 5xx, any unexpected status, and failed or timed-out progress sockets; target 0),
`load_votes_lost` (likes and judgements answered 201 but missing in the database; must be 0), and the audit and
socket figures. A table per route goes to stderr. A refused fan does what the refusal page does: it waits the
`Retry-After` seconds (at most 30), then goes on browsing.

With --runs N, each mode runs N times on fresh servers and a fresh database, and each figure is printed as the
median of the runs with its min and max: on two shared cores one run is not a figure to trust.

Server settings changed for the run: WONDER_VOTE_RATE_IP is raised to 1000000/60, because the 500 fans all come
from 127.0.0.1 and the default (600 votes a minute per address) is for real networks. The per-fan limit
(WONDER_VOTE_RATE_FAN) and the new-account cooldown stay at their defaults; no fan comes near 60 votes a minute.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from yarl import URL

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.votes import percentile, shell  # noqa: E402
from tests.live.servers import distributed_stack, embedded_site, manage  # noqa: E402

SERVER_ENV = {"WONDER_VOTE_RATE_IP": "1000000/60"}
# Production settings (DEBUG off: no query log, compressed static files), plain HTTP on loopback.
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-load-secret-" + "x" * 50,
    "WONDER_HTTPS": "0",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
}
EXTRA_ENTRIES = 300
SPORTS = ["ski-jumping", "figure-skating", "snowboard", "curling", "luge", "biathlon"]
TIMEOUT_S = 30.0
SHED_HEADER = "X-Wonder-Overload"  # set by admission control (wonder/admission.py) on its deliberate 503s
WATCH_TIMEOUT_S = 60.0
MAKERS = 0.1  # share of fans who start (and watch) one job
THINK_S = (0.5, 2.0)  # seconds between a fan's actions (--think)
FINISHED = {"succeeded", "failed", "canceled"}
# The posters a page shows: a gallery card's thumbnail, the entry page's video poster.
CARD_POSTER = re.compile(r'<li class="gallery-card">\s*<a [^>]*>\s*<img src="([^"]+)"')
VIDEO_POSTER = re.compile(r'<video [^>]*poster="([^"]+)"')
MIX = {"gallery": 18, "entry": 20, "entries": 10, "home": 5, "api": 15, "like": 20, "arena": 12}

# Run with `manage.py shell -c` after seed_demo; ARGS is prepended. Bulk inserts: 500 password hashes and 500
# log-ins through the forms would take minutes and measure nothing of interest here.
SEED = """
import json
from datetime import timedelta
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from contest.demo import DEMO_CONTEST
from contest.models import Contest, Entry, Fan
from generation.models import Job

now = timezone.now()
User = get_user_model()
contest = Contest.objects.get(slug=DEMO_CONTEST)
clips = list(Job.objects.filter(entries__contest=contest, status="succeeded"))
assert clips, "seed_demo made no clips"

def fans(prefix, count):
    users = User.objects.bulk_create([
        User(username=f"{prefix}{i}", email=f"{prefix}{i}@load.invalid", password=make_password(None),
             date_joined=now - timedelta(days=2))
        for i in range(count)
    ])
    users = list(User.objects.filter(username__startswith=prefix).order_by("pk"))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users])
    Fan.objects.bulk_create([Fan(user=u, display_name=u.username[:40]) for u in users])
    return users

with transaction.atomic():
    authors = fans("loadauthor", 12)
    for i in range(ARGS["entries"]):
        clip, sport = clips[i % len(clips)], ARGS["sports"][i % len(ARGS["sports"])]
        job = Job.objects.create(kind="video", engine=clip.engine, status="succeeded", progress=1.0, public=True,
            owner=authors[i % len(authors)], spec={**clip.spec, "sport": sport}, result=clip.result,
            created=clip.created, started=clip.started, finished=clip.finished, seq=clip.seq)
        Entry.objects.create(contest=contest, author=job.owner, job=job, title=f"Load {i}", sport=sport,
            state="approved", rules_accepted=now, submitted=now - timedelta(seconds=i), decided=now)
    users = fans("loadfan", ARGS["fans"])
    store = SessionStore()
    backend = settings.AUTHENTICATION_BACKENDS[0]
    sessions = [
        Session(session_key=get_random_string(32), expire_date=now + timedelta(days=1), session_data=store.encode(
            {SESSION_KEY: str(u.pk), BACKEND_SESSION_KEY: backend, HASH_SESSION_KEY: u.get_session_auth_hash()}))
        for u in users
    ]
    Session.objects.bulk_create(sessions)
entries = list(Entry.objects.filter(contest=contest, state__in=Entry.PUBLIC).values_list("pk", "sport"))
print(json.dumps({"fans": [[u.username, s.session_key] for u, s in zip(users, sessions)], "entries": entries}))
"""

AUDIT = """
import json
from django.db.models import Sum
from contest.demo import DEMO_CONTEST
from contest.models import Comparison, Entry, Vote
votes = Vote.objects.filter(voter__username__startswith="loadfan")
judged = Comparison.objects.filter(voter__username__startswith="loadfan")
entries = Entry.objects.filter(contest__slug=DEMO_CONTEST)
totals = entries.aggregate(likes=Sum("likes"), dislikes=Sum("dislikes"), comparisons=Sum("comparisons"))
print(json.dumps({
    "votes": list(votes.values_list("voter__username", "entry_id")),
    "judgements": list(judged.values_list("voter__username", "pk")),
    "votes_counted": Vote.objects.filter(entry__in=entries, counted=True).count(),
    "judgements_counted": Comparison.objects.filter(a__in=entries, counted=True).count(),
    "likes": totals["likes"] or 0, "dislikes": totals["dislikes"] or 0, "comparisons": totals["comparisons"] or 0,
}))
"""


class SelfcheckTokens:
    """Selfcheck tokens live 120 s on the server: mint a fresh one every 30 s."""

    def __init__(self) -> None:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
        import django

        django.setup()
        from generation.api import SELFCHECK_HEADER, selfcheck_token

        self.header, self._mint = SELFCHECK_HEADER, selfcheck_token
        self._token, self._at = "", 0.0

    def current(self) -> str:
        if time.monotonic() - self._at > 30:
            self._token, self._at = self._mint(), time.monotonic()
        return self._token


@dataclass
class Stats:
    end: float = 0.0
    latencies: list[float] = field(default_factory=list)
    refused_ms: list[float] = field(default_factory=list)
    refused_routes: Counter = field(default_factory=Counter)
    in_window: int = 0
    routes: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter = field(default_factory=Counter)
    likes: list[tuple[str, int]] = field(default_factory=list)
    judgements: list[tuple[str, int]] = field(default_factory=list)
    double_clicks: int = 0
    sockets: int = 0
    frames: int = 0
    watch_ms: list[float] = field(default_factory=list)
    client_cpu_s: float = 0.0

    def record(self, route: str, status: int, ms: float, expected: tuple[int, ...], refused: bool = False) -> None:
        if refused:  # a deliberate, fast refusal: counted apart, neither served nor an error
            self.refused_ms.append(ms)
            self.refused_routes[route] += 1
            return
        self.latencies.append(ms)
        self.routes[route].append(ms)
        if time.monotonic() <= self.end:
            self.in_window += 1
        if status not in expected:
            kind = {-1: "timeout", 0: "transport"}.get(status, "5xx" if status >= 500 else f"status {status}")
            self.errors[f"{route}: {kind}"] += 1


class Fan:
    """One signed-in fan in one browser: its own cookies, one request at a time (two for a double click)."""

    def __init__(self, base: str, username: str, session_key: str, http: aiohttp.ClientSession, **shared) -> None:
        self.base, self.username, self.http = base, username, http
        http.cookie_jar.update_cookies({"sessionid": session_key}, URL(base))
        self.rng: random.Random = shared["rng"]
        self.entries: list[tuple[int, str]] = shared["entries"]
        self.stats: Stats = shared["stats"]
        self.tokens: SelfcheckTokens = shared["tokens"]
        self.voted: set[int] = set()
        self.posters: set[int] = set()
        self.backoff_s = 0.0  # Retry-After of the last refusal, waited before the next action

    def _csrf(self) -> str:
        cookie = self.http.cookie_jar.filter_cookies(URL(self.base)).get("csrftoken")
        return cookie.value if cookie else ""

    async def call(
        self, method: str, path: str, route: str, expect: tuple[int, ...] = (200,), body: dict | None = None, **headers
    ) -> tuple[int, bytes]:
        if method == "POST":
            if not self._csrf():  # the landing page failed: a browser would have loaded a page with a form first
                await self.home()
            if not self._csrf():  # refused as well: no page, so nothing to click on yet
                return -2, b""
            headers["X-CSRFToken"] = self._csrf()
        started = time.perf_counter()
        refused = False
        try:
            async with self.http.request(
                method, self.base + path, json=body, headers=headers, allow_redirects=False
            ) as response:
                content = await response.read()
                status = response.status
                refused = status == 429 or (status == 503 and response.headers.get(SHED_HEADER) == "shed")
                if refused:
                    retry = response.headers.get("Retry-After", "")
                    self.backoff_s = max(self.backoff_s, min(float(retry) if retry.isdigit() else 5.0, 30.0))
        except TimeoutError:
            status, content = -1, b""
        except (aiohttp.ClientError, OSError):
            status, content = 0, b""
        self.stats.record(f"{method} {route}", status, (time.perf_counter() - started) * 1000, expect, refused)
        return status, content

    def think(self) -> float:
        return self.rng.uniform(*THINK_S)

    def some_entry(self, sport: str | None = None) -> tuple[int, str]:
        pool = [e for e in self.entries if e[1] == sport] if sport else self.entries
        return self.rng.choice(pool)

    async def load_posters(self, page: bytes, pattern: re.Pattern, limit: int) -> None:
        """The posters ``page`` shows (as a browser finds them: a card's thumbnail, a video's poster) that this fan
        has not loaded yet, at most ``limit``: a browser caches them."""
        urls = [u for u in dict.fromkeys(pattern.findall(page.decode(errors="replace"))) if u not in self.posters]
        fresh = self.rng.sample(urls, min(limit, len(urls)))
        self.posters.update(fresh)
        await asyncio.gather(*(self.call("GET", url, poster_route(url)) for url in fresh))

    async def gallery(self) -> None:
        sort = self.rng.choice(["new", "top", "arena"])
        sport = self.rng.choice([None, None, *SPORTS])
        _status, page = await self.call(
            "GET", f"/gallery/?sort={sort}" + (f"&sport={sport}" if sport else ""), "/gallery/"
        )
        await self.load_posters(page, CARD_POSTER, 3)

    async def entry(self) -> None:
        pk, _sport = self.some_entry()
        if self.rng.random() < 0.5:
            _status, page = await self.call("GET", f"/contest/entries/{pk}/", "/contest/entries/{id}/")
        else:
            _status, page = await self.call("GET", f"/gallery/entries/{pk}/", "/gallery/entries/{id}/")
        await self.load_posters(page, VIDEO_POSTER, 1)

    async def entries_page(self) -> None:
        order = self.rng.choice(["top", "new"])
        sport = self.rng.choice([None, None, None, *SPORTS])
        await self.call("GET", f"/contest/?order={order}" + (f"&sport={sport}" if sport else ""), "/contest/")

    async def home(self) -> None:
        await self.call("GET", "/", "/")

    async def api(self) -> None:
        pick = self.rng.randrange(5)
        if pick == 0:
            sport = self.rng.choice(SPORTS)
            await self.call("GET", f"/api/contest/entries/?sport={sport}", "/api/contest/entries/")
        elif pick == 1:
            await self.call("GET", f"/api/contest/entries/{self.some_entry()[0]}/", "/api/contest/entries/{id}/")
        elif pick == 2:
            await self.call("GET", "/api/contest/boards/", "/api/contest/boards/")
        elif pick == 3:
            await self.call("GET", "/api/contest/quotas/", "/api/contest/quotas/")
        else:
            await self.call("GET", "/contest/board/", "/contest/board/")

    async def like(self) -> None:
        choices = [pk for pk, _sport in self.entries if pk not in self.voted]
        if not choices:
            return
        pk = self.rng.choice(choices)
        self.voted.add(pk)
        body = {"value": 1 if self.rng.random() < 0.8 else -1}
        path, route = f"/api/contest/entries/{pk}/vote/", "/api/contest/entries/{id}/vote/"
        if self.rng.random() < 0.02:
            self.stats.double_clicks += 1
            statuses = await asyncio.gather(*(self.call("POST", path, route, (201, 409), body) for _ in range(2)))
            codes = sorted(status for status, _content in statuses)
            if codes != [201, 409] and all(code in (201, 409) for code in codes):
                self.stats.errors[f"POST {route}: double click answered {codes}"] += 1
        else:
            statuses = [await self.call("POST", path, route, (201,), body)]
        self.stats.likes += [(self.username, pk) for status, _content in statuses if status == 201]

    async def arena(self) -> None:
        status, content = await self.call("GET", "/api/contest/arena/pair/", "/api/contest/arena/pair/", (200, 204))
        if status != 200:
            return
        await asyncio.sleep(self.think())  # watching the two clips
        choice = self.rng.choice(["left", "right", "left", "right", "tie"])
        route = "/api/contest/arena/judgements/"
        status, content = await self.call(
            "POST", route, route, (201,), {"pair": json.loads(content)["pair"], "choice": choice}
        )
        if status == 201:
            self.stats.judgements.append((self.username, json.loads(content)["id"]))

    async def watch(self) -> None:
        """Make a "video" (a diagnostic job) and follow its progress on the socket until it is finished."""
        started = time.perf_counter()
        route = "/api/jobs/diagnostic/"
        status, content = await self.call(
            "POST", route, route, (201,), {"steps": 5, "delay_s": 0.1}, **{self.tokens.header: self.tokens.current()}
        )
        if status != 201:
            return
        job = json.loads(content)["id"]
        last = None
        try:
            async with asyncio.timeout(WATCH_TIMEOUT_S):
                async with self.http.ws_connect(
                    self.base.replace("http", "ws", 1) + f"/ws/jobs/{job}/", headers={"Origin": self.base}
                ) as socket:
                    self.stats.sockets += 1
                    async for message in socket:
                        if message.type != aiohttp.WSMsgType.TEXT:
                            break
                        self.stats.frames += 1
                        snapshot = json.loads(message.data)
                        if snapshot.get("type") == "job":
                            last = snapshot["status"]
                            if last in FINISHED:
                                break
        except TimeoutError:
            self.stats.errors["WS /ws/jobs/{id}/: not finished within 60 s"] += 1
            return
        except (aiohttp.ClientError, OSError) as exc:
            self.stats.errors[f"WS /ws/jobs/{{id}}/: {type(exc).__name__}"] += 1
            return
        if last != "succeeded":
            self.stats.errors[f"WS /ws/jobs/{{id}}/: ended with {last}"] += 1
            return
        self.stats.watch_ms.append((time.perf_counter() - started) * 1000)
        await self.call("GET", f"/api/jobs/{job}/", "/api/jobs/{id}/")

    async def run(self, start: float, end: float, watch_at: float | None) -> None:
        actions = list(MIX)
        weights = list(MIX.values())
        # Fans arrive over one longest think time, as they go on at that pace: a fixed 2 s (the aggressive pace's
        # think time) made 200 fans at a human pace land in a burst 2.5 times their steady rate.
        await asyncio.sleep(self.rng.uniform(0, THINK_S[1]))
        await self.home()  # landing: sets the CSRF cookie
        while True:
            await asyncio.sleep(self.backoff_s or self.think())
            self.backoff_s = 0.0
            now = time.monotonic()
            if now >= end:
                return
            if watch_at is not None and now >= start + watch_at:
                watch_at = None
                await self.watch()
                continue
            action = self.rng.choices(actions, weights)[0]
            await getattr(self, "entries_page" if action == "entries" else action)()


async def drive(url: str, seeded: dict, duration: float, seed: int, tokens: SelfcheckTokens) -> tuple[Stats, float]:
    stats = Stats()
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_S)
    sessions, fans = [], []
    entries = [tuple(e) for e in seeded["entries"]]
    for i, (username, key) in enumerate(seeded["fans"]):
        http = aiohttp.ClientSession(
            connector=connector, connector_owner=False, cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=timeout
        )
        sessions.append(http)
        fans.append(
            Fan(
                url,
                username,
                key,
                http,
                rng=random.Random(seed * 1_000_003 + i),
                entries=entries,
                stats=stats,
                tokens=tokens,
            )
        )
    plan = random.Random(seed)
    makers = {i: plan.uniform(0, 0.7 * duration) for i in range(len(fans)) if plan.random() < MAKERS}
    start = time.monotonic()
    cpu = time.process_time()
    stats.end = start + duration
    try:
        await asyncio.gather(*(fan.run(start, stats.end, makers.get(i)) for i, fan in enumerate(fans)))
    finally:
        await asyncio.gather(*(http.close() for http in sessions))
        await connector.close()
    stats.client_cpu_s = time.process_time() - cpu
    return stats, time.monotonic() - start


def poster_route(url: str) -> str:
    """The route a poster URL is tallied under: the view that makes a thumbnail, or a file under /media/."""
    return "/gallery/posters/{id}.jpg" if url.startswith("/gallery/posters/") else "/media/{poster}"


def run(
    mode: str, url: str, env: dict[str, str], args: argparse.Namespace, tokens: SelfcheckTokens, server_env: dict
) -> list[tuple[str, float, str]]:
    manage({**env, "DEBUG": "1"}, "seed_demo")  # the demo data is only loaded in DEBUG; the server runs without
    seeded = shell(
        env, f"ARGS = {json.dumps({'fans': args.fans, 'entries': EXTRA_ENTRIES, 'sports': SPORTS})}\n" + SEED
    )
    stats, elapsed = asyncio.run(drive(url, seeded, args.duration, args.seed, tokens))
    audit = shell(env, AUDIT)
    accepted = set(stats.likes) | {tuple(j) for j in stats.judgements}
    stored = {tuple(v) for v in audit["votes"]} | {tuple(j) for j in audit["judgements"]}
    lost = len(accepted - stored)
    unacknowledged = len(stored - accepted)
    duplicated = len(stats.likes) - len(set(stats.likes))
    drift = abs(audit["likes"] + audit["dislikes"] - audit["votes_counted"]) + abs(
        audit["comparisons"] - 2 * audit["judgements_counted"]
    )
    errors = sum(stats.errors.values())
    print(f"# {mode}: server env {server_env}; per route (n, p50 ms, p95 ms, max ms, refused):", file=sys.stderr)
    for route, values in sorted(stats.routes.items(), key=lambda item: -percentile(item[1], 95)):
        print(
            f"#   {route:48} {len(values):6d} {statistics.median(values):9.1f} {percentile(values, 95):9.1f}"
            f" {max(values):9.1f} {stats.refused_routes[route]:6d}",
            file=sys.stderr,
        )
    for kind, count in stats.errors.most_common():
        print(f"#   error {kind}: {count}", file=sys.stderr)
    sys.stderr.flush()
    # (name, value, unit): printed per run, and as median and spread over the runs by main().
    return [
        (f"{mode}_load_rps", stats.in_window / args.duration, "req/s"),
        (f"{mode}_load_ms_p95", percentile(stats.latencies, 95), "ms"),
        (f"{mode}_load_errors", errors, "errors"),
        (f"{mode}_load_refused", len(stats.refused_ms), "requests"),
        (f"{mode}_load_refused_ms_p95", percentile(stats.refused_ms, 95), "ms"),
        (f"{mode}_load_votes_lost", lost, "votes"),
        (f"{mode}_load_ms_p50", percentile(stats.latencies, 50), "ms"),
        (f"{mode}_load_requests", len(stats.latencies), "requests"),
        (f"{mode}_load_votes_accepted", len(stats.likes) + len(stats.judgements), "votes"),
        (f"{mode}_load_votes_duplicated", duplicated, "votes"),
        (f"{mode}_load_votes_unacknowledged", unacknowledged, "votes"),
        (f"{mode}_load_counter_drift", drift, "votes"),
        (f"{mode}_load_ws_sockets", stats.sockets, "sockets"),
        (f"{mode}_load_ws_frames", stats.frames, "frames"),
        (f"{mode}_load_watch_ms_p50", percentile(stats.watch_ms, 50), "ms"),
        (f"{mode}_load_watch_ms_p95", percentile(stats.watch_ms, 95), "ms"),
        (f"{mode}_load_client_cpu", stats.client_cpu_s / elapsed * 100, "% of one core"),
    ]


def report(figures: list[list[tuple[str, float, str]]]) -> None:
    """One line per figure: the value of a single run, or the median of several with min and max."""
    for i, (name, _value, unit) in enumerate(figures[0]):
        values = [run[i][1] for run in figures]
        spread = f" (min {min(values):.1f}, max {max(values):.1f}, {len(values)} runs)" if len(values) > 1 else ""
        print(f"{name}: {statistics.median(values):.1f} {unit}{spread}")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fans", type=int, default=500)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds")
    parser.add_argument("--mode", choices=["embedded", "distributed", "both"], default="both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the servers' logs and files in this folder")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="more server settings")
    parser.add_argument("--debug", action="store_true", help="run the servers with DEBUG on (default: off)")
    parser.add_argument("--think", default="0.5,2", help="a fan's think time between actions, min,max seconds")
    parser.add_argument("--runs", type=int, default=1, help="runs per mode; figures are medians with min and max")
    args = parser.parse_args()
    global THINK_S
    THINK_S = tuple(float(v) for v in args.think.split(","))
    server_env = {**SERVER_ENV, **dict(item.split("=", 1) for item in args.env)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        if not args.debug:
            server_env = {**PRODUCTION_ENV, "STATIC_ROOT": str(folder / "static"), **server_env}
            # The selfcheck tokens are signed with the servers' key; the manifest of static files must exist
            # before a server with DEBUG off starts.
            os.environ.update(DEBUG="0", SECRET_KEY=server_env["SECRET_KEY"])
            manage({**os.environ, **server_env}, "collectstatic", "--noinput", "-v0")
        tokens = SelfcheckTokens()
        for mode in ["embedded", "distributed"] if args.mode == "both" else [args.mode]:
            figures = []
            for number in range(1, args.runs + 1):
                where = folder / f"{mode}-{number}" if args.runs > 1 else folder / mode
                if mode == "embedded":
                    site = embedded_site(where, **server_env)
                else:  # the production layout: nginx, two Daphnes, workers and beat (scripts/run-distributed.sh)
                    site = distributed_stack(where, **server_env)
                with site as (url, env, *_script):
                    figures.append(run(mode, url, env, args, tokens, server_env))
                if args.runs > 1:
                    print(f"# {mode} run {number}: " + ", ".join(f"{n} {v:.1f}" for n, v, _u in figures[-1]))
            report(figures)


if __name__ == "__main__":
    main()
