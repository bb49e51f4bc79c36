// Précis service worker: the page works offline after the first visit.
//
// On install it precaches every file of the site, as listed by scripts/assemble-site.mjs,
// which writes the list and a content hash of the files into PRECACHE below (the copy in
// web/ has an empty list: only the assembled site is precached). The hash names the
// cache, so a rebuilt site installs as a new version and the old cache is dropped when
// that version takes over. Requests are answered cache-first; anything not precached
// goes to the network, and only for this origin: the worker never fetches elsewhere.
//
// A new version waits (it does not skip waiting on its own): the page offers a reload,
// and posts { type: 'skip-waiting' } when the reader accepts.

const PRECACHE = /* @precache */ { version: 'dev', files: [] } /* @end */;
const CACHE = `precis-${PRECACHE.version}`;
const SCOPE = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // cache: 'reload' so that a stale HTTP cache entry cannot end up in the precache.
      cache.addAll(PRECACHE.files.map((file) => new Request(new URL(file, SCOPE), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('precis-') && name !== CACHE).map((name) => caches.delete(name)));
    // Take over the page of the first visit too, so it works offline without a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return; // not ours: left to the browser (the page makes none)
  event.respondWith(cacheFirst(request, url));
});

async function cacheFirst(request, url) {
  const cache = await caches.open(CACHE);
  // The site's root is its index.html; the query never selects a different file.
  const key = url.pathname === SCOPE.pathname ? new URL('index.html', SCOPE).href : request;
  const cached = await cache.match(key, { ignoreSearch: true });
  return cached ?? fetch(request);
}
