// The moderation console's keyboard: j/k next/previous entry, v reveal the video, a approve (keep), r reject
// (choose a reason, Enter sends), x select for a bulk action. Opening an entry claims it; an entry another
// moderator holds is marked and skipped. Works on top of plain forms (htmx swaps each decided card in place).
(function () {
  "use strict";

  var queue = document.getElementById("queue");
  if (!queue) return;
  var current = null;
  var renewTimer = null;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function cards() { return Array.prototype.slice.call(queue.querySelectorAll(".mod-card")); }

  function open(card) { return !card.classList.contains("decided") && !card.classList.contains("claimed"); }

  function claim(card) {
    return fetch(card.dataset.claimUrl, {
      method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).catch(function () { return { ok: true, data: {} }; });  // offline: keep reviewing, the server decides
  }

  function markClaimed(card, message) {
    card.classList.add("claimed");
    var note = card.querySelector(".claim-note");
    note.textContent = message;
    note.hidden = false;
  }

  function select(card, direction) {
    if (current) current.classList.remove("current");
    current = card;
    if (!card) return;
    card.classList.add("current");
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest", behavior: "smooth" });
    claim(card).then(function (result) {
      if (result.ok || card !== current) return;
      markClaimed(card, result.data.message || "");
      move(direction || 1);  // someone else has it: skip
    });
    clearInterval(renewTimer);
    renewTimer = setInterval(function () { if (current) claim(current); }, 120000);
  }

  function move(step) {
    var list = cards();
    var index = current ? list.indexOf(current) : -1;
    for (var i = index + step; i >= 0 && i < list.length; i += step) {
      if (open(list[i])) { select(list[i], step); return; }
    }
  }

  function reveal(card) {
    var box = card && card.querySelector(".reveal");
    if (!box) return;
    var revealed = box.dataset.revealed === "true";
    box.dataset.revealed = revealed ? "false" : "true";
    var video = box.querySelector("video");
    if (!revealed && video) { video.play().catch(function () {}); } else if (video) { video.pause(); }
  }

  queue.addEventListener("click", function (event) {
    var button = event.target.closest(".reveal-button");
    if (button) reveal(button.closest(".mod-card"));
    var card = event.target.closest(".mod-card");
    if (card && card !== current && open(card) && !event.target.closest("form")) select(card, 1);
  });

  // Enter on the reason list sends the rejection (a select does not submit its form by itself).
  queue.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches(".reject-form select, .reject-form input")) {
      event.preventDefault();
      var form = event.target.closest("form");
      if (form.reportValidity()) form.requestSubmit();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest && event.target.closest("input, select, textarea, button")) return;
    var handled = true;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "v": reveal(current); break;
      case "a":
        if (current && open(current)) current.querySelector(".approve-form").requestSubmit();
        break;
      case "r":
        if (current && open(current)) current.querySelector(".reject-form select").focus();
        break;
      case "x":
        var box = current && current.querySelector("input[name=entries]");
        if (box) box.checked = !box.checked;
        break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });

  // A decided card came back from the server: it replaces the old one, and the next entry opens.
  document.body.addEventListener("htmx:load", function (event) {
    var card = event.target.closest && event.target.closest(".mod-card");
    if (!card) return;
    var wasCurrent = current && !document.body.contains(current) && current.dataset.entry === card.dataset.entry;
    if (wasCurrent || (current && current.dataset.entry === card.dataset.entry)) {
      current = card;
      if (card.classList.contains("decided")) move(1); else select(card, 1);
    }
  });

  var first = cards().filter(open)[0];
  if (first) select(first, 1);
})();
