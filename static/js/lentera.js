/* Lentera: the phone menu (a disclosure button: Escape closes it and gives the focus back), Escape and an outside
   click closing the account and Kelola menus, the confirmation dialog and keyboard access to wide tables.
   Without JavaScript the menu stays visible as a row that scrolls sideways. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var toggle = document.querySelector("[data-menu-toggle]");
  var header = document.querySelector(".site-header");
  if (toggle && header) {
    var menu = document.getElementById(toggle.getAttribute("aria-controls"));
    var setOpen = function (open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      header.classList.toggle("menu-open", open);
      if (open && menu) {
        var first = menu.querySelector("a, button, select");
        if (first) first.focus();
      }
    };
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
  }
  // Escape folds the innermost menu the focus is in: an open account or Kelola menu first (focus back on its
  // summary), then the phone menu (focus back on its button). The confirmation dialog handles its own Escape.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || (dialog && dialog.open)) return;
    var active = document.activeElement;
    var details = active && active.closest ? active.closest(".site-header details[open]") : null;
    if (details) {
      details.open = false;
      details.querySelector("summary").focus();
    } else if (toggle && header && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
  // Irreversible actions ask first: a form or a submit button with data-confirm="question" opens a modal
  // <dialog> before the form is sent: Tab stays inside, Escape or "Batal" cancels, and the focus goes back to the
  // button that asked. Without JavaScript the form is sent at once.
  var dialog = null;
  var returnFocus = null;
  var confirmWith = function (question, proceed) {
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "confirm-dialog";
      dialog.setAttribute("aria-modal", "true");
      dialog.setAttribute("aria-labelledby", "confirm-question");
      dialog.innerHTML = '<p id="confirm-question"></p><div class="actions">' +
        '<button type="button" class="button button-danger" value="yes"></button>' +
        '<button type="button" class="button" value="no"></button></div>';
      document.body.appendChild(dialog);
      dialog.addEventListener("keydown", function (event) {
        if (event.key !== "Tab") return;
        var buttons = dialog.querySelectorAll("button");
        var first = buttons[0];
        var last = buttons[buttons.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      });
      dialog.addEventListener("close", function () {
        if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
        returnFocus = null;
      });
    }
    var yes = dialog.querySelector('[value="yes"]');
    var no = dialog.querySelector('[value="no"]');
    dialog.querySelector("#confirm-question").textContent = question;
    yes.textContent = document.documentElement.lang === "en" ? "Yes, continue" : "Ya, lanjutkan";
    no.textContent = document.documentElement.lang === "en" ? "Cancel" : "Batal";
    yes.onclick = function () { returnFocus = null; dialog.close(); proceed(); };
    no.onclick = function () { dialog.close(); };
    returnFocus = document.activeElement;
    dialog.showModal();
    no.focus();
  };
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var source = event.submitter && event.submitter.dataset.confirm ? event.submitter : form;
    var question = source.dataset && source.dataset.confirm;
    if (!question || form.dataset.confirmed === "yes") return;
    event.preventDefault();
    var submitter = event.submitter;
    confirmWith(question, function () {
      form.dataset.confirmed = "yes";
      if (form.requestSubmit) form.requestSubmit(submitter || undefined); else form.submit();
    });
  });

  // filters folded away on a phone are open from the start on a wider screen
  if (window.matchMedia("(min-width: 721px)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }
  // a table wider than the screen scrolls sideways inside .table-wrap: that region must take the keyboard focus
  // (arrow keys scroll it) and say what it holds; a table that fits stays out of the Tab order
  // named "Tabel <heading>": the section around it is already a region named by that heading
  var labelOf = function (wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var heading = null;
    for (var node = wrap.previousElementSibling; node && !heading; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) heading = node;
    }
    var section = wrap.closest("[aria-labelledby]");
    heading = heading || (section && document.getElementById(section.getAttribute("aria-labelledby")));
    var word = document.documentElement.lang === "en" ? "Table" : "Tabel";
    return heading ? word + " " + heading.textContent.trim() : word;
  };
  var markScrollable = function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", labelOf(wrap));
    } else if (wrap.getAttribute("role") === "region") {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  };
  var wraps = document.querySelectorAll(".table-wrap");
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { markScrollable(entry.target); });
    });
    wraps.forEach(function (wrap) { observer.observe(wrap); });
  }
  wraps.forEach(markScrollable);

  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.user-menu[open], .nav-manage details[open]").forEach(function (details) {
      if (!details.contains(event.target)) details.removeAttribute("open");
    });
  });
})();
