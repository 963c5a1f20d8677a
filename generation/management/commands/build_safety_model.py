"""Fit the prompt-safety classifier and cache it in var/models (make run and make test run this)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from generation.prompting import safety_model


class Command(BaseCommand):
    help = "Fit the prompt-safety classifier (a no-op when the cached model matches the training data)."

    def handle(self, *args: object, **options: object) -> None:
        start = time.perf_counter()
        cached = safety_model.model_path().exists()
        path = safety_model.ensure_model()
        verb = "Up to date" if cached else f"Fitted in {time.perf_counter() - start:.1f} s"
        self.stdout.write(f"{verb}: {path}")
