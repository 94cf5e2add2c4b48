from django.urls import path

from . import config_views, views

app_name = "supervision"
urlpatterns = [
    path("supervision/", views.dashboard, name="dashboard"),
    path("supervision/lights/", views.light_list, name="light-list"),
    path("supervision/reporting/", views.reporting_list, name="reporting-list"),
    path("supervision/notices/", views.notice_list, name="notice-list"),
    path("supervision/notices/<int:pk>/", views.notice_detail, name="notice-detail"),
    path("supervision/notices/<int:pk>/docx/", views.notice_docx, name="notice-docx"),
    path("supervision/notices/<int:pk>/sign/", views.notice_sign, name="notice-sign"),
    path("supervision/requests/", views.request_list, name="request-list"),
    path("supervision/requests/<int:pk>/", views.request_detail, name="request-detail"),
    path("supervision/request-files/<int:pk>/", views.request_file, name="request-file"),
    path("supervision/tasks/<int:pk>/", views.task_supervision, name="task-supervision"),
    path("supervision/tasks/<int:pk>/request/", views.request_new, name="request-new"),
    path("supervision/tasks/<int:pk>/suspend/", views.task_suspend, name="task-suspend"),
    path("supervision/suspensions/<int:pk>/lift/", views.suspension_lift, name="suspension-lift"),
    path("supervision/copies/", views.copy_list, name="copy-list"),
    path("supervision/copies/<int:pk>/", views.copy_detail, name="copy-detail"),
    path("supervision/assessment/", views.assessment, name="assessment"),
    path("supervision/burden/", views.burden_view, name="burden"),
    path("supervision/holidays/", views.holidays, name="holidays"),
    path("supervision/channels/", config_views.channel_list, name="channel-list"),
    path("supervision/channels/new/", config_views.channel_edit, name="channel-new"),
    path("supervision/channels/<int:pk>/", config_views.channel_edit, name="channel-edit"),
    path("supervision/channels/<int:pk>/toggle/", config_views.channel_toggle, name="channel-toggle"),
    path("supervision/channels/<int:pk>/test/", config_views.channel_test, name="channel-test"),
    path("supervision/schedules/", config_views.schedule_list, name="schedule-list"),
    path("supervision/schedules/<int:pk>/", config_views.schedule_edit, name="schedule-edit"),
    path("supervision/rules/", config_views.rules_edit, name="rules"),
]
