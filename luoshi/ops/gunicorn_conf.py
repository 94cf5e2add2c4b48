"""gunicorn's settings for ``luoshi serve`` (``gunicorn -c python:luoshi.ops.gunicorn_conf``).

Read from the environment, like the rest of luoshi (docs/configuration.md): ``LUOSHI_BIND`` (set by
``luoshi serve --host/--port``), ``LUOSHI_WORKERS``, ``LUOSHI_THREADS``, ``LUOSHI_ACCESS_LOG``,
``LUOSHI_REQUEST_TIMEOUT``, ``LUOSHI_FORWARDED_ALLOW_IPS``. This module imports no Django: the master
process stays free of the application, so that ``kill -HUP`` starts new workers on new code while
the old ones finish the requests they hold.
"""

from __future__ import annotations

import os

from luoshi.ops.sizing import access_log, default_threads, default_workers

bind = os.environ.get("LUOSHI_BIND", "127.0.0.1:8000").split(",")
workers = default_workers()
threads = default_threads()
worker_class = "gthread"
timeout = int(os.environ.get("LUOSHI_REQUEST_TIMEOUT") or 120)
graceful_timeout = 30
keepalive = 5
# a worker is replaced after this many requests (with jitter), so that no leak can grow for ever
max_requests = 5000
max_requests_jitter = 500
accesslog = access_log()
# who asked, what, the answer, its size, how long it took (ms), from where, by which node's worker
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s" %(p)s'
errorlog = "-"
loglevel = (os.environ.get("LUOSHI_LOG_LEVEL") or "warning").lower()
forwarded_allow_ips = os.environ.get("LUOSHI_FORWARDED_ALLOW_IPS") or "127.0.0.1,::1"
proc_name = "luoshi"
# Django is loaded in each worker, not in the master (see above)
preload_app = False
# no control socket in the service user's home: luoshi is managed by signals (systemd, docker)
control_socket_disable = True
