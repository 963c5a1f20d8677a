// A museum screen's attract loop: plays its playlist (JSON) muted with crossfades and captions, follows the
// museum socket (an unpublished entry leaves at once, any change refetches the playlist), keeps playing from the
// service worker's cache while the network is down, resyncs when it returns, and sends a heartbeat every 15 s.
(function () {
  "use strict";

  var stage = document.querySelector(".stage");
  if (!stage) return;
  var STORE = "wonder-museum-playlist:" + stage.dataset.screen;
  var videos = Array.prototype.slice.call(stage.querySelectorAll("video.clip"));
  var items = [];
  var version = "";
  var index = -1;
  var playing = null;
  var online = true;
  var retry = 0;
  var advanceTimer = null;

  // The screen's secret: a moderator pairs the screen by opening the link with ?pair=...; it is kept here and the
  // address bar forgets it, so only this screen can send its heartbeats.
  var KEY_STORE = "wonder-museum-key:" + stage.dataset.screen;
  (function rememberPairing() {
    var params = new URLSearchParams(window.location.search);
    if (!params.get("pair")) return;
    try { window.localStorage.setItem(KEY_STORE, params.get("pair")); } catch (e) { /* private mode: unpaired */ }
    params.delete("pair");
    var rest = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : ""));
  })();

  function screenKey() {
    try { return window.localStorage.getItem(KEY_STORE) || ""; } catch (e) { return ""; }
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function setStatus(value) { stage.dataset.status = value; }

  function text(selector, value) {
    var node = stage.querySelector(selector);
    node.textContent = value || "";
    node.hidden = !value;
  }

  function caption(item) {
    text(".award", item.award);
    text(".title", item.title);
    text(".creator", [item.creator, (item.flag ? item.flag + " " : "") + item.country].filter(Boolean).join(" · "));
    text(".sport", item.sport);
    text(".prompt", item.prompt);
    text(".prompt-en", item.prompt_en);
    stage.querySelector(".qr").innerHTML = item.qr || "";  // server-made SVG of the entry's URL
  }

  function show(item) {
    var next = videos[0].classList.contains("active") ? videos[1] : videos[0];
    var current = next === videos[0] ? videos[1] : videos[0];
    playing = item;
    stage.dataset.current = String(item.id);
    clearTimeout(advanceTimer);
    next.onended = advance;
    next.onerror = function () { advanceTimer = setTimeout(advance, 1000); };  // unplayable: move on
    next.src = item.video;
    next.poster = item.poster || "";
    var started = next.play();
    if (started && started.catch) started.catch(function () { advanceTimer = setTimeout(advance, 1000); });
    next.classList.add("active");
    current.classList.remove("active");
    setTimeout(function () { if (!current.classList.contains("active")) current.pause(); }, 1300);
    caption(item);
    // A guard in case "ended" never comes (a stalled stream).
    advanceTimer = setTimeout(advance, 30000);
  }

  function advance() {
    if (!items.length) {
      stage.querySelector(".idle").hidden = false;
      setStatus("idle");
      stage.dataset.current = "";
      return;
    }
    stage.querySelector(".idle").hidden = true;
    index = (index + 1) % items.length;
    show(items[index]);
  }

  function apply(playlist) {
    var changed = playlist.version !== version;
    items = playlist.items || [];
    version = playlist.version || "";
    stage.dataset.items = items.map(function (i) { return i.id; }).join(",");
    // Keep the loop's place: continue after what is playing now, if it is still in the list.
    var at = playing ? items.findIndex(function (i) { return i.id === playing.id; }) : -1;
    index = at >= 0 ? at : Math.min(index, items.length - 1);
    if (!playing || at < 0) advance();
    if (changed) precache(items);
  }

  function drop(ids) {
    if (!ids || !ids.length) return;
    var gone = ids.map(Number);
    var wasPlaying = playing && gone.indexOf(playing.id) >= 0;
    items = items.filter(function (i) { return gone.indexOf(i.id) < 0; });
    stage.dataset.items = items.map(function (i) { return i.id; }).join(",");
    if (wasPlaying) { playing = null; index = -1; advance(); }
  }

  function load() {
    return fetch(stage.dataset.playlistUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("playlist " + response.status);
        return response.json();
      })
      .then(function (playlist) {
        online = true;
        try { localStorage.setItem(STORE, JSON.stringify(playlist)); } catch (e) { /* storage full: fine */ }
        apply(playlist);
        setStatus(items.length ? "playing" : "idle");
      })
      .catch(function () {
        online = false;
        setStatus("offline");
        if (!items.length) {
          var saved = null;
          try { saved = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { saved = null; }
          if (saved) apply(saved);
        }
      });
  }

  function precache(list) {
    if (!navigator.serviceWorker || !navigator.serviceWorker.controller) return;
    var urls = [];
    list.forEach(function (i) { if (i.video) urls.push(i.video); if (i.poster) urls.push(i.poster); });
    navigator.serviceWorker.controller.postMessage({ type: "cache", urls: urls });
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket;
    try { socket = new WebSocket(scheme + location.host + stage.dataset.socketPath); } catch (e) { return reconnect(); }
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "hello") { retry = 0; load(); }  // (re)connected: resync
      if (message.type === "changed") { drop(message.removed); load(); }
    };
    socket.onclose = reconnect;
  }

  function reconnect() {
    retry = Math.min(retry + 1, 6);
    setTimeout(connect, 500 * Math.pow(2, retry - 1));
  }

  function heartbeat() {
    fetch(stage.dataset.heartbeatUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(), "X-Screen-Key": screenKey() },
      body: JSON.stringify({
        status: !items.length ? "idle" : online ? "playing" : "offline",
        now_playing: playing ? playing.id : null,
        version: version
      })
    }).then(function (response) { if (response.ok && !online) load(); }).catch(function () { online = false; });
  }

  if (navigator.serviceWorker) {
    navigator.serviceWorker.register(stage.dataset.swUrl, { scope: "/museum/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function () {
      if (navigator.serviceWorker.controller) precache(items);
    }).catch(function () { /* no service worker (http on another host): plays while online */ });
    navigator.serviceWorker.addEventListener("controllerchange", function () { precache(items); });
  }
  window.addEventListener("online", load);
  window.addEventListener("offline", function () { online = false; setStatus("offline"); });

  load().then(connect);
  setInterval(load, 60000);  // in case a socket message was lost
  setInterval(heartbeat, 15000);
  setTimeout(heartbeat, 1000);
})();
