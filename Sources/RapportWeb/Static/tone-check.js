// Rapport: live tone check on the compose page. Optional: without it the "Check tone" button
// does the same on the server. While the user types, the message is sent to POST
// /api/v1/tone-check (with the session's anti-forgery token in X-CSRF-Token) and the findings
// are listed beside the form, built with textContent only.
(function () {
  "use strict";
  var form = document.getElementById("compose-form");
  var box = document.getElementById("tone-live");
  var message = document.getElementById("f-message");
  if (!form || !box || !message || !window.fetch) return;
  var token = form.querySelector("input[name=_csrf]");
  var labels = {};
  try { labels = JSON.parse(box.getAttribute("data-labels") || "{}"); } catch (e) { labels = {}; }
  var timer = null, sent = 0;

  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text) el.textContent = text;
    parent.appendChild(el);
    return el;
  }

  function show(findings, text) {
    box.textContent = "";
    box.hidden = false;
    add(box, "h2", labels.heading || "");
    if (!findings.length) { add(box, "p", labels.ok || "", "tone-ok"); return; }
    var list = add(box, "ol", "", "findings");
    findings.forEach(function (f) {
      var item = add(list, "li", "", "finding");
      add(add(item, "p", "", "finding-head"), "span", (labels.categories || {})[f.category] || f.category, "badge");
      if (f.utf16Length > 0) {
        var context = add(item, "p", "", "finding-context");
        var start = f.utf16Offset, end = f.utf16Offset + f.utf16Length;
        context.appendChild(document.createTextNode(text.slice(Math.max(0, start - 24), start)));
        add(context, "mark", text.slice(start, end), "phrase");
        context.appendChild(document.createTextNode(text.slice(end, end + 24)));
      }
      add(item, "p", (labels.why || "") + " " + f.why, "finding-why");
      add(item, "p", (labels.better || "") + " " + f.better, "finding-better");
    });
  }

  function check() {
    var text = message.value, ticket = ++sent;
    if (!text.trim()) { box.hidden = true; return; }
    fetch("/api/v1/tone-check", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token ? token.value : "" },
      body: JSON.stringify({ text: text })
    }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (body && ticket === sent) {
          var old = document.getElementById("tone-findings");
          if (old) old.hidden = true;
          show(body.findings || [], text);
        }
      })
      .catch(function () { /* the button still works */ });
  }

  message.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 600);
  });
})();
