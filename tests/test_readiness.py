"""A process says it is ready only once it can check a prompt at once: the safety classifier is loaded at start, in
the background, not by the first fan's request (which took 5-9 s on a loaded machine, and the admission gate then
refused the next page's scripts as if the site were overloaded)."""

from __future__ import annotations

import importlib
import threading
import time

import pytest

from generation.prompting import safety_model


@pytest.fixture
def fresh_process(monkeypatch):
    """The classifier as a process that has not loaded it yet sees it; the real one comes back afterwards."""
    saved = safety_model.loaded_state()
    safety_model.forget()
    yield
    safety_model.restore(saved)


def _wait(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_readiness_waits_for_the_safety_model(client, settings, monkeypatch, fresh_process):
    settings.WONDER_SAFETY_MODEL = True
    release = threading.Event()
    loads = []

    def slow_load():
        loads.append(threading.current_thread().name)
        assert release.wait(10)
        return "the model"

    monkeypatch.setattr(safety_model, "_load", slow_load)
    safety_model.warm_up()
    _wait(lambda: loads)
    check = client.get("/readyz").json()["checks"]["safety_model"]
    assert check["ok"] is False and "loading" in check["error"]
    release.set()
    _wait(safety_model.ready)
    assert client.get("/readyz").json()["checks"]["safety_model"]["ok"] is True
    assert safety_model._model() == "the model" and len(loads) == 1  # loaded once, in the background
    assert loads[0] != threading.current_thread().name


def test_a_request_during_the_warm_up_waits_for_it_instead_of_loading_a_second_copy(monkeypatch, fresh_process):
    release = threading.Event()
    loads = []

    def slow_load():
        loads.append(1)
        assert release.wait(10)
        return "the model"

    monkeypatch.setattr(safety_model, "_load", slow_load)
    safety_model.warm_up()
    _wait(lambda: loads)
    answer = []
    request = threading.Thread(target=lambda: answer.append(safety_model._model()))
    request.start()
    time.sleep(0.05)
    assert not answer  # waiting, not loading its own
    release.set()
    request.join(10)
    assert answer == ["the model"] and loads == [1]


def test_a_disabled_or_unloadable_model_does_not_hold_readiness(client, settings, monkeypatch, fresh_process):
    settings.WONDER_SAFETY_MODEL = False
    assert safety_model.ready() and client.get("/readyz").json()["checks"]["safety_model"]["ok"] is True
    settings.WONDER_SAFETY_MODEL = True
    monkeypatch.setattr(safety_model, "_load", lambda: None)  # logged already: the lists judge alone
    safety_model.warm_up()
    _wait(safety_model.ready)
    assert client.get("/readyz").json()["checks"]["safety_model"]["ok"] is True


def test_the_server_starts_loading_it_when_it_starts(monkeypatch):
    import wonder.asgi

    started = []
    monkeypatch.setattr(safety_model, "warm_up", lambda: started.append(1))
    importlib.reload(wonder.asgi)
    assert started == [1]
