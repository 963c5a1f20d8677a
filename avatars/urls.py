from django.urls import path

from . import views

app_name = "avatars"

urlpatterns = [
    path("", views.intro, name="intro"),
]
