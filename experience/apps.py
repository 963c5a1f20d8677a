from django.apps import AppConfig


class ExperienceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "experience"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from generation.models import Job

        from . import services

        # generation knows nothing of the kiosk: the kiosk hears when one of its agent runs ends, and adopts the
        # plan at once, so a re-plan reaches the visitor's phone even when no kiosk screen asks for it.
        post_save.connect(services.on_job_saved, sender=Job, dispatch_uid="experience.adopt_finished_run")
