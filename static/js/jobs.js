// Live job progress: every element with data-job-id follows its job over /ws/jobs/<id>/, reconnecting with
// backoff, and polls /api/jobs/<id>/ while the socket is down. Snapshots carry seq: older ones are ignored.
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function JobView(root) {
    this.root = root;
    this.id = root.dataset.jobId;
    this.seq = parseInt(root.dataset.jobSeq || "0", 10) - 1;
    this.texts = root.querySelector(".job-texts").dataset;
    this.retry = 0;
    this.pollTimer = null;
    this.finished = false;
    // The server renders the starting percentage as data; the CSP forbids style attributes in markup.
    var bar = root.querySelector(".job-bar");
    bar.querySelector("span").style.width = (bar.getAttribute("aria-valuenow") || "0") + "%";
    var cancel = root.querySelector(".job-cancel");
    if (cancel) cancel.addEventListener("click", this.cancel.bind(this));
    this.connect();
  }

  JobView.prototype.render = function (snap) {
    if (snap.seq <= this.seq) return;
    this.seq = snap.seq;
    var percent = Math.round(snap.progress * 100);
    var bar = this.root.querySelector(".job-bar");
    bar.setAttribute("aria-valuenow", percent);
    bar.querySelector("span").style.width = percent + "%";
    this.root.querySelector(".job-percent").textContent = percent + "%";
    this.root.querySelector(".job-stage").textContent = snap.stage;
    var queue = this.root.querySelector(".job-queue");
    queue.hidden = snap.queue_position == null;
    if (!queue.hidden) queue.textContent = format(this.texts.queue, { n: snap.queue_position });
    var eta = this.root.querySelector(".job-eta");
    eta.hidden = snap.eta_s == null || snap.status === "succeeded";
    if (!eta.hidden) eta.textContent = format(this.texts.eta, { s: Math.ceil(snap.eta_s) });
    var error = this.root.querySelector(".job-error");
    error.hidden = !snap.error;
    if (snap.error) error.textContent = snap.error.message;
    this.root.dataset.status = snap.status;
    this.finished = ["succeeded", "failed", "canceled"].indexOf(snap.status) >= 0;
    var cancel = this.root.querySelector(".job-cancel");
    if (cancel) cancel.hidden = this.finished;
    this.root.dispatchEvent(new CustomEvent("job:update", { detail: snap, bubbles: true }));
  };

  JobView.prototype.connect = function () {
    var self = this;
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/ws/jobs/" + this.id + "/");
    this.socket = socket;
    socket.onopen = function () { self.retry = 0; self.stopPolling(); };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "job") self.render(data);
    };
    socket.onclose = function (event) {
      if (self.finished || event.code === 4403 || event.code === 4404) return;
      self.startPolling();
      self.retry = Math.min(self.retry + 1, 6);
      setTimeout(self.connect.bind(self), 500 * Math.pow(2, self.retry));
    };
  };

  JobView.prototype.poll = function () {
    var self = this;
    fetch("/api/jobs/" + this.id + "/", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (snap) { if (snap) self.render(snap); if (self.finished) self.stopPolling(); })
      .catch(function () {});
  };

  JobView.prototype.startPolling = function () {
    if (this.pollTimer) return;
    this.root.querySelector(".job-error").hidden = false;
    this.root.querySelector(".job-error").textContent = this.texts.offline;
    this.poll();
    this.pollTimer = setInterval(this.poll.bind(this), 3000);
  };

  JobView.prototype.stopPolling = function () {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    var error = this.root.querySelector(".job-error");
    if (error.textContent === this.texts.offline) error.hidden = true;
  };

  JobView.prototype.cancel = function () {
    var self = this;
    fetch("/api/jobs/" + this.id + "/cancel/", {
      method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() },
    }).then(function (r) { return r.json(); }).then(function (data) {
      if (data.type === "job") self.render(data);
      else if (data.job) self.render(data.job);
    });
  };

  function start(root) {
    root.querySelectorAll("[data-job-id]").forEach(function (el) {
      if (!el.jobView) el.jobView = new JobView(el);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { start(document); });
  document.addEventListener("htmx:afterSwap", function (event) { start(event.target); });
  window.WonderJobs = { start: start };
})();

// When a job succeeds, put its video or picture on the page (templates render them for finished jobs).
document.addEventListener("job:update", function (event) {
  var snap = event.detail;
  var holder = document.querySelector('[data-job-player="' + snap.id + '"]');
  if (!holder || snap.status !== "succeeded" || !snap.result || holder.querySelector("video, img")) return;
  var files = snap.result.files;
  var texts = document.getElementById("player-texts").dataset;
  var media;
  if (files.video) {
    media = document.createElement("video");
    media.controls = media.autoplay = media.muted = media.loop = media.playsInline = true;
    media.poster = files.poster || "";
    media.src = files.video;
  } else if (files.image) {
    media = document.createElement("img");
    media.src = files.image;
    media.alt = texts.imageAlt || "";
  } else {
    return;
  }
  var label = document.createElement("p");
  label.className = "ai-label";
  label.textContent = texts.ai + (snap.result.metadata.preview ? " · " + texts.preview : "");
  var download = document.createElement("a");
  download.className = "button";
  download.href = files.video || files.image;
  download.setAttribute("download", "");
  download.textContent = texts.download;
  holder.append(media, label, download);
});
