from django.apps import AppConfig


class GenerationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "generation"

    def ready(self) -> None:
        from . import tasks  # noqa: F401  (registers the tasks and the worker signals)
