// When the avatar job on this page finishes, reload: the server renders the finished avatar (or the error).
document.addEventListener("job:update", function (event) {
  var holder = document.querySelector("[data-avatar-result]");
  var snap = event.detail;
  if (!holder || holder.dataset.avatarResult !== snap.id) return;
  if (["succeeded", "failed", "canceled"].indexOf(snap.status) >= 0 && !holder.dataset.reloading) {
    holder.dataset.reloading = "1";
    setTimeout(function () { location.reload(); }, 150);
  }
});
