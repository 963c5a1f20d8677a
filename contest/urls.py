from django.urls import path

from . import api, views

app_name = "contest"

urlpatterns = [
    path("", views.home, name="home"),
    path("contest/", views.entries, name="entries"),
    path("contest/parse/", views.parse, name="parse"),
    path("contest/videos/", views.create_video, name="create"),
    path("contest/videos/<uuid:job_id>/", views.video, name="video"),
    path("contest/videos/<uuid:job_id>/enter/", views.enter, name="enter"),
    path("contest/s/<str:token>/", views.share, name="share"),
    path("contest/entries/<int:entry_id>/", views.entry, name="entry"),
    path("contest/entries/<int:entry_id>/vote/", views.vote, name="vote"),
    path("contest/arena/", views.arena, name="arena"),
    path("contest/board/", views.board, name="board"),
    path("contest/results/", views.results, name="results"),
    path("contest/<slug:slug>/how-winners-are-chosen/", views.how_chosen, name="how_chosen"),
    path("contest/me/", views.me, name="me"),
    path("contest/jury/", views.jury, name="jury"),
    # The API (DESIGN.md: /api/ is DRF); included here so the contest's routes stay in one place.
    path("api/contest/videos/", api.VideoCreate.as_view(), name="api-videos"),
    path("api/contest/quotas/", api.Quotas.as_view(), name="api-quotas"),
    path("api/contest/entries/", api.EntryList.as_view(), name="api-entries"),
    path("api/contest/entries/<int:entry_id>/", api.EntryDetail.as_view(), name="api-entry"),
    path("api/contest/entries/<int:entry_id>/submit/", api.EntrySubmit.as_view(), name="api-submit"),
    path("api/contest/entries/<int:entry_id>/vote/", api.VoteCreate.as_view(), name="api-vote"),
    path("api/contest/entries/<int:entry_id>/scores/", api.ScoreCreate.as_view(), name="api-scores"),
    path("api/contest/entries/<int:entry_id>/approve/", api.EntryApprove.as_view(), name="api-approve"),
    path("api/contest/entries/<int:entry_id>/reject/", api.EntryReject.as_view(), name="api-reject"),
    path("api/contest/arena/pair/", api.ArenaPair.as_view(), name="api-arena-pair"),
    path("api/contest/arena/judgements/", api.JudgementCreate.as_view(), name="api-arena-judge"),
    path("api/contest/boards/", api.Boards.as_view(), name="api-boards"),
    path("api/contest/results/", api.Results.as_view(), name="api-results"),
]
