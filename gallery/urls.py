from django.urls import path

from . import views

app_name = "gallery"

urlpatterns = [
    path("gallery/", views.gallery, name="gallery"),
    path("gallery/entries/<int:entry_id>/", views.entry, name="entry"),
    path("gallery/entries/<int:entry_id>/report/", views.report, name="report"),
    path("gallery/posters/<int:entry_id>.jpg", views.poster, name="poster"),
    path("gallery/entries/<int:entry_id>/timeslice/", views.timeslice_start, name="timeslice_start"),
    path("gallery/timeslices/<uuid:job_id>/", views.timeslice, name="timeslice"),
    path("museum/", views.museum, name="museum"),
    path("museum/sw.js", views.museum_service_worker, name="museum_sw"),
    path("museum/winners/", views.museum_winners, name="winners"),
    path("museum/<slug:slug>/", views.museum_screen, name="screen"),
    path("museum/<slug:slug>/playlist.json", views.museum_playlist, name="playlist"),
    path("museum/<slug:slug>/heartbeat/", views.museum_heartbeat, name="heartbeat"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/bulk/", views.bulk, name="bulk"),
    path("moderation/screens/", views.screens, name="screens"),
    path("moderation/screens/<slug:slug>/pair/", views.pair_screen, name="pair_screen"),
    path("moderation/films/", views.films, name="films"),
    path("moderation/collections/<int:collection_id>/", views.collection_order, name="collection_order"),
    path("moderation/films/<uuid:job_id>/", views.film, name="film"),
    path("moderation/entries/<int:entry_id>/claim/", views.claim, name="claim"),
    path("moderation/entries/<int:entry_id>/decide/", views.decide, name="decide"),
    path("moderation/entries/<int:entry_id>/log/", views.entry_log, name="entry_log"),
    path("moderation/system-check/", views.system_check, name="system_check"),
]
