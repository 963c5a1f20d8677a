from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve HTTP and WebSockets with Daphne; in embedded mode also run the Celery worker in-process."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-worker", action="store_true", help="Don't start the in-process worker.")
        parser.add_argument("--workers", type=int, default=2, help="Threads of the in-process worker.")

    def handle(self, *args, host: str, port: int, no_worker: bool, workers: int, **options) -> None:
        from daphne.endpoints import build_endpoint_description_strings
        from daphne.server import Server

        from generation.embedded import start_embedded_worker
        from wonder.asgi import application

        if settings.WONDER_EMBEDDED_WORKER and not no_worker:
            start_embedded_worker(concurrency=workers)
            mode = "embedded worker, memory:// broker, in-memory channel layer"
        else:
            mode = f"broker {settings.CELERY_BROKER_URL.split('@')[-1]}, no in-process worker"
        self.stdout.write(f"Wonder is serving http://{host}:{port}/ ({mode}). Stop with Ctrl-C.", ending="\n")
        self.stdout.flush()
        Server(
            application=application,
            endpoints=build_endpoint_description_strings(host=host, port=port),
            signal_handlers=True,
            action_logger=None,
            websocket_handshake_timeout=10,
        ).run()
