from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("dashboard/", views.index, name="index"),
    path("dashboard/units/", views.units, name="units"),
    path("dashboard/refresh/", views.refresh, name="refresh"),
]
