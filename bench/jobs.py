"""Job spine latency, embedded and distributed: submit -> first socket event / -> succeeded, and fan-out.

    python bench/jobs.py [--jobs 200] [--sockets 200] [--client-processes 4] [--runs 1]
                         [--mode embedded|distributed|both]

Prints `name: value unit` lines. Starts its own servers (the distributed mode starts Redis and PostgreSQL
through deploy/dev-services.sh when they are not running).

Fan-out: one job watched by --sockets sockets, 5 rounds; the watching clients run in --client-processes processes
of their own (multiprocessing), so receiving and parsing their frames is not done by one Python process sharing
the server's cores, and the figure measures the server. "Publish" is the moment the cancel request is sent (an
upper bound: it includes that HTTP request); receipts are read on the system-wide monotonic clock.
With --runs N, each figure is printed as the median of N runs (fresh servers each run) with min-max.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import PRODUCTION_ENV  # noqa: E402
from tests.live.client import SiteClient, collect  # noqa: E402
from tests.live.servers import distributed_site, embedded_site, manage  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(round(q / 100 * (len(ordered) - 1))), len(ordered) - 1)]


async def job_latencies(url: str, jobs: int) -> tuple[list[float], list[float]]:
    client = SiteClient(url)
    loop = asyncio.get_running_loop()
    first, done = [], []
    for _ in range(jobs):
        started = time.perf_counter()
        snapshot = await loop.run_in_executor(None, client.start_diagnostic, 0, 0.0)
        async with client.connect(snapshot["id"]) as socket:
            message = json.loads(await socket.recv())
            first.append((time.perf_counter() - started) * 1000)
            if message["status"] != "succeeded":
                await collect(socket, until=lambda m: m["status"] == "succeeded")
            done.append((time.perf_counter() - started) * 1000)
    return first, done


async def _watch(url: str, job_id: str, cookie: str, count: int, ready) -> list[float]:
    """Open ``count`` sockets on the job, say ready, and return when each received "canceled" (monotonic s)."""
    client = SiteClient(url)
    connections = [await client.connect(job_id, cookie=cookie).__aenter__() for _ in range(count)]
    await asyncio.gather(*(socket.recv() for socket in connections))  # each got its snapshot on connect

    async def wait_canceled(socket) -> float:
        await collect(socket, until=lambda m: m["status"] == "canceled")
        return time.monotonic()

    waiters = [asyncio.create_task(wait_canceled(socket)) for socket in connections]
    ready.put(count)
    receipts = await asyncio.gather(*waiters)
    await asyncio.gather(*(socket.close() for socket in connections))
    return receipts


def watcher(url: str, tasks, ready, results) -> None:
    """One client process: for each (job id, cookie, count) it is given, watch the job on ``count`` sockets."""
    while (task := tasks.get()) is not None:
        job_id, cookie, count = task
        results.put(asyncio.run(_watch(url, job_id, cookie, count, ready)))


def fanout(url: str, sockets: int, processes: int, rounds: int = 5) -> list[float]:
    context = multiprocessing.get_context("spawn")  # no inherited event loops, locks or Django state
    tasks = [context.Queue() for _ in range(processes)]
    ready, results = context.Queue(), context.Queue()
    workers = [context.Process(target=watcher, args=(url, queue, ready, results)) for queue in tasks]
    for worker in workers:
        worker.start()
    client = SiteClient(url)
    receipts: list[float] = []
    try:
        for _ in range(rounds):
            snapshot = client.start_diagnostic(100, 0.5)
            shares = [sockets // processes + (1 if i < sockets % processes else 0) for i in range(processes)]
            for queue, share in zip(tasks, shares, strict=True):
                queue.put((snapshot["id"], client.cookie, share))
            opened = sum(ready.get(timeout=120) for _share in shares)
            assert opened == sockets, opened
            published = time.monotonic()
            status, _ = client.request(f"/api/jobs/{snapshot['id']}/cancel/", {})
            assert status == 200
            for _share in shares:
                receipts += [(t - published) * 1000 for t in results.get(timeout=120)]
    finally:
        for queue in tasks:
            queue.put(None)
        for worker in workers:
            worker.join(timeout=30)
    return receipts


def measure(mode: str, url: str, jobs: int, sockets: int, processes: int) -> dict[str, float]:
    first, done = asyncio.run(job_latencies(url, jobs))
    receipts = fanout(url, sockets, processes)
    return {
        f"{mode}_job_first_event_ms_p50": statistics.median(first),
        f"{mode}_job_done_ms_p50": statistics.median(done),
        f"{mode}_job_done_ms_p95": percentile(done, 95),
        f"{mode}_fanout_{sockets}_ms_p95": percentile(receipts, 95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=200)
    parser.add_argument("--sockets", type=int, default=200)
    parser.add_argument("--client-processes", type=int, default=4, help="processes for the fan-out's sockets")
    parser.add_argument("--runs", type=int, default=1, help="repeat with fresh servers; print median and spread")
    parser.add_argument("--mode", choices=["embedded", "distributed", "both"], default="both")
    args = parser.parse_args()
    modes = ["embedded", "distributed"] if args.mode == "both" else [args.mode]
    static = tempfile.TemporaryDirectory()
    # Production settings as in bench/load.py (DEBUG off, collected static files). The servers inherit this
    # environment, and the client signs its selfcheck tokens with the same SECRET_KEY.
    os.environ.update({**PRODUCTION_ENV, "STATIC_ROOT": static.name})
    manage(dict(os.environ), "collectstatic", "--noinput", "-v0")
    for mode in modes:
        runs: list[dict[str, float]] = []
        for run in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                site = embedded_site(Path(tmp) / mode) if mode == "embedded" else distributed_site(Path(tmp) / mode)
                with site as (url, *_rest):
                    runs.append(measure(mode, url, args.jobs, args.sockets, args.client_processes))
            if args.runs > 1:
                print(f"# {mode} run {run + 1}: " + ", ".join(f"{k} {v:.1f}" for k, v in runs[-1].items()))
        for name in runs[0]:
            values = [r[name] for r in runs]
            spread = f" (min {min(values):.1f}, max {max(values):.1f}, {len(values)} runs)" if len(values) > 1 else ""
            print(f"{name}: {statistics.median(values):.1f} ms{spread}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
