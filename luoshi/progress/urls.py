from django.urls import path

from . import views

app_name = "progress"
urlpatterns = [
    path("my/", views.my_unit, name="my-unit"),
    path("review/", views.review_queue, name="review-queue"),
    path("tasks/<int:pk>/report/", views.report_for_task, name="report-for-task"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report-edit"),
    path("reports/<int:pk>/evidence/", views.evidence_upload, name="evidence-upload"),
    path("reports/<int:pk>/<slug:action>/", views.report_action, name="report-action"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence-download"),
    path("evidence/<int:pk>/withdraw/", views.evidence_withdraw, name="evidence-withdraw"),
]
