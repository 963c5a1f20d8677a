from django.urls import path

from . import api, views

app_name = "experience"

urlpatterns = [
    path("", views.kiosk, name="kiosk"),
    path("language/", views.language, name="language"),
    path("start/", views.start, name="start"),
    path("visit/quiz/", views.quiz, name="quiz"),
    path("visit/plan/", views.plan, name="plan"),
    path("visit/plan/retry/", views.retry, name="retry"),
    path("visit/plan/change/", views.change, name="change"),
    path("visit/for-you/", views.recommendations, name="recommendations"),
    path("visit/take-home/", views.take_home, name="take_home"),
    path("visit/end/", views.end, name="end"),
    path("staff/", views.staff, name="staff"),
    path("staff/zones/<slug:slug>/", views.staff_zone, name="staff_zone"),
    path("api/zones/", api.ZoneStatusList.as_view(), name="api_zones"),
    path("api/zones/<slug:slug>/status/", api.ZoneStatusDetail.as_view(), name="api_zone_status"),
]
