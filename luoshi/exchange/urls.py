from django.urls import path
from django.utils.translation import gettext_noop

from . import report_views, views

app_name = "exchange"
urlpatterns = [
    path("exchange/tasks.xlsx", views.export, name="export"),
    path("exchange/import/", views.upload, name="import-upload"),
    path("exchange/import/<int:pk>/", views.preview, name="import-preview"),
    path("exchange/report/", report_views.report_page, name="report"),
    path("exchange/report/download/", report_views.report_download, name="report-download"),
]

# Labels the ledger's task list and the site's navigation show for this app's screens (kept here so that they are in this
# app's catalogue).
LABELS = (gettext_noop("导出 Excel（任务分工方案）"), gettext_noop("导入 Excel"), gettext_noop("情况报告"))
