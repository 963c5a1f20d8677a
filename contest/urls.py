from django.urls import path

from . import views

app_name = "contest"

urlpatterns = [
    path("", views.home, name="home"),
    path("contest/", views.entries, name="entries"),
    path("contest/videos/", views.create_video, name="create"),
    path("contest/videos/<uuid:job_id>/", views.video, name="video"),
]
