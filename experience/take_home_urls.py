"""``/me/<token>/``: what a visitor takes home from the kiosk (filled in by the kiosk journey)."""

app_name = "take_home"

urlpatterns: list = []
