/*
 * Service worker of the shop-floor terminal: after one visit online, the terminal opens again
 * after a reload without network. Hand-written because it caches only three things:
 * - the app shell (index.html and the hashed files under /assets/, cache first: their names change
 *   with every build, so a cached file is never stale);
 * - the last answers of GET /api/v1/me, /api/v1/terminal and the shop-floor reads, network first,
 *   used only when the network fails (an answer such as 401 is passed through and never replaced);
 * - nothing else: bookings are kept by the terminal page itself (localStorage queue).
 * Signing out deletes the data cache (see service-worker-client.ts).
 */
const SHELL_CACHE = 'wv-shell-v1';
const DATA_CACHE = 'wv-terminal-data';
const INDEX = '/index.html';

const isAsset = (url) => url.pathname.startsWith('/assets/') || /^\/(favicon\.svg|icon-\d+\.png|manifest\.webmanifest)$/.test(url.pathname);
const isCachedRead = (url) =>
  url.pathname === '/api/v1/me' || url.pathname === '/api/v1/terminal' || /^\/api\/v1\/companies\/[^/]+\/shopfloor\//.test(url.pathname);

async function cacheShell() {
  const cache = await caches.open(SHELL_CACHE);
  const response = await fetch('/terminal', { credentials: 'same-origin' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(INDEX, response);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await Promise.all(assets.map((a) => cache.add(a).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('wv-shell-') && name !== SHELL_CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

// The page reports the files it loaded before this worker took control (first visit).
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache-assets' || !Array.isArray(event.data.urls)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    for (const href of event.data.urls) {
      const url = new URL(href, self.location.origin);
      if (url.origin === self.location.origin && isAsset(url) && !(await cache.match(url.pathname))) await cache.add(url.pathname).catch(() => undefined);
    }
  })());
});

async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    else if (response.status === 401 || response.status === 403) await cache.delete(key);
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request.url.replace(self.location.origin, ''));
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(new URL(request.url).pathname, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request, SHELL_CACHE, INDEX));
  else if (isAsset(url)) event.respondWith(cacheFirst(request));
  else if (isCachedRead(url)) event.respondWith(networkFirst(request, DATA_CACHE, url.pathname + url.search));
});
