"""The Celery application. Tasks live beside the services they adapt (``<app>/tasks.py``)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")

app = Celery("wonder")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
