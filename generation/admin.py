from django.contrib import admin

from .models import Job, WorkerBeat


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "engine", "status", "progress", "stage", "attempts", "created", "finished")
    list_filter = ("status", "kind", "engine", "queue")
    search_fields = ("id", "error_code", "worker")
    readonly_fields = [f.name for f in Job._meta.fields]


@admin.register(WorkerBeat)
class WorkerBeatAdmin(admin.ModelAdmin):
    list_display = ("hostname", "queues", "last_seen")
