"""Django project wiring: settings from the environment, URLs, WSGI/ASGI, the base templates."""
