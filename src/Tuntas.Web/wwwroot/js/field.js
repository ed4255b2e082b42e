// The field app for operators and facilitators (progressive enhancement: without it the visit form
// is an ordinary form post). It installs the service worker (sw.js), keeps each finished visit in
// the phone's outbox (outbox.js) until the server confirms it, sends it when the connection
// returns, and always shows what is waiting.
(function () {
  var user = document.body.getAttribute("data-user");
  var panel = document.querySelector("[data-outbox-panel]");
  if (!user || !panel || !window.indexedDB || !window.fetch || !window.Promise || typeof TuntasOutbox === "undefined") { return; }

  var worker = "serviceWorker" in navigator ? navigator.serviceWorker.register("/sw.js").then(function () { return navigator.serviceWorker.ready; }) : null;

  // The task list names what to keep for a day without signal: the open tasks' forms and households.
  if (worker) {
    worker.then(function (registration) {
      var urls = [location.pathname];
      document.querySelectorAll("link[rel=stylesheet], script[src]").forEach(function (el) { urls.push(el.href || el.src); });
      if (location.pathname === "/tugas") {
        // Only the rows with an open task (their form link), at most 100 of them: a slow connection pays for each.
        var rows = Array.prototype.filter.call(document.querySelectorAll("main tr"), function (tr) { return tr.querySelector("a[href^='/tugas/']"); }).slice(0, 100);
        rows.forEach(function (tr) {
          tr.querySelectorAll("a[href^='/tugas/'], a[href^='/keluarga/']").forEach(function (a) { urls.push(a.getAttribute("href")); });
        });
      }
      if (registration.active) { registration.active.postMessage({ type: "keep", urls: urls }); }
    });
  }

  var list = panel.querySelector("[data-outbox-list]");
  var note = panel.querySelector("[data-outbox-note]");
  var form = document.querySelector("form[data-outbox]");

  function text(name) { return panel.getAttribute("data-" + name) || ""; }

  function render() {
    return TuntasOutbox.list(user).then(function (records) {
      panel.hidden = records.length === 0 && note.hidden;
      panel.querySelector("[data-outbox-title]").textContent = records.length === 1 ? text("one") : text("many").replace("{0}", records.length);
      panel.querySelector("[data-outbox-signin]").hidden = !records.some(function (r) { return r.state === "signin"; });
      list.textContent = "";
      records.forEach(function (r) {
        var item = document.createElement("li");
        var when = new Date(r.created);
        var time = ("0" + when.getHours()).slice(-2) + "." + ("0" + when.getMinutes()).slice(-2);
        var link = document.createElement("a");
        link.href = r.url;
        link.textContent = r.title;
        item.appendChild(link);
        var photos = r.fields.filter(function (f) { return f.file; }).length;
        var state = r.state === "refused" ? text("refused") + " " + (r.error || "") : text("state-" + r.state);
        item.appendChild(document.createTextNode(" · " + text("kept-at") + " " + time + (photos ? " · " + photos + " " + text("photos") : "") + " · " + state));
        if (r.state === "refused") {
          item.className = "refused";
          var remove = document.createElement("button");
          remove.type = "button";
          remove.className = "link";
          remove.textContent = text("remove");
          remove.addEventListener("click", function () { TuntasOutbox.remove(r.id).then(render); });
          item.appendChild(document.createTextNode(" "));
          item.appendChild(remove);
        }
        list.appendChild(item);
      });
      if (form) {
        var waiting = records.some(function (r) { return r.url === location.pathname && r.state !== "refused"; });
        form.hidden = waiting;
        if (waiting && note.hidden) { note.textContent = text("task-waiting"); note.hidden = false; panel.hidden = false; }
      }
      return records;
    });
  }

  var busy = null;
  function send() {
    if (busy) { return busy; }
    busy = TuntasOutbox.flush().then(function (sent) {
      // The visit of this very form has arrived: show its household, as the ordinary form post does.
      var mine = sent.filter(function (s) { return s.url === location.pathname; })[0];
      if (mine && form) { location.href = mine.next; return; }
      return render();
    }, render).then(function () { busy = null; }, function () { busy = null; });
    return busy;
  }

  if (form) {
    var id = form.querySelector("[data-submission-id]");
    if (id && window.crypto && crypto.randomUUID) { id.value = crypto.randomUUID(); }
    form.setAttribute("data-outbox-active", "");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      event.stopPropagation();
      var fields = [];
      new FormData(form).forEach(function (value, name) {
        if (name === "__RequestVerificationToken") { return; }
        if (typeof value === "object") {
          if (value.size) { fields.push({ name: name, file: value, filename: value.name }); }
        } else {
          fields.push({ name: name, value: value });
        }
      });
      var heading = document.querySelector("main h1");
      var record = {
        id: (id && id.value) || String(Date.now()),
        user: user,
        url: location.pathname,
        title: heading ? heading.textContent.trim() : location.pathname,
        created: Date.now(),
        fields: fields,
        state: "waiting",
      };
      TuntasOutbox.put(record).then(function () {
        // Kept safely: the typed draft is no longer needed.
        try { localStorage.removeItem("tuntas:" + form.getAttribute("data-keep")); } catch (e) { /* no storage */ }
        note.textContent = text("kept");
        note.hidden = false;
        if (worker) {
          worker.then(function (registration) { return registration.sync && registration.sync.register("tuntas-outbox"); }).catch(function () { /* no Background Sync: the page retries */ });
        }
        return render().then(send);
      }, function () {
        // The phone cannot keep it (storage full or blocked): send it the ordinary way.
        form.submit();
      });
    });
  }

  panel.querySelector("[data-outbox-send]").addEventListener("click", send);
  window.addEventListener("online", send);
  if (navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "outbox-changed") { render(); }
    });
  }
  // A connection may come back without an 'online' event (a captive portal, a weak cell): try now and then.
  setInterval(function () { if (navigator.onLine) { TuntasOutbox.list(user).then(function (r) { if (r.length) { send(); } }); } }, 30000);
  render().then(function (records) { if (records.length && navigator.onLine) { send(); } });
})();
