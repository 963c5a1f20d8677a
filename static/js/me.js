// The take-home page on the phone follows the visit live: its socket sends the visit's state on connect and on
// every change (a zone closed, a queue grew, a wish); when the route shown is out of date, fetch it again (htmx).
(function () {
  "use strict";

  function follow(box) {
    function shown() { var state = box.querySelector(".me-state"); return state ? state.dataset : {}; }
    var refresh = window.Wonder.refresher(box, box.dataset.partialUrl);
    var retry = 0;
    function connect() {
      var scheme = location.protocol === "https:" ? "wss://" : "ws://";
      var socket = new WebSocket(scheme + location.host + box.dataset.visitSocket);
      socket.onopen = function () { retry = 0; };
      socket.onmessage = function (event) {
        var data = JSON.parse(event.data);
        if (data.type !== "visit") return;
        var current = shown();
        if (String(data.version) !== current.version || (data.job || "") !== (current.job || "")) refresh();
      };
      socket.onclose = function (event) {
        if (event.code === 4403 || event.code === 4404) return;
        retry = Math.min(retry + 1, 6);
        setTimeout(connect, 500 * Math.pow(2, retry));
      };
    }
    connect();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("me-route");
    if (box && box.dataset.visitSocket) follow(box);
  });
})();
