// The phone's outbox: finished visits kept in IndexedDB, with their photos as Blobs, until the
// server confirms them. Used by the pages (field.js) and by the service worker (sw.js, for
// Background Sync), so it touches no document.
//
// A record: { id: the submission id (a UUID made when the form was opened), user, url: the form's
// address, title, created, fields: [{ name, value } | { name, file, filename }],
// state: "waiting" | "signin" | "refused", error }.
var TuntasOutbox = (function () {
  var DB = "tuntas-field";
  var STORE = "outbox";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "id" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var request = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function put(record) { return run("readwrite", function (s) { return s.put(record); }); }

  function remove(id) { return run("readwrite", function (s) { return s.delete(id); }); }

  /** The records of one user (all users when user is empty), oldest first. */
  function list(user) {
    return run("readonly", function (s) { return s.getAll(); }).then(function (all) {
      return (all || []).filter(function (r) { return !user || r.user === user; })
        .sort(function (a, b) { return a.created - b.created; });
    });
  }

  function toSignIn(response) {
    return response.status === 401 || (response.redirected && new URL(response.url).pathname === "/masuk");
  }

  // The signed-in user and a fresh antiforgery token, from a visit's own form page (the layout's
  // sign-out form carries a token even when the task is no longer open). Offline, or when the
  // session has ended, says so instead.
  function session(url) {
    return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (toSignIn(response)) { return { signin: true }; }
      if (response.status === 404 && url !== "/tugas") { return session("/tugas"); }
      if (!response.ok) { return { offline: true }; }
      return response.text().then(function (html) {
        var token = /name="__RequestVerificationToken"[^>]*?value="([^"]+)"/.exec(html);
        var user = /<body[^>]*data-user="([^"]*)"/.exec(html);
        if (!token || !user) { return { signin: true }; }
        return { token: token[1], user: user[1].replace(/&#x2E;/g, ".").replace(/&amp;/g, "&") };
      });
    }, function () { return { offline: true }; });
  }

  // Sends one record: "sent" (stored now or before), "signin", "waiting" (no connection, or the
  // server is busy), or { refused: words to show }.
  function send(record, token) {
    var body = new FormData();
    record.fields.forEach(function (f) {
      if (f.file) { body.append(f.name, f.file, f.filename); } else { body.append(f.name, f.value); }
    });
    body.append("__RequestVerificationToken", token);
    return fetch(record.url, { method: "POST", body: body, credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (response) {
      if (toSignIn(response)) { return "signin"; }
      if ((response.headers.get("Content-Type") || "").indexOf("json") >= 0) {
        return response.json().then(function (answer) {
          if (answer.state === "stored" || answer.state === "already") { return { sent: answer.next }; }
          return { refused: answer.error || String(response.status) };
        });
      }
      if (response.ok && response.redirected && response.url.indexOf("pesan=kunjungan-terkirim") >= 0) { return { sent: response.url }; }
      if (response.status >= 500 || response.status === 429 || response.status === 408) { return "waiting"; }
      return { refused: "HTTP " + response.status };
    }, function () { return "waiting"; });
  }

  var running = null;

  /** Sends what is waiting for the signed-in user, one visit at a time; resolves to the addresses of the sent ones. */
  function flush() {
    if (running) { return running; }
    var sent = [];
    running = list("").then(function (all) {
      var due = all.filter(function (r) { return r.state !== "refused"; });
      if (!due.length) { return sent; }
      return session(due[0].url).then(function (s) {
        if (s.offline) { return sent; }
        if (s.signin) {
          return Promise.all(due.map(function (r) { r.state = "signin"; return put(r); })).then(function () { return sent; });
        }
        return due.filter(function (r) { return r.user === s.user; }).reduce(function (chain, record) {
          return chain.then(function () {
            return send(record, s.token).then(function (outcome) {
              if (outcome && outcome.sent) { sent.push({ url: record.url, next: outcome.sent }); return remove(record.id); }
              if (outcome === "signin" || outcome === "waiting") { record.state = outcome; return put(record); }
              record.state = "refused";
              record.error = outcome.refused;
              return put(record);
            });
          });
        }, Promise.resolve()).then(function () { return sent; });
      });
    });
    var done = function () { running = null; };
    running.then(done, done);
    return running;
  }

  return { put: put, remove: remove, list: list, flush: flush };
})();
