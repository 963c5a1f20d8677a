"""Job spine latency, embedded and distributed: submit -> first socket event / -> succeeded, and fan-out.

    python bench/jobs.py [--jobs 200] [--sockets 200] [--mode embedded|distributed|both]

Prints `name: value unit` lines. Starts its own servers (the distributed mode starts Redis and PostgreSQL
through deploy/dev-services.sh when they are not running).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.live.client import SiteClient, collect  # noqa: E402
from tests.live.servers import distributed_site, embedded_site  # noqa: E402


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


async def fanout(url: str, sockets: int, rounds: int = 5) -> list[float]:
    client = SiteClient(url)
    loop = asyncio.get_running_loop()
    receipts: list[float] = []
    for _ in range(rounds):
        snapshot = await loop.run_in_executor(None, client.start_diagnostic, 100, 0.5)
        connections = [await client.connect(snapshot["id"]).__aenter__() for _ in range(sockets)]
        await asyncio.gather(*(socket.recv() for socket in connections))  # each got its snapshot on connect

        async def wait_canceled(socket) -> float:
            await collect(socket, until=lambda m: m["status"] == "canceled")
            return time.perf_counter()

        waiters = [asyncio.create_task(wait_canceled(socket)) for socket in connections]
        published = time.perf_counter()
        status, _ = await loop.run_in_executor(None, client.request, f"/api/jobs/{snapshot['id']}/cancel/", {})
        assert status == 200
        receipts += [(t - published) * 1000 for t in await asyncio.gather(*waiters)]
        await asyncio.gather(*(socket.close() for socket in connections))
    return receipts


def report(mode: str, url: str, jobs: int, sockets: int) -> None:
    first, done = asyncio.run(job_latencies(url, jobs))
    receipts = asyncio.run(fanout(url, sockets))
    print(f"{mode}_job_first_event_ms_p50: {statistics.median(first):.1f} ms")
    print(f"{mode}_job_done_ms_p50: {statistics.median(done):.1f} ms")
    print(f"{mode}_job_done_ms_p95: {percentile(done, 95):.1f} ms")
    print(f"{mode}_fanout_{sockets}_ms_p95: {percentile(receipts, 95):.1f} ms")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=200)
    parser.add_argument("--sockets", type=int, default=200)
    parser.add_argument("--mode", choices=["embedded", "distributed", "both"], default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.mode in ("embedded", "both"):
            with embedded_site(Path(tmp) / "embedded") as (url, _env):
                report("embedded", url, args.jobs, args.sockets)
        if args.mode in ("distributed", "both"):
            with distributed_site(Path(tmp) / "distributed") as (url, _env, _workers):
                report("distributed", url, args.jobs, args.sockets)


if __name__ == "__main__":
    main()
