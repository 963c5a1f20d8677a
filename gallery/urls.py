from django.urls import path

from . import views

app_name = "gallery"

urlpatterns = [
    path("gallery/", views.gallery, name="gallery"),
    path("museum/", views.museum, name="museum"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/system-check/", views.system_check, name="system_check"),
]
