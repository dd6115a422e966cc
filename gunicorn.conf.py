"""gunicorn settings for production (`make serve`); each can be overridden from the environment."""

import os

# Where to listen: BIND wins, else 127.0.0.1:PORT. A reverse proxy on the same host talks to it.
bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"

# Pages spend part of their time waiting on PostgreSQL, so a few threads per worker keep the
# CPU busy. Every thread holds its own database connection (CONN_MAX_AGE): a host needs up to
# workers x threads connections.
cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (cpus or 1) + 1)
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# A request running longer than this is killed (and its worker replaced); keep-alive covers a
# proxy's pooled connections; workers get graceful_timeout to finish requests on restart.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Replace each worker after about a thousand requests, staggered, to bound memory growth.
max_requests = 1000
max_requests_jitter = 100

# Access log and errors on stdout/stderr, for the process manager to collect. %(M)s is the
# duration in milliseconds.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(a)s"'

# Trust X-Forwarded-Proto only from these proxy addresses (comma-separated, or * when only
# the proxy can reach gunicorn); Django reads it with SECURE_PROXY_SSL_HEADER=1.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# No runtime control socket (gunicornc): it lives at one path per user, which several
# gunicorns on one host would fight over.
control_socket_disable = True
