from django.urls import path

from . import views

app_name = "study"
urlpatterns = [
    path("study/", views.index, name="index"),
    path("study/decisions/<int:pk>/", views.decision_coverage, name="coverage"),
    path("study/decisions/<int:pk>/urge/", views.urge, name="urge"),
    path("study/decisions/<int:pk>/guide/", views.guide, name="guide"),
    path("study/decisions/<int:pk>/guide/generate/", views.guide_generate, name="generate"),
    path("study/decisions/<int:pk>/guide.docx", views.bank_docx, name="bank-docx"),
    path("study/decisions/<int:pk>/guide.xlsx", views.bank_xlsx, name="bank-xlsx"),
    path("study/decisions/<int:pk>/quiz/", views.quiz, name="quiz"),
    path("study/questions/<int:pk>/edit/", views.question_edit, name="question-edit"),
    path("study/questions/<int:pk>/reject/", views.question_reject, name="question-reject"),
    path("study/questions/<int:pk>/restore/", views.question_restore, name="question-restore"),
    path("study/sessions/", views.session_list, name="session-list"),
    path("study/sessions/new/", views.session_new, name="session-new"),
    path("study/sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path("study/sessions/<int:pk>/edit/", views.session_edit, name="session-edit"),
    path("study/sessions/<int:pk>/files/", views.session_upload, name="session-upload"),
    path("study/sessions/<int:pk>/withdraw/", views.session_withdraw, name="session-withdraw"),
    path("study/files/<int:pk>/", views.file_download, name="file-download"),
    path("study/files/<int:pk>/withdraw/", views.file_withdraw, name="file-withdraw"),
]
