"""WSGI entry point: serve ``luoshi.web.wsgi:application`` with any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
application = get_wsgi_application()
