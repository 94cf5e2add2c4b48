from django.urls import path

from . import views

app_name = "alignment"

urlpatterns = [
    path("decisions/<int:pk>/alignment/", views.plan_list, name="plans"),
    path("alignment/<int:pk>/", views.plan_detail, name="plan"),
    path("alignment/<int:pk>/export.xlsx", views.plan_export, name="plan-export"),
    path("alignment/<int:pk>/correct/", views.plan_correct, name="plan-correct"),
    path("alignment/<int:pk>/confirm/", views.plan_confirm, name="plan-confirm"),
    path("alignment/synonyms/", views.synonyms, name="synonyms"),
]
