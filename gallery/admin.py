"""The admin for curation: collections with ordered entries, exhibitions, screens and their playlists; reports and
the audit log read-only (they are records, not settings)."""

from django.contrib import admin

from .models import Collection, CollectionItem, Exhibition, ModerationLog, PlaylistItem, Report, Screen


class CollectionItemInline(admin.TabularInline):
    model = CollectionItem
    raw_id_fields = ["entry"]
    extra = 1


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "created"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CollectionItemInline]


@admin.register(Exhibition)
class ExhibitionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "collection", "start", "end"]
    filter_horizontal = ["screens"]


class PlaylistItemInline(admin.TabularInline):
    model = PlaylistItem
    raw_id_fields = ["entry"]
    extra = 1


@admin.register(Screen)
class ScreenAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "status", "last_heartbeat"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["last_heartbeat", "status", "now_playing", "playlist_version"]
    inlines = [PlaylistItemInline]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["entry", "reason", "reporter", "created", "resolved"]
    list_filter = ["reason", "resolved"]
    raw_id_fields = ["entry", "reporter", "resolved_by"]


@admin.register(ModerationLog)
class ModerationLogAdmin(admin.ModelAdmin):
    list_display = ["entry", "action", "actor", "created"]
    list_filter = ["action"]
    raw_id_fields = ["entry", "actor"]

    def has_change_permission(self, request, obj=None):
        return False  # the audit record is not edited by hand

    def has_delete_permission(self, request, obj=None):
        return False
