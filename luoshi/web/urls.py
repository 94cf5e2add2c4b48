"""The site's URLs: the ledger and progress apps, sign-in, the language switch, the admin, static files."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.staticfiles.views import serve as serve_static
from django.urls import include, path, re_path
from django.views.i18n import set_language

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("office/", views.office, name="office"),
    path("admin/", admin.site.urls),
    path("", include("luoshi.ledger.urls")),
    path("", include("luoshi.progress.urls")),
    path("", include("luoshi.supervision.urls")),
    path("", include("luoshi.api.urls")),
    path("", include("luoshi.exchange.urls")),
    path("", include("luoshi.search.urls")),
    path("", include("luoshi.indicators.urls")),
    path("", include("luoshi.dashboard.urls")),
    path("", include("luoshi.alignment.urls")),
    path("", include("luoshi.study.urls")),
    # Every asset is served by the app itself: intranets have no CDN and often no separate web server.
    re_path(r"^static/(?P<path>.*)$", serve_static, {"insecure": True}),
]

# a malformed request under /api/ answers in the API's error shape (luoshi.api)
handler400 = "luoshi.api.views.bad_request"
