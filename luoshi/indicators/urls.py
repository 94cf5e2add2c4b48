from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("indicators/", views.overview, name="overview"),
    path("indicators/targets/<int:pk>/", views.target_detail, name="target-detail"),
    path("indicators/targets/<int:pk>/chart.svg", views.target_chart, name="target-chart"),
    path("indicators/targets/<int:pk>/override/", views.target_override, name="target-override"),
    path("indicators/targets/<int:pk>/link/", views.target_link, name="target-link"),
    path("indicators/targets/<int:pk>/method/", views.target_method, name="target-method"),
    path("indicators/decisions/<int:pk>/method/", views.decision_method, name="decision-method"),
    path("indicators/series/", views.indicator_list, name="indicator-list"),
    path("indicators/series/new/", views.indicator_new, name="indicator-new"),
    path("indicators/series/<int:pk>/", views.indicator_detail, name="indicator-detail"),
    path("indicators/series/<int:pk>/observations/", views.observation_add, name="observation-add"),
    path("indicators/series/<int:pk>/breaks/", views.break_add, name="break-add"),
    path(
        "indicators/observations/<int:pk>/withdraw/", views.observation_withdraw, name="observation-withdraw"
    ),
    path("indicators/breaks/<int:pk>/withdraw/", views.break_withdraw, name="break-withdraw"),
    path("indicators/aliases/", views.alias_add, name="alias-add"),
    path("indicators/aliases/<int:pk>/toggle/", views.alias_toggle, name="alias-toggle"),
    path("indicators/import/", views.import_file, name="import"),
]
