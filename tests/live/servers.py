"""Real servers for live tests and benchmarks: the embedded site, and the distributed stack on Redis + PostgreSQL."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(base_url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base_url + "/readyz", timeout=2) as response:
                if json.load(response)["status"] == "ready":
                    return
        except Exception as exc:  # not up yet
            last = exc
        time.sleep(0.2)
    raise TimeoutError(f"{base_url} not ready: {last}")


def spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    # A session of its own, so the whole process group (a worker and its children) can be killed at once.
    return subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Stop the process and its whole group. The group is signalled even when its leader is gone already: a
    server killed by a test leaves its worker pool's children behind, still in the group."""
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and (process.poll() is None or _group_alive(process.pid)):
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def base_env(tmp: Path, **extra: str) -> dict[str, str]:
    tmp.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="wonder.settings",
        WONDER_VAR_DIR=str(tmp),
        MEDIA_ROOT=str(tmp / "media"),
        WONDER_JOB_HEARTBEAT_S="0.5",
        WONDER_WORKER_BEAT_S="1",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


@contextmanager
def embedded_site(tmp: Path, **extra: str):
    """``manage.py serve`` with its in-process worker on a fresh SQLite database; yields (url, env)."""
    env = base_env(tmp, SQLITE_PATH=str(tmp / "site.sqlite3"), **extra)
    manage(env, "migrate", "-v0")
    port = free_port()
    server = spawn([PYTHON, "manage.py", "serve", "--port", str(port)], env, tmp / "serve.log")
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process=server)
        yield url, env
    finally:
        stop(server)


def distributed_env(tmp: Path, **extra: str) -> dict[str, str]:
    """Start Redis and PostgreSQL if needed (deploy/dev-services.sh) and create a fresh database for this run."""
    output = subprocess.run(
        [str(ROOT / "deploy/dev-services.sh"), "start"], check=True, capture_output=True, text=True
    ).stdout
    services = dict(line.split("=", 1) for line in output.split() if "=" in line)
    import psycopg
    import redis

    name = f"wonder_{uuid.uuid4().hex[:10]}"
    admin_url = services["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    redis_db = 1 + (os.getpid() % 14)
    redis_url = services["REDIS_URL"].rsplit("/", 1)[0] + f"/{redis_db}"
    redis.Redis.from_url(redis_url).flushdb()
    env = base_env(tmp, DATABASE_URL=services["DATABASE_URL"].rsplit("/", 1)[0] + f"/{name}", REDIS_URL=redis_url)
    env.update(extra)
    manage(env, "migrate", "-v0")
    return env


def drop_database(env: dict[str, str]) -> None:
    """Remove the run's database again, so runs do not pile databases up in the shared PostgreSQL."""
    import psycopg

    name = env["DATABASE_URL"].rsplit("/", 1)[1]
    admin_url = env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except psycopg.Error as exc:  # e.g. a test that stopped PostgreSQL itself
        print(f"could not drop {name}: {exc}", file=sys.stderr)


def start_worker(env: dict[str, str], tmp: Path, name: str, queues: str = "default,gpu") -> subprocess.Popen:
    celery = str(Path(PYTHON).with_name("celery"))
    return spawn(
        [celery, "-A", "wonder", "worker", "-Q", queues, "-c", "1", "-n", f"{name}@%h", "--loglevel", "WARNING"],
        env,
        tmp / f"{name}.log",
    )


@contextmanager
def distributed_site(tmp: Path, **extra: str):
    """Daphne (no in-process worker) + a separate Celery worker on Redis and PostgreSQL; yields (url, env, workers)."""
    env = distributed_env(tmp, **extra)
    port = free_port()
    server = spawn([PYTHON, "manage.py", "serve", "--port", str(port)], env, tmp / "serve.log")
    workers = [start_worker(env, tmp, "w1")]
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process=server)
        yield url, env, workers
    finally:
        for worker in workers:
            stop(worker)
        stop(server)
        drop_database(env)


def log_tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else "(no log)"


@contextmanager
def distributed_stack(tmp: Path, **extra: str):
    """``scripts/run-distributed.sh`` (nginx, two Daphnes, workers, beat) on a fresh database and Redis database.

    Yields (url, env, script): nginx's URL, the environment and the script's process (a session of its own).
    """
    env = distributed_env(tmp, **extra)
    env.update(HOST="127.0.0.1", PORT=str(free_port()), WEB_PORTS=f"{free_port()} {free_port()}")
    log = tmp / "stack.log"
    script = spawn([str(ROOT / "scripts/run-distributed.sh")], env, log)
    url = f"http://127.0.0.1:{env['PORT']}"
    try:
        try:
            # Migrations, the demo data (a few preview videos) and five Python processes on a busy machine.
            wait_ready(url, timeout=300, process=script)
        except (RuntimeError, TimeoutError) as exc:
            raise AssertionError(f"{exc}; the stack's log ends with:\n{log_tail(log)}") from exc
        yield url, env, script
    finally:
        stop(script)
        drop_database(env)
