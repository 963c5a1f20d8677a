from django.contrib import admin

from .models import Avatar


@admin.register(Avatar)
class AvatarAdmin(admin.ModelAdmin):
    """Avatars only: captures (selfies, embeddings) are deliberately not browsable, even by staff."""

    list_display = ("id", "style", "sport", "created", "expires_at", "owner")
    list_filter = ("style", "sport")
    readonly_fields = ("token", "session_key", "capture", "job")
