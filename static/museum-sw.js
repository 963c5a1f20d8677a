// The museum screens' service worker (served at /museum/sw.js, scope /museum/): the playlist network-first with
// the cached copy as fallback, media cache-first as whole files, answering range requests from the cache, so a
// screen keeps playing when the network drops. Media may live on object storage (another origin: the bucket or
// its CDN must allow CORS GET from the site); the playlist tells which URLs to keep, and anything cached that
// left the playlist is evicted, so the cache holds what the screen plays and no more.
"use strict";

var CACHE = "wonder-museum-v1";
// Pages, scripts and the playlist itself: never evicted by the playlist (they are not media).
var KEEP = /\/(museum|static)\//;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function cacheWhole(url) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(url).then(function (hit) {
      if (hit) return hit;
      // CORS for another origin (object storage): an opaque answer could be neither measured nor sliced.
      var sameOrigin = new URL(url).origin === self.location.origin;
      return fetch(url, { credentials: sameOrigin ? "same-origin" : "omit", mode: sameOrigin ? "same-origin" : "cors" })
        .then(function (response) {
        if (response.status === 200) cache.put(url, response.clone());
        return response;
      });
    });
  });
}

function absolute(url) { return new URL(url, self.location.href).href; }

function evictExcept(urls) {
  var wanted = {};
  urls.forEach(function (url) { wanted[absolute(url)] = true; });
  return caches.open(CACHE).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        var url = new URL(request.url);
        var isPage = url.origin === self.location.origin && KEEP.test(url.pathname);
        if (isPage || wanted[request.url]) return null;
        return cache.delete(request);
      }));
    });
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "cache" && Array.isArray(data.urls)) {
    var urls = data.urls.map(absolute);
    event.waitUntil(
      evictExcept(urls).then(function () {
        return Promise.all(urls.map(function (url) { return cacheWhole(url).catch(function () {}); }));
      })
    );
  }
});

function rangeResponse(response, range) {
  return response.arrayBuffer().then(function (buffer) {
    var size = buffer.byteLength;
    var match = /^bytes=(\d*)-(\d*)$/.exec(range);
    var start = match && match[1] ? parseInt(match[1], 10) : 0;
    var end = match && match[2] ? Math.min(parseInt(match[2], 10), size - 1) : size - 1;
    if (match && !match[1] && match[2]) { start = Math.max(size - parseInt(match[2], 10), 0); end = size - 1; }
    if (start >= size || start > end) {
      return new Response(null, { status: 416, headers: { "Content-Range": "bytes */" + size } });
    }
    return new Response(buffer.slice(start, end + 1), {
      status: 206,
      headers: {
        "Content-Type": response.headers.get("Content-Type") || "video/mp4",
        "Content-Range": "bytes " + start + "-" + end + "/" + size,
        "Content-Length": String(end - start + 1),
        "Accept-Ranges": "bytes"
      }
    });
  });
}

function media(request) {
  var range = request.headers.get("Range");
  return cacheWhole(request.url).then(function (response) {
    if (!range || response.status !== 200) return response;
    return rangeResponse(response, range);
  });
}

function networkFirst(request) {
  return fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request.url, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request.url).then(function (hit) { return hit || Response.error(); });
    });
  });
}

// Media on another origin (bucket mode): served from the cache when the playlist had it cached, else the network.
function storedMedia(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request.url).then(function (hit) {
      if (!hit) return fetch(request);
      var range = request.headers.get("Range");
      return range ? rangeResponse(hit, range) : hit;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    if (request.destination === "video" || request.destination === "image" || request.destination === "") {
      event.respondWith(storedMedia(request));
    }
    return;
  }
  if (url.pathname.indexOf("/media/") === 0) { event.respondWith(media(request)); return; }
  if (url.pathname.indexOf("/museum/") === 0 || url.pathname.indexOf("/static/") === 0) {
    event.respondWith(networkFirst(request));
  }
});
