"""Closed-loop HTTP/1.1 load on one page of a running server: how many requests a second one server process
serves, without a browser's think time.

    python bench/http_rate.py http://127.0.0.1:8000/contest/ [--connections 8] [--seconds 15] [--warmup 3]

Each connection sends a GET, reads the whole answer, and sends the next one at once (keep-alive), for the given
time. Prints `name: value unit` lines: `http_rps`, `http_ms_p50`, `http_ms_p95` and `http_not_ok` (answers other
than 200; a redirect to HTTPS means the server needs `WONDER_HTTPS=0`). Used to compare HTTP servers on the same
page (`bench/RESULTS.md`, fourth session); the client is plain asyncio streams so that it costs the shared cores
little.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from urllib.parse import urlsplit


async def _connection(host: str, port: int, path: str, stop: float, latencies: list[float], bad: list[bytes]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Language: en\r\n\r\n".encode()
    try:
        while time.perf_counter() < stop:
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            headers = head.lower().split(b"\r\n")
            length = next((int(h.split(b":")[1]) for h in headers if h.startswith(b"content-length:")), 0)
            if any(h.startswith(b"transfer-encoding:") and b"chunked" in h for h in headers):
                while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
                    await reader.readexactly(size + 2)
                await reader.readexactly(2)
            else:
                await reader.readexactly(length)
            if not head.startswith(b"HTTP/1.1 200"):
                bad.append(head[:12])
            latencies.append(time.perf_counter() - started)
    finally:
        writer.close()


async def measure(url: str, connections: int, seconds: float) -> tuple[list[float], list[bytes]]:
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    latencies: list[float] = []
    bad: list[bytes] = []
    stop = time.perf_counter() + seconds
    await asyncio.gather(
        *(
            _connection(parts.hostname or "127.0.0.1", parts.port or 80, path, stop, latencies, bad)
            for _ in range(connections)
        )
    )
    return latencies, bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load before measuring")
    args = parser.parse_args()
    if args.warmup:
        asyncio.run(measure(args.url, args.connections, args.warmup))
    latencies, bad = asyncio.run(measure(args.url, args.connections, args.seconds))
    latencies.sort()
    if not latencies:
        raise SystemExit("no answer")
    print(f"http_rps: {len(latencies) / args.seconds:.1f} req/s")
    print(f"http_ms_p50: {1000 * latencies[len(latencies) // 2]:.1f} ms")
    print(f"http_ms_p95: {1000 * latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]:.1f} ms")
    print(f"http_not_ok: {len(bad)} answers")


if __name__ == "__main__":
    main()
