// The kiosk journey: the idle countdown that wipes a visit, the agent's reasoning streamed line by line, and the
// itinerary that refreshes itself (htmx) when the agent finishes or the visit's socket says the plan changed.
(function () {
  "use strict";

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  // --- idle countdown: visible in the last seconds, a tap dismisses it, zero ends the visit on the server ---
  function startIdle(root) {
    var idleMs = parseInt(root.dataset.idleS || "90", 10) * 1000;
    var warnMs = Math.min(15000, idleMs / 2);
    var overlay = root.querySelector(".idle");
    var seconds = overlay ? overlay.querySelector(".idle-seconds") : null;
    var last = Date.now();
    var ending = false;

    function activity() {
      last = Date.now();
      if (overlay && !overlay.hidden) overlay.hidden = true;
    }
    ["pointerdown", "touchstart", "keydown", "wheel", "scroll"].forEach(function (name) {
      document.addEventListener(name, activity, { passive: true, capture: true });
    });

    function end() {
      ending = true;
      var home = root.dataset.homeUrl || "/kiosk/";
      var token = csrfToken();
      // Wipe the screen first: nothing of this visit stays visible while the server lets go of it.
      root.replaceChildren();
      if (!root.dataset.endUrl) { location.replace(home); return; }
      fetch(root.dataset.endUrl, {
        method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": token }, redirect: "manual",
      }).catch(function () {}).then(function () { location.replace(home); });
    }

    setInterval(function () {
      if (ending) return;
      var left = idleMs - (Date.now() - last);
      if (left <= 0) { end(); return; }
      if (overlay && left <= warnMs) {
        overlay.hidden = false;
        seconds.textContent = Math.ceil(left / 1000);
      }
    }, 250);
  }

  // --- the itinerary: reasoning lines, refresh on finish or on "plan changed" ---
  function startItinerary(box) {
    function state() { return box.querySelector(".itinerary-state") || { dataset: {} }; }
    var refresh = window.Wonder.refresher(box, box.dataset.partialUrl);

    // A reasoning line, once: the visit socket sends every line as it is said; the job's stage repeats some.
    function say(line) {
      var list = box.querySelector(".reasoning:not(.done)");
      if (!list || !line) return;
      var known = Array.prototype.some.call(list.children, function (item) { return item.textContent === line; });
      if (known) return;
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    }

    box.addEventListener("job:update", function (event) {
      var snap = event.detail;
      if (snap.status === "running" && snap.progress > 0 && snap.stage) say(snap.stage);
      if (["succeeded", "failed", "canceled"].indexOf(snap.status) >= 0 && snap.id === state().dataset.job) refresh();
    });

    var retry = 0;
    function connect() {
      var scheme = location.protocol === "https:" ? "wss://" : "ws://";
      var socket = new WebSocket(scheme + location.host + box.dataset.visitSocket);
      socket.onopen = function () { retry = 0; };
      socket.onmessage = function (event) {
        var data = JSON.parse(event.data);
        if (data.type === "step") { say(data.line); return; }
        if (data.type !== "visit") return;
        var shown = state().dataset;
        if (String(data.version) !== shown.version || (data.job || "") !== (shown.job || "")) refresh();
      };
      socket.onclose = function (event) {
        if (event.code === 4403 || event.code === 4404) return;
        retry = Math.min(retry + 1, 6);
        setTimeout(connect, 500 * Math.pow(2, retry));
      };
    }
    if (box.dataset.visitSocket) connect();
  }

  // A page restored from the back-forward cache would show an earlier visitor's screen: ask the server again
  // (kiosk pages are no-store, so browsers should not keep them; this covers those that do).
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.documentElement.hidden = true;
      location.reload();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-idle-s]").forEach(startIdle);
    var box = document.getElementById("itinerary");
    if (box) startItinerary(box);
  });
})();
