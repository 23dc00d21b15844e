// Rapport: drag and drop on the deals kanban (/deals). Optional: without it every card has a
// stage select and a move button, and win/lose links that ask for the reason.
// Dropping a card on a column POSTs /api/v1/deals/{id}/move with the session's anti-forgery
// token (X-CSRF-Token); the card moves at once and goes back, with the server's message shown,
// if the move is refused. Dropping on Won or Lost opens the form that asks for the reason.
(function () {
  "use strict";
  var board = document.getElementById("kanban");
  var message = document.getElementById("board-message");
  if (!board || !window.fetch) return;
  var token = board.getAttribute("data-csrf") || "";
  var dragged = null;

  function column(el) {
    while (el && el !== board) {
      if (el.classList && (el.classList.contains("kanban-column") || el.classList.contains("kanban-drop"))) return el;
      el = el.parentNode;
    }
    return null;
  }

  function say(text) {
    if (!message) return;
    message.textContent = text;
    message.hidden = !text;
  }

  function bump(col, delta) {
    var count = col && col.querySelector(".kanban-count");
    if (count) count.textContent = String(Math.max(0, (parseInt(count.textContent, 10) || 0) + delta));
  }

  // Money as the server shows it (MinorUnits.display): ¥12,345.60, $…, €…, else "USD 5.00".
  function money(minor, currency) {
    var sign = minor < 0 ? "-" : "", m = Math.abs(minor), cents = m % 100;
    var whole = String(Math.floor(m / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    var text = whole + "." + (cents < 10 ? "0" : "") + cents;
    var symbol = { CNY: "¥", USD: "$", EUR: "€" }[currency];
    return sign + (symbol ? symbol + text : currency + " " + text);
  }

  function sums(totals, key) {
    if (!totals || !totals.length) return money(0, "CNY");
    return totals.map(function (t) { return money(t[key], t.currency); }).join(" + ");
  }

  // After a move: the columns' counts and amounts, and the totals, from the pipeline summary.
  function refreshTotals() {
    var owner = board.getAttribute("data-owner");
    fetch("/api/v1/pipeline?perStage=0" + (owner ? "&owner=" + encodeURIComponent(owner) : ""),
          { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body) return;
        (body.columns || []).forEach(function (c) {
          var col = document.getElementById("column-" + c.stage.id);
          if (!col) return;
          var count = col.querySelector(".kanban-count"), amount = col.querySelector(".kanban-amount"),
              weighted = col.querySelector(".kanban-weighted");
          if (count) count.textContent = String(c.count);
          if (amount) amount.textContent = sums(c.totals, "amount");
          if (weighted) weighted.textContent = sums(c.totals, "weighted");
        });
        var total = document.getElementById("total-amount"), totalWeighted = document.getElementById("total-weighted");
        if (total) total.textContent = sums(body.totals, "amount");
        if (totalWeighted) totalWeighted.textContent = sums(body.totals, "weighted");
      })
      .catch(function () { /* the counts moved already; a reload shows the rest */ });
  }

  function problemText(body, status) {
    if (body && body.errors && body.errors.length && body.errors[0].message) return body.errors[0].message;
    if (body && body.detail) return body.detail;
    if (body && body.title) return body.title;
    return (board.getAttribute("data-failed") || "") + " (" + status + ")";
  }

  function move(card, from, to) {
    var list = to.querySelector(".kanban-cards");
    var next = card.nextSibling;
    list.insertBefore(card, list.firstChild);
    bump(from, -1); bump(to, 1);
    say("");
    var id = card.getAttribute("data-id");
    fetch("/api/v1/deals/" + encodeURIComponent(id) + "/move", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify({ stageID: to.getAttribute("data-stage"), version: parseInt(card.getAttribute("data-version"), 10) })
    }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (body) { return { ok: r.ok, status: r.status, body: body }; });
    }).then(function (result) {
      if (result.ok && result.body) {
        card.setAttribute("data-version", String(result.body.version));
        var version = card.querySelector("input[name=version]");
        if (version) version.value = String(result.body.version);
        var select = card.querySelector("select[name=stageID]");
        if (select) select.value = result.body.stageID;
        card.classList.add("moved");
        refreshTotals();
        return;
      }
      throw problemText(result.body, result.status);
    }).catch(function (problem) {
      from.querySelector(".kanban-cards").insertBefore(card, next && next.parentNode ? next : null);
      bump(to, -1); bump(from, 1);
      say(typeof problem === "string" ? problem : (board.getAttribute("data-failed") || ""));
    });
  }

  board.addEventListener("dragstart", function (e) {
    var card = e.target && e.target.closest ? e.target.closest(".deal-card") : null;
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    if (e.dataTransfer) {
      e.dataTransfer.effectAllowed = "move";
      try { e.dataTransfer.setData("text/plain", card.getAttribute("data-id")); } catch (ignored) { /* old browsers */ }
    }
  });
  board.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
  });
  board.addEventListener("dragover", function (e) {
    if (dragged && column(e.target)) { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = "move"; }
  });
  board.addEventListener("drop", function (e) {
    var target = column(e.target);
    var card = dragged;
    dragged = null;
    if (!card || !target) return;
    e.preventDefault();
    card.classList.remove("dragging");
    var outcome = target.getAttribute("data-outcome");
    if (outcome) {
      window.location.href = "/deals/" + encodeURIComponent(card.getAttribute("data-id")) + "/close?outcome=" + outcome;
      return;
    }
    var from = column(card);
    if (!from || from === target || !target.getAttribute("data-stage")) return;
    move(card, from, target);
  });
})();
