"""``/me/<token>/``: what a visitor takes home from the kiosk."""

from django.urls import path

from . import views

app_name = "take_home"

urlpatterns = [
    path("<str:token>/", views.take_home_page, name="visit"),
]
