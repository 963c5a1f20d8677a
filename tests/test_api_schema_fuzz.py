"""Schemathesis against the real embedded site's OpenAPI schema: no operation answers 5xx, whatever it is sent.

The schema is loaded from ``/api/schema/`` of ``manage.py serve`` (demo data seeded), and every operation is fuzzed
twice: as an anonymous client and as the demo moderator (staff) with a DRF token. 4xx answers are fine; the test
fails on any 5xx, with the offending request in the message.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter, defaultdict

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from tests.live.servers import PYTHON, ROOT, embedded_site, manage

pytestmark = [pytest.mark.live, pytest.mark.slow]

# Per operation and kind of input (valid, invalid, both again on real objects), for each of the 2 clients: the
# whole module runs in about a minute on a 2-core machine. Derandomized, so a run is reproducible.
FUZZ = settings(
    max_examples=15,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)

# The demo moderator's DRF token, and the ids of objects that exist, so that path parameters also hit real objects.
SETUP_SCRIPT = """
import json
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from contest.models import Entry
from experience.models import Zone
from gallery.management.commands.seed_demo import DEMO_MODERATOR
from generation.models import Job
moderator = get_user_model().objects.get(username=DEMO_MODERATOR)
print(json.dumps({
    "token": Token.objects.get_or_create(user=moderator)[0].key,
    "entry_id": list(Entry.objects.values_list("pk", flat=True)),
    "job_id": [str(pk) for pk in Job.objects.values_list("pk", flat=True)],
    "slug": list(Zone.objects.values_list("slug", flat=True)),
}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with embedded_site(tmp_path_factory.mktemp("schema-fuzz")) as (url, env):
        manage(env, "seed_demo")
        output = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", SETUP_SCRIPT],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        known = json.loads(output.strip().splitlines()[-1])  # `shell` may print its auto-import count first
        yield url, known


@pytest.fixture(scope="module")
def api_schema(site):
    return schemathesis.openapi.from_url(f"{site[0]}/api/schema/")


@pytest.fixture(scope="module")
def staff_headers(site):
    return {"Authorization": f"Token {site[1]['token']}"}


@pytest.fixture(scope="module")
def known(site):
    return {name: values for name, values in site[1].items() if name != "token" and values}


# JSON bodies no schema describes: not an object, or nested thousands deep (a RecursionError in a JSON parser).
ODD_BODIES = [
    "[1,2]",
    '"s"',
    "42",
    "null",
    "true",
    "[" * 5000 + "]" * 5000,
    '{"a":' * 5000 + "1" + "}" * 5000,
    '{"text": ' + "[" * 3000 + "]" * 3000 + "}",
]


class OddBody:
    """A generation "mode" of our own: a valid request (path, query, headers) whose body is replaced by odd JSON."""

    value = "odd JSON body"


def strategies(operation, known: dict[str, list]):
    """Valid and invalid requests; where the path names objects, also requests about objects that exist; and, for
    every operation that takes a body, valid requests with a body that is not an object or is deeply nested."""
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        yield mode, operation.as_strategy(generation_mode=mode)
    if operation.method.upper() in ("POST", "PUT", "PATCH"):
        yield OddBody, st.tuples(operation.as_strategy(GenerationMode.POSITIVE), st.sampled_from(ODD_BODIES))
    names = [parameter.name for parameter in operation.path_parameters]
    if names and all(name in known for name in names):
        real = st.fixed_dictionaries({name: st.sampled_from(known[name]) for name in names})
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            yield mode, real.flatmap(lambda path, mode=mode: operation.as_strategy(mode, path_parameters=path))


def no_server_error(label: str, mode: GenerationMode, strategy, headers: dict[str, str] | None, seen: Counter):
    """A Hypothesis test: every request the strategy generates is answered below 500."""

    @FUZZ
    @given(case=strategy)
    def check(case):
        if mode is OddBody:
            case, body = case
            request = case.as_transport_kwargs(headers=headers)
            for key in ("json", "data", "files"):
                request.pop(key, None)
            request["headers"] = {**(request.get("headers") or {}), "Content-Type": "application/json"}
            response = requests.request(**request, data=body.encode(), timeout=30)
        else:
            response = case.call(headers=headers, timeout=30)
        seen[response.status_code] += 1
        assert response.status_code < 500, (
            f"{label} ({mode.value}) answered {response.status_code}\n"
            f"request: {response.request.method} {response.request.url}\nbody: {response.request.body!r}\n"
            f"response: {response.text[:1500]}"
        )

    return check


def fuzz(api_schema, headers: dict[str, str] | None, known: dict[str, list]) -> list[str]:
    """Fuzz every operation with valid and invalid inputs; return one message per operation that answered 5xx."""
    failures: list[str] = []
    seen: dict[str, Counter] = defaultdict(Counter)
    for result in api_schema.get_all_operations():
        operation = result.ok()
        for mode, strategy in strategies(operation, known):
            try:
                no_server_error(operation.label, mode, strategy, headers, seen[operation.label])()
            except AssertionError as exc:
                failures.append(str(exc))
            except ExceptionGroup as group:  # several distinct failures of one operation
                failures.extend(str(exc) for exc in group.exceptions)
            except Unsatisfiable:
                # Nothing to make invalid (no parameters, no body): the positive run covered the operation.
                assert mode is GenerationMode.NEGATIVE, f"{operation.label}: no valid request can be generated"
    for label, statuses in sorted(seen.items()):  # shown with -s: what each operation answered
        print(f"{label}: {dict(sorted(statuses.items()))}")
    missed = {result.ok().label for result in api_schema.get_all_operations()} - {k for k, v in seen.items() if v}
    assert not missed, f"operations never called: {sorted(missed)}"
    return failures


def test_no_server_error_anonymous(api_schema, known):
    failures = fuzz(api_schema, None, known)
    assert not failures, "\n\n".join(failures)


def test_no_server_error_staff(api_schema, staff_headers, known):
    failures = fuzz(api_schema, staff_headers, known)
    assert not failures, "\n\n".join(failures)
