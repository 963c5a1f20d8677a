// The kiosk camera: live preview (getUserMedia), a 3-2-1 countdown, capture to a canvas, retake, and "use this
// photo", which puts the picture into the form's file input and submits it: the same form a phone or a browser
// without a camera uses. The camera starts only on this page, which the server shows only after consent.
(function () {
  "use strict";

  function Camera(root) {
    this.root = root;
    this.video = root.querySelector(".camera-video");
    this.canvas = root.querySelector(".camera-canvas");
    this.countdown = root.querySelector(".camera-countdown");
    this.status = root.querySelector(".camera-status");
    this.shoot = root.querySelector(".camera-shoot");
    this.retake = root.querySelector(".camera-retake");
    this.use = root.querySelector(".camera-use");
    this.form = root.querySelector(".camera-form");
    this.input = root.querySelector('input[type="file"]');
    this.stream = null;
    this.shoot.addEventListener("click", this.startCountdown.bind(this));
    this.retake.addEventListener("click", this.showLive.bind(this));
    this.use.addEventListener("click", this.submit.bind(this));
    window.addEventListener("pagehide", this.stop.bind(this));
    this.start();
  }

  Camera.prototype.start = function () {
    var self = this;
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return this.fail();
    navigator.mediaDevices.getUserMedia({
      video: { facingMode: "user", width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false,
    }).then(function (stream) {
      self.stream = stream;
      self.video.srcObject = stream;
      return self.video.play();
    }).then(function () {
      self.root.classList.add("camera-live");
      self.showLive();
    }).catch(function () { self.fail(); });
  };

  Camera.prototype.fail = function () {
    this.status.hidden = false;
    this.status.textContent = this.root.dataset.textNoCamera;
    this.root.classList.add("camera-missing");
  };

  Camera.prototype.showLive = function () {
    this.video.hidden = false;
    this.canvas.hidden = true;
    this.status.hidden = true;
    this.shoot.hidden = false;
    this.shoot.disabled = false;
    this.retake.hidden = true;
    this.use.hidden = true;
  };

  Camera.prototype.startCountdown = function () {
    var self = this;
    var n = 3;
    this.shoot.disabled = true;
    this.countdown.hidden = false;
    this.countdown.textContent = n;
    var timer = setInterval(function () {
      n -= 1;
      if (n > 0) { self.countdown.textContent = n; return; }
      clearInterval(timer);
      self.countdown.hidden = true;
      self.capture();
    }, 1000);
  };

  Camera.prototype.capture = function () {
    var w = this.video.videoWidth, h = this.video.videoHeight;
    this.canvas.width = w;
    this.canvas.height = h;
    this.canvas.getContext("2d").drawImage(this.video, 0, 0, w, h);
    this.root.classList.add("camera-flash");
    var root = this.root;
    setTimeout(function () { root.classList.remove("camera-flash"); }, 300);
    this.video.hidden = true;
    this.canvas.hidden = false;
    this.shoot.hidden = true;
    this.retake.hidden = false;
    this.use.hidden = false;
  };

  Camera.prototype.submit = function () {
    var self = this;
    this.use.disabled = true;
    this.canvas.toBlob(function (blob) {
      var transfer = new DataTransfer();
      transfer.items.add(new File([blob], "photo.jpg", { type: "image/jpeg" }));
      self.input.files = transfer.files;
      self.stop();
      self.form.submit();
    }, "image/jpeg", 0.92);
  };

  Camera.prototype.stop = function () {
    if (this.stream) this.stream.getTracks().forEach(function (track) { track.stop(); });
    this.stream = null;
  };

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-camera]").forEach(function (root) { root.camera = new Camera(root); });
  });
})();
