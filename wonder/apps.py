from django.apps import AppConfig
from django.db.models.signals import pre_save


class WonderConfig(AppConfig):
    """The project package as an app: project-wide signal receivers (nothing else: no models, no templates)."""

    name = "wonder"

    def ready(self) -> None:
        from .text import strip_model_text

        pre_save.connect(strip_model_text, dispatch_uid="wonder.strip_bidi")
