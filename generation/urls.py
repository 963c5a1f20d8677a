from django.urls import path

from . import api

app_name = "jobs"

urlpatterns = [
    path("prompts/parse/", api.PromptParse.as_view(), name="parse"),
    path("jobs/diagnostic/", api.DiagnosticJobCreate.as_view(), name="diagnostic"),
    path("jobs/<uuid:job_id>/", api.JobDetail.as_view(), name="detail"),
    path("jobs/<uuid:job_id>/cancel/", api.JobCancel.as_view(), name="cancel"),
]
