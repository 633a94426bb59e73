// Service worker of the feedback kiosk (served at {{ scope }}sw.js, so it controls the kiosk
// pages only). It keeps the last copy of each kiosk page and its files, so a kiosk that lost
// the network can still be reloaded or restarted; answers wait in the page's own queue.
// Everything else (answers, the API, other pages) goes to the network untouched.
const CACHE = "{{ cache_name }}";
const STATIC_URL = "{{ static_url }}";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("osallisuus-kiosk-") && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(request, { ignoreVary: true });
    if (copy) return copy;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const page = request.mode === "navigate" && url.pathname.startsWith("{{ scope }}");
  if (page || url.pathname.startsWith(STATIC_URL)) event.respondWith(networkFirst(request));
});
