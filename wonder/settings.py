"""Wonder settings: one module, every knob an environment variable with an embedded-mode default.

Embedded (default): SQLite, an in-process Celery worker on ``memory://``, the in-memory channel layer.
Distributed: set ``DATABASE_URL`` (PostgreSQL) and ``REDIS_URL`` (Celery broker + channels-redis).
The README lists every variable.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Off unless asked for (`make dev`, DEBUG=1): an installation runs `make run` as it comes, and a traceback on every
# 500, an open /metrics or a key anyone can read in the repository must never be what it gets.
DEBUG = env_bool("DEBUG", False)

# Where runtime data lives in embedded mode (database, media, the secret key); ignored by git.
VAR_DIR = Path(os.environ.get("WONDER_VAR_DIR", BASE_DIR / "var"))


def embedded_secret_key(var_dir: Path) -> str:
    """This installation's own random key, made on first start and kept in ``var_dir/secret_key`` (mode 0600).

    Every process of one machine reads the same file; several machines must share ``SECRET_KEY`` instead.
    """
    import secrets
    import time

    path = var_dir / "secret_key"
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        try:  # O_EXCL: when two processes start at once, one creates the file and both use its key
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50) + "\n")
    for _attempt in range(100):  # the other process may not have written it yet
        key = path.read_text().strip()
        if key:
            return key
        time.sleep(0.05)
    raise ImproperlyConfigured(f"{path} is empty: delete it, or set SECRET_KEY.")


SECRET_KEY = os.environ.get("SECRET_KEY", "") or embedded_secret_key(VAR_DIR)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# Behind a TLS-terminating proxy in production (default when DEBUG is off): secure cookies, HSTS, redirect.
WONDER_HTTPS = env_bool("WONDER_HTTPS", not DEBUG)
if WONDER_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    # Turn these off if a subdomain must stay on plain HTTP, or before the domain is ready for preloading.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# /healthz, /readyz and /metrics answer plain HTTP probes from the proxy and the orchestrator.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Only the installation's own pages may ask for the camera (the selfie); nothing else is ever needed.
PERMISSIONS_POLICY = {
    "camera": ["self"],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
}

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "csp",
    # Project-wide signal receivers (wonder/apps.py): bidi controls never reach a stored text field.
    "wonder",
    "generation",
    "experience",
    "avatars",
    "contest",
    "gallery",
]

# Admission control under overload runs in front of Django, in wonder/asgi.py (wonder/admission.py says why).
MIDDLEWARE = [
    "wonder.metrics.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wonder.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "wonder.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "wonder.wsgi.application"
ASGI_APPLICATION = "wonder.asgi.application"

# Requests of one Daphne process that run Django code at once; more wait in line (wonder/admission.py). 0: no limit.
# Four is enough to overlap database waits; more only share one GIL and make every request slower.
WONDER_MAX_CONCURRENT_REQUESTS = env_int("WONDER_MAX_CONCURRENT_REQUESTS", 4)
# A request that would wait longer than this for its turn gets a fast 503 with Retry-After instead (overload).
WONDER_ADMISSION_MAX_WAIT_S = env_float("WONDER_ADMISSION_MAX_WAIT_S", 1.0)
# At most this many requests wait per process; more are refused at once.
WONDER_ADMISSION_MAX_QUEUE = env_int("WONDER_ADMISSION_MAX_QUEUE", 200)
WONDER_ADMISSION_RETRY_AFTER_S = env_int("WONDER_ADMISSION_RETRY_AFTER_S", 5)

# --- Database -------------------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))}
    # Daphne runs each request's sync code in a thread of its own, so without a pool every concurrent request
    # opens a connection: 500 fans exhausted PostgreSQL's max_connections (bench/load.py). A bounded pool per
    # process makes a burst wait for a connection instead. Size the sum over processes below max_connections.
    DB_POOL_MAX_SIZE = env_int("DB_POOL_MAX_SIZE", 32)
    if DB_POOL_MAX_SIZE and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections; Django must not as well
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": env_int("DB_POOL_MIN_SIZE", 2),
            "max_size": DB_POOL_MAX_SIZE,
            # A request waits this long for a connection, then gets the friendly 503 (also how long a fan waits
            # for that page while the database is down: the pool keeps retrying until then).
            "timeout": env_float("DB_POOL_TIMEOUT_S", 5.0),
        }
        # Django then checks each pooled connection on checkout: after a database restart no request gets a dead one.
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    # A fresh clone has no var/ yet; SQLite would fail with "unable to open database file".
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            # Django's SQLite backend, keeping closed connections for the next request (wonder/sqlite/base.py).
            "ENGINE": "wonder.sqlite",
            "NAME": os.environ.get("SQLITE_PATH", str(VAR_DIR / "wonder.sqlite3")),
            "OPTIONS": {
                # The worker thread and request threads write concurrently: take the write lock up front
                # and wait for it, instead of failing with "database is locked" on a lock upgrade.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis, Celery, channels ----------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
# Embedded mode runs the Celery worker inside the web process (``manage.py serve``).
WONDER_EMBEDDED_WORKER = env_bool("WONDER_EMBEDDED_WORKER", not REDIS_URL)

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None  # the Job row is the result; Celery's result store would duplicate it
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
if REDIS_URL:
    # Longer than the slowest job, so an unacknowledged message is not handed out twice while it runs.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)}
else:
    # memory:// polls its queue; the default (1 s) would delay every job by up to a second.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"polling_interval": 0.005}
CELERY_BEAT_SCHEDULE: dict[str, dict] = {
    # Selfies, face crops and embeddings past their deadline (docs/PRIVACY.md).
    # Every 60 s: avatars.models.capture_expiry reads this period to keep the promise to the minute.
    "avatars-purge-expired": {"task": "avatars.purge_expired", "schedule": 60.0},
    # Kiosk visits past their expiry or abandoned (anonymous counts stay).
    "experience-purge-visits": {"task": "experience.purge_visits", "schedule": 300.0},
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # Pub/sub: a group message is one PUBLISH that each Daphne process fans out locally (the list-based
            # layer writes to every member's list). Delivery is at most once either way: snapshots are complete.
            "BACKEND": os.environ.get("CHANNEL_LAYER_BACKEND", "channels_redis.pubsub.RedisPubSubChannelLayer"),
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# --- Jobs -----------------------------------------------------------------------------------------------
# Step progress is published at most this often per job; state changes are always published.
WONDER_PROGRESS_INTERVAL_S = env_float("WONDER_PROGRESS_INTERVAL_S", 0.25)
# An open job socket re-reads its row this often while the job is active (a missed message heals itself).
WONDER_SOCKET_REFRESH_S = env_float("WONDER_SOCKET_REFRESH_S", 5.0)
# Threads per process for the sockets' database work (handshakes, re-reads), apart from the request threads.
WONDER_SOCKET_DB_THREADS = env_int("WONDER_SOCKET_DB_THREADS", 4)
# A running job whose heartbeat is older than this is considered lost and re-queued or failed.
WONDER_JOB_HEARTBEAT_S = env_float("WONDER_JOB_HEARTBEAT_S", 5.0)
WONDER_JOB_STALE_S = env_float("WONDER_JOB_STALE_S", 60.0)
WONDER_JOB_MAX_ATTEMPTS = env_int("WONDER_JOB_MAX_ATTEMPTS", 3)
WONDER_WORKER_BEAT_S = env_float("WONDER_WORKER_BEAT_S", 10.0)
# Job kinds that need a GPU are routed to this queue; everything else to "default".
WONDER_GPU_QUEUE = os.environ.get("WONDER_GPU_QUEUE", "gpu")
# Avatar jobs have a queue of their own, so they never wait behind contest videos: a visitor stands at the booth and
# their selfie's deletion clock (WONDER_BIOMETRIC_TTL_MIN) is running. Run a worker for it (README, deploy/).
WONDER_AVATAR_QUEUE = os.environ.get("WONDER_AVATAR_QUEUE", "avatar")
# The kiosk: a visit with no touch for this long is wiped; take-home links expire after this many hours.
WONDER_KIOSK_IDLE_S = env_int("WONDER_KIOSK_IDLE_S", 90)
# "HH:MM": the kiosk plans as if it were this time of day (demos outside opening hours). Empty: the real time.
WONDER_KIOSK_DEMO_TIME = os.environ.get("WONDER_KIOSK_DEMO_TIME", "")
WONDER_TAKE_HOME_TTL_H = env_int("WONDER_TAKE_HOME_TTL_H", 48)
# The address a visitor's phone can reach (QR codes); empty: the host the kiosk itself uses.
WONDER_PUBLIC_URL = os.environ.get("WONDER_PUBLIC_URL", "")
# Which engine each job kind uses ("preview" needs no weights; "wan" / "image" need models below).
WONDER_ENGINES = {
    "diagnostic": "diagnostic",
    "itinerary": "itinerary",
    "avatar": os.environ.get("WONDER_AVATAR_ENGINE", "avatar-preview"),
    "film": "film",
    "timeslice": "timeslice",
    "video": os.environ.get("WONDER_VIDEO_ENGINE", "preview"),
    "image": os.environ.get("WONDER_IMAGE_ENGINE", "image"),
}
# Engines that live in other apps (name -> dotted path of a class implementing generation.engines.base.Engine).
WONDER_EXTRA_ENGINES: dict[str, str] = {
    "itinerary": "experience.agent.ItineraryAgent",
    "avatar-preview": "avatars.engines.PreviewAvatarEngine",
    "avatar-faceid": "avatars.engines.FaceIdAvatarEngine",
    "film": "gallery.engines.FilmEngine",
    "timeslice": "gallery.engines.TimeSliceEngine",
}
# Engines whose jobs go to the GPU queue.
WONDER_GPU_ENGINES = {"wan", "image", "avatar-faceid"}
# Engines with a queue of their own (before the GPU rule above).
WONDER_ENGINE_QUEUES = {"avatar-preview": WONDER_AVATAR_QUEUE, "avatar-faceid": WONDER_AVATAR_QUEUE}

# --- Models (no weights ship with the project; see README) -------------------------------------------------
WONDER_DEVICE = os.environ.get("WONDER_DEVICE", "auto")
WONDER_WAN_MODEL = os.environ.get("WONDER_WAN_MODEL", "")
WONDER_WAN_LORA = os.environ.get("WONDER_WAN_LORA", "")
WONDER_WAN_STEPS = env_int("WONDER_WAN_STEPS", 50)
WONDER_WAN_LORA_STEPS = env_int("WONDER_WAN_LORA_STEPS", 4)
WONDER_WAN_LORA_GUIDANCE = env_float("WONDER_WAN_LORA_GUIDANCE", 1.0)
# "@me" videos start from the fan's avatar with a Wan image-to-video model; empty: plain text-to-video.
WONDER_WAN_I2V_MODEL = os.environ.get("WONDER_WAN_I2V_MODEL", "")
WONDER_WAN_I2V_LORA = os.environ.get("WONDER_WAN_I2V_LORA", "")
WONDER_IMAGE_MODEL = os.environ.get("WONDER_IMAGE_MODEL", "")
WONDER_IMAGE_STEPS = env_int("WONDER_IMAGE_STEPS", 30)
WONDER_IMAGE_GUIDANCE = env_float("WONDER_IMAGE_GUIDANCE", 7.0)
WONDER_MODELS_ALLOW_DOWNLOAD = env_bool("WONDER_MODELS_ALLOW_DOWNLOAD", False)
if not WONDER_MODELS_ALLOW_DOWNLOAD:
    # Never reach for a model hub at request time.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

# --- Privacy ----------------------------------------------------------------------------------------------
# Selfies, face crops and embeddings live at most this long (DESIGN.md "Data kept").
WONDER_BIOMETRIC_TTL_MIN = env_int("WONDER_BIOMETRIC_TTL_MIN", 15)

# --- Avatars ----------------------------------------------------------------------------------------------
# A folder of insightface .onnx models (e.g. buffalo_l); empty or missing: the offline fallback detector.
WONDER_FACE_PACK = os.environ.get("WONDER_FACE_PACK", "")
WONDER_FACE_CTX_ID = env_int("WONDER_FACE_CTX_ID", -1)  # -1: CPU; 0 and up: a GPU id
# Selfies and embeddings live here, never under MEDIA_ROOT (nothing serves this folder).
WONDER_AVATAR_PRIVATE_DIR = Path(os.environ.get("WONDER_AVATAR_PRIVATE_DIR", VAR_DIR / "private" / "avatars"))
WONDER_AVATAR_MAX_UPLOAD_BYTES = env_int("WONDER_AVATAR_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
WONDER_AVATAR_MAX_PIXELS = env_int("WONDER_AVATAR_MAX_PIXELS", 40_000_000)
WONDER_AVATAR_KEEP_H = env_int("WONDER_AVATAR_KEEP_H", WONDER_TAKE_HOME_TTL_H)
# IP-Adapter FaceID on an SD 1.5 / SDXL base; most FaceID checkpoints are licensed for non-commercial use only.
WONDER_AVATAR_BASE_MODEL = os.environ.get("WONDER_AVATAR_BASE_MODEL", "")
WONDER_AVATAR_IP_ADAPTER = os.environ.get("WONDER_AVATAR_IP_ADAPTER", "")
WONDER_AVATAR_STEPS = env_int("WONDER_AVATAR_STEPS", 30)

# --- LLM (optional; everything works without one) -------------------------------------------------------
WONDER_LLM_URL = os.environ.get("WONDER_LLM_URL", "")
WONDER_LLM_MODEL = os.environ.get("WONDER_LLM_MODEL", "")
WONDER_LLM_API_KEY = os.environ.get("WONDER_LLM_API_KEY", "")
WONDER_LLM_TIMEOUT_S = env_float("WONDER_LLM_TIMEOUT_S", 8.0)
WONDER_MODERATION_HOOK = os.environ.get("WONDER_MODERATION_HOOK", "")
# The prompt-safety classifier beside the term lists (generation/prompting/safety_model.py), fitted into var/models.
WONDER_SAFETY_MODEL = env_bool("WONDER_SAFETY_MODEL", True)
# Where the fitted classifier is cached: a build artefact of the code's own data (make run fits it), so not under a
# per-instance WONDER_VAR_DIR; every process of one checkout shares it.
WONDER_SAFETY_MODEL_DIR = Path(os.environ.get("WONDER_SAFETY_MODEL_DIR", BASE_DIR / "var" / "models"))

# Prometheus scrapes /metrics with this bearer token; without one, metrics are served only when DEBUG is on.
WONDER_METRICS_TOKEN = os.environ.get("WONDER_METRICS_TOKEN", "")

# --- Auth -----------------------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/admin/login/"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "wonder.api_auth.VisitorSessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    # Every API call counts against its caller (per IP when anonymous); votes and quotas have their own limits.
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("WONDER_API_RATE_ANON", "600/min"),
        "user": os.environ.get("WONDER_API_RATE_USER", "1200/min"),
    },
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # JSON bodies must be one object, not deeply nested (wonder/parsers.py): 400, never a RecursionError 500.
    "DEFAULT_PARSER_CLASSES": [
        "wonder.parsers.ObjectJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Wonder API",
    "DESCRIPTION": "Jobs, contest, gallery and installation APIs of Wonder.",
    "VERSION": "0.1.0",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Internationalisation -------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("it", _("Italian")),
    ("zh-hans", _("Simplified Chinese")),
    ("ja", _("Japanese")),
    ("fr", _("French")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ko", _("Korean")),
    # Right to left: base.html sets dir="rtl" and the stylesheets use logical (start/end) properties.
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Rome")
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Media on object storage (S3, or an S3-compatible store such as MinIO) when a bucket is named: workers upload
# each finished job's files there (generation/media_store.py) and fans fetch them from it. Credentials come only
# from boto3's own sources (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, an instance role), never from settings.
WONDER_MEDIA_BUCKET = os.environ.get("WONDER_MEDIA_BUCKET", "")
WONDER_MEDIA_ENDPOINT_URL = os.environ.get("WONDER_MEDIA_ENDPOINT_URL", "")  # empty: AWS itself
WONDER_MEDIA_REGION = os.environ.get("WONDER_MEDIA_REGION", "")
WONDER_MEDIA_CUSTOM_DOMAIN = os.environ.get("WONDER_MEDIA_CUSTOM_DOMAIN", "")  # a CDN host in front of the bucket
if WONDER_MEDIA_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": WONDER_MEDIA_BUCKET,
            "endpoint_url": WONDER_MEDIA_ENDPOINT_URL or None,
            "region_name": WONDER_MEDIA_REGION or None,
            "custom_domain": WONDER_MEDIA_CUSTOM_DOMAIN or None,
            # Outputs are public behind random names: plain URLs that browsers and CDNs cache, no expiry.
            "querystring_auth": False,
            "file_overwrite": False,
            # The bucket's policy says who may read (per-object ACLs are off on new AWS buckets).
            "default_acl": None,
        },
    }

# Clean masters (the engines' frames before any burnt-in label), which the film and the time-slice start from:
# outside MEDIA_ROOT so nothing serves them (generation/masters.py). WONDER_MASTERS_BUCKET adds a private bucket
# (signed access only, never the public media bucket) so workers on other machines can fetch them.
WONDER_MASTERS_ROOT = Path(os.environ.get("WONDER_MASTERS_ROOT", VAR_DIR / "masters"))
WONDER_MASTERS_BUCKET = os.environ.get("WONDER_MASTERS_BUCKET", "")
if WONDER_MASTERS_BUCKET:
    STORAGES["masters"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": WONDER_MASTERS_BUCKET,
            "endpoint_url": WONDER_MEDIA_ENDPOINT_URL or None,
            "region_name": WONDER_MEDIA_REGION or None,
            "querystring_auth": True,
            "file_overwrite": False,
            "default_acl": "private",
        },
    }

# Content-Security-Policy: our pages run only our own scripts and styles (no inline code, no eval), so an
# injected <script> or style attribute does nothing. Media may come from object storage: its origin, derived from
# the settings above unless WONDER_MEDIA_ORIGIN says otherwise.
if WONDER_MEDIA_CUSTOM_DOMAIN:
    _storage_origin = "https://" + WONDER_MEDIA_CUSTOM_DOMAIN.split("/")[0]
elif WONDER_MEDIA_ENDPOINT_URL:  # S3-compatible stores are addressed by path: the endpoint is the origin
    _endpoint = urlsplit(WONDER_MEDIA_ENDPOINT_URL)
    _storage_origin = f"{_endpoint.scheme}://{_endpoint.netloc}"
elif WONDER_MEDIA_BUCKET:
    _storage_origin = f"https://{WONDER_MEDIA_BUCKET}.s3.amazonaws.com"
else:
    _storage_origin = ""
MEDIA_ORIGIN = os.environ.get("WONDER_MEDIA_ORIGIN", "") or _storage_origin
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", *filter(None, [MEDIA_ORIGIN])],
        "media-src": ["'self'", "blob:", *filter(None, [MEDIA_ORIGIN])],
        # 'self' covers same-origin ws:// and wss:// in CSP Level 3 browsers.
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Embedded mode serves media itself (with range requests, so videos seek); production puts a proxy or
# object storage in front.
WONDER_SERVE_MEDIA = env_bool("WONDER_SERVE_MEDIA", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"job": {"()": "wonder.logging.JobContextFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [job %(job_id)s] %(message)s"},
        "json": {"()": "wonder.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if os.environ.get("LOG_FORMAT") == "json" else "plain",
            "filters": ["job"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.channels.server": {"level": "WARNING"},
        "daphne": {"level": "WARNING"},
        "celery": {"level": "WARNING"},
        # memory:// has no host and kombu warns about it on every connection.
        "kombu.connection": {"level": "ERROR"},
    },
}

# --- Accounts (allauth) -----------------------------------------------------------------------------------
# Fans sign up and log in by e-mail, and must confirm it before they can vote or enter (contest/accounts.py).
INSTALLED_APPS += ["allauth", "allauth.account", "django_countries"]
MIDDLEWARE += ["allauth.account.middleware.AccountMiddleware"]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_ADAPTER = "contest.accounts.FanAccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "contest.forms.FanSignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Wonder: "
LOGIN_URL = "/accounts/login/"  # fans log in here; staff pages keep using the admin's own login
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Mail: the console in embedded mode; a folder of .log files when EMAIL_FILE_PATH is set (the browser test reads
# it); SMTP or anything else with EMAIL_BACKEND + EMAIL_HOST/PORT/HOST_USER/HOST_PASSWORD/USE_TLS.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if EMAIL_FILE_PATH
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Wonder <no-reply@wonder.invalid>")
# Rate limits (allauth's and the contest's) count in the cache: Redis when distributed, so all processes agree.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "wonder"}
}

# --- Contest ----------------------------------------------------------------------------------------------
# Quotas, shown to fans before they are hit ("3 of 10 left today").
WONDER_GENERATIONS_PER_DAY = env_int("WONDER_GENERATIONS_PER_DAY", 10)
# Visitors who have not signed in may try this many videos per browser session and day (and per IP and day),
# then they are asked to sign in; a video made before signing in comes along into the account.
WONDER_ANON_GENERATIONS_PER_DAY = env_int("WONDER_ANON_GENERATIONS_PER_DAY", 2)
WONDER_ANON_GENERATIONS_PER_IP_DAY = env_int("WONDER_ANON_GENERATIONS_PER_IP_DAY", 30)
# Any job a visitor starts without an account (video, time-slice, avatar), "count/seconds" per browser session and
# per network (a venue's kiosks share one address): one client cannot push everyone else's video down the queue.
WONDER_ANON_JOB_RATE_SESSION = os.environ.get("WONDER_ANON_JOB_RATE_SESSION", "6/300")
WONDER_ANON_JOB_RATE_IP = os.environ.get("WONDER_ANON_JOB_RATE_IP", "120/300")
# Default rules of a new contest (each contest can change them in the admin).
WONDER_ENTRIES_PER_CONTEST = env_int("WONDER_ENTRIES_PER_CONTEST", 3)
# Vote abuse: at most COUNT votes (likes + arena judgements) per WINDOW seconds, per fan and per IP address.
WONDER_VOTE_RATE_FAN = os.environ.get("WONDER_VOTE_RATE_FAN", "60/60")
WONDER_VOTE_RATE_IP = os.environ.get("WONDER_VOTE_RATE_IP", "600/60")
# Selfie analyses per visitor session and per network (kiosks of one venue share an address), "count/seconds".
WONDER_CAPTURE_RATE_SESSION = os.environ.get("WONDER_CAPTURE_RATE_SESSION", "10/600")
WONDER_CAPTURE_RATE_IP = os.environ.get("WONDER_CAPTURE_RATE_IP", "300/600")
# New accounts wait this long after signing up before their votes are accepted.
WONDER_VOTE_COOLDOWN_S = env_int("WONDER_VOTE_COOLDOWN_S", 600)
# Like counts stay hidden while voting is open, so early numbers do not sway later voters.
WONDER_HIDE_COUNTS_DURING_VOTING = env_bool("WONDER_HIDE_COUNTS_DURING_VOTING", True)
# Arena board: entries with fewer comparisons are not ranked; recomputed after this many new judgements
# (Celery task) and on a timer, never per request.
WONDER_ARENA_MIN_COMPARISONS = env_int("WONDER_ARENA_MIN_COMPARISONS", 5)
WONDER_ARENA_BOARD_EVERY = env_int("WONDER_ARENA_BOARD_EVERY", 20)
WONDER_ARENA_BOARD_INTERVAL_S = env_int("WONDER_ARENA_BOARD_INTERVAL_S", 120)
WONDER_ARENA_BOOTSTRAP = env_int("WONDER_ARENA_BOOTSTRAP", 200)
# A pair shown in the arena may be judged within this many seconds.
WONDER_ARENA_PAIR_TTL_S = env_int("WONDER_ARENA_PAIR_TTL_S", 3600)
CELERY_BEAT_SCHEDULE["contest-arena-boards"] = {
    "task": "contest.refresh_boards",
    "schedule": float(WONDER_ARENA_BOARD_INTERVAL_S),
}
