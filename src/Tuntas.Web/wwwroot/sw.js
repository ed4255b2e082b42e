// The field app's service worker (operators and facilitators only; see docs/security.md).
// It keeps exactly the screens a visitor needs without signal: the task list, the visit forms of
// the open tasks and the summaries of their households, plus the site's own CSS and JS. No other
// page is ever kept. The kept pages hold personal data: they are deleted when anyone signs out or
// signs in (the POSTs to /keluar and /masuk pass through here).
importScripts("/js/outbox.js");

var PAGES = "tuntas-pages-v1";
var FILES = "tuntas-files-v1";
var FIELD_PAGES = [/^\/tugas$/, /^\/tugas\/\d+$/, /^\/keluarga\/\d{16}$/];
// A kept page older than this is fetched again when the task list asks for it (forms carry the task's version).
var FRESH_MS = 60 * 60 * 1000;

function isFieldPage(url) {
  return url.origin === self.location.origin && FIELD_PAGES.some(function (p) { return p.test(url.pathname); });
}

function isSiteFile(url) {
  return url.origin === self.location.origin && (/^\/(css|js|icons)\//.test(url.pathname) || url.pathname === "/manifest.webmanifest");
}

// A page is kept only as the signed-in user saw it: not an error, not the sign-in page it was sent to.
function keepable(response, url) {
  return response && response.ok && response.type === "basic" && new URL(response.url).pathname === url.pathname;
}

// Pages are kept under their address without a query: only the plain address is ever kept.
function pageKey(url) { return url.origin + url.pathname; }

function forget() { return caches.delete(PAGES); }

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== PAGES && k !== FILES; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method === "POST" && url.origin === self.location.origin && (url.pathname === "/keluar" || url.pathname === "/masuk")) {
    event.waitUntil(forget());
    return;
  }

  if (request.method !== "GET") { return; }
  if (request.mode === "navigate" && isFieldPage(url)) {
    // Network first: the page as it is now; the kept copy only when there is no connection.
    event.respondWith(fetch(request).then(function (response) {
      if (keepable(response, url) && url.search === "") {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) { return cache.put(pageKey(url), copy); });
      }
      return response;
    }, function () {
      return caches.open(PAGES).then(function (cache) {
        return cache.match(pageKey(url)).then(function (kept) {
          return kept || cache.match(self.location.origin + "/tugas").then(function (list) { return list || offlinePage(); });
        });
      });
    }));
    return;
  }

  if (isSiteFile(url)) {
    // Versioned addresses never change; the rest (this worker's helpers, the manifest) are checked when online.
    event.respondWith(caches.open(FILES).then(function (cache) {
      return cache.match(request).then(function (kept) {
        var fresh = fetch(request).then(function (response) {
          if (response.ok) { cache.put(request, response.clone()); }
          return response;
        });
        if (kept && url.searchParams.has("v")) { return kept; }
        return fresh.catch(function () { return kept || Response.error(); });
      });
    }));
  }
});

function offlinePage() {
  return new Response("<!DOCTYPE html><html lang=\"id\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Tuntas</title>"
    + "<p>Tidak ada sinyal, dan halaman ini belum tersimpan di HP ini. / No connection, and this page is not kept on this phone.</p><p><a href=\"/tugas\">Tugas Kunjungan</a></p>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// The task list names the pages to keep: the forms of the open tasks and their households' summaries.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "keep" && Array.isArray(data.urls)) {
    event.waitUntil(keep(data.urls));
  } else if (data.type === "forget") {
    event.waitUntil(forget());
  }
});

function keep(urls) {
  return caches.open(PAGES).then(function (cache) {
    return urls.reduce(function (chain, href) {
      var url = new URL(href, self.location.origin);
      if ((!isFieldPage(url) || url.search) && !isSiteFile(url)) { return chain; }
      var target = isSiteFile(url) ? FILES : PAGES;
      return chain.then(function () {
        return caches.open(target).then(function (c) { return c.match(isSiteFile(url) ? url.href : pageKey(url)); }).then(function (kept) {
          var date = kept && Date.parse(kept.headers.get("Date") || "");
          if (kept && (target === FILES || Date.now() - date < FRESH_MS)) { return; }
          return fetch(url.href, { credentials: "same-origin" }).then(function (response) {
            if (!keepable(response, url)) { return; }
            return target === FILES ? caches.open(FILES).then(function (c) { return c.put(url.href, response); }) : cache.put(pageKey(url), response);
          }, function () { /* no connection: kept next time */ });
        });
      });
    }, Promise.resolve());
  });
}

// Background Sync: the browser wakes this worker when the connection returns, even with the page closed.
self.addEventListener("sync", function (event) {
  if (event.tag === "tuntas-outbox") {
    event.waitUntil(TuntasOutbox.flush().then(tell));
  }
});

function tell() {
  return self.clients.matchAll({ type: "window" }).then(function (all) {
    all.forEach(function (client) { client.postMessage({ type: "outbox-changed" }); });
  });
}
