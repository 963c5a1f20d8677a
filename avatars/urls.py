from django.urls import path

from . import views

app_name = "avatars"

urlpatterns = [
    path("", views.intro, name="intro"),
    path("capture/", views.capture, name="capture"),
    path("withdraw/", views.withdraw, name="withdraw"),
    path("pick/", views.pick, name="pick"),
    path("base/<slug:slug>.png", views.base_image, name="base_image"),
    path("selfie/<uuid:capture_id>/", views.selfie, name="selfie"),
    path("look/", views.look, name="look"),
    path("a/<uuid:avatar_id>/", views.result, name="result"),
    path("me/<str:token>/", views.take_home, name="take_home"),
    path("me/<str:token>/delete/", views.delete_now, name="delete_now"),
    path("me/<str:token>/claim/", views.claim, name="claim"),
    path("me/<str:token>/upload/", views.phone_upload, name="phone_upload"),
]
