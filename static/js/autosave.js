/* Drafts that save as the employee types: a form with data-autosave is posted in the background (header
   X-Autosave: 1) after a pause in typing, and says "Tersimpan 10.42" in its [data-autosave-status]. What was typed
   is also kept on this device until the server has it, so a dropped connection or a closed tab loses nothing: it
   is put back on the next visit and sent again. The server may give a new address (a new RHK or IKI now exists):
   later saves, and the form's own button, go there. Without JavaScript the form is an ordinary form. */
(function () {
  "use strict";
  var PAUSE = 1500;
  var RETRY = 10000;
  var english = document.documentElement.lang === "en";
  var words = {
    saving: english ? "Saving…" : "Menyimpan…",
    offline: english ? "Not saved yet: no connection. Kept on this device; retrying." :
      "Belum tersimpan: koneksi terputus. Disimpan di perangkat ini; dicoba lagi.",
    restored: english ? "Restored from this device; saving…" : "Dipulihkan dari perangkat ini; menyimpan…"
  };
  var storage = null;
  try { storage = window.localStorage; } catch (error) { storage = null; }

  var values = function (form) {
    var kept = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && typeof value === "string") kept[name] = value;
    });
    return kept;
  };

  var setup = function (form) {
    var status = form.querySelector("[data-autosave-status]");
    var timer = null;
    var busy = false;
    var again = false;
    var key = function () { return "lentera-autosave:" + form.dataset.autosaveKey; };
    var say = function (text, tone) {
      if (!status) return;
      status.textContent = text;
      status.className = "autosave-status" + (tone ? " autosave-" + tone : "");
    };
    var keep = function () {
      if (storage) {
        try { storage.setItem(key(), JSON.stringify(values(form))); } catch (error) { /* storage full */ }
      }
    };
    var forget = function () { if (storage) storage.removeItem(key()); };
    var hasText = function () {
      // an empty new form is not worth a row: wait until something is written
      return Array.prototype.some.call(form.querySelectorAll("textarea, input[type=text]"), function (field) {
        return field.value.trim() !== "";
      });
    };
    var send = function () {
      timer = null;
      if (!hasText()) return;
      if (busy) { again = true; return; }
      busy = true;
      say(words.saving);
      var sent = JSON.stringify(values(form));
      fetch(form.action, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-Autosave": "1", "Accept": "application/json" }
      }).then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      }).then(function (result) {
        busy = false;
        var answer = result.answer;
        if (answer.action) {
          forget();
          form.action = answer.action;
          form.dataset.autosaveKey = answer.key || form.dataset.autosaveKey;
        }
        if (result.ok) {
          if (JSON.stringify(values(form)) === sent) forget();
          say(answer.message, "ok");
        } else {
          say(answer.message, "error");
        }
        if (again) { again = false; send(); }
      }).catch(function () {
        busy = false;
        again = false;
        say(words.offline, "error");
        if (!timer) timer = window.setTimeout(send, RETRY);
      });
    };
    var later = function () {
      keep();
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(send, PAUSE);
    };
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", function () { forget(); });
    // what this device kept and the server never confirmed goes back into the form and is sent again
    var kept = null;
    if (storage) {
      try { kept = JSON.parse(storage.getItem(key()) || "null"); } catch (error) { kept = null; }
    }
    if (kept && JSON.stringify(kept) !== JSON.stringify(values(form))) {
      Object.keys(kept).forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (field && field.type !== "radio" && field.type !== "checkbox") field.value = kept[name];
      });
      say(words.restored);
      later();
    }
  };
  document.querySelectorAll("form[data-autosave]").forEach(setup);
})();
