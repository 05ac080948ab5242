import { useSyncExternalStore } from 'react';

const DATA_CACHE = 'wv-terminal-data';

/**
 * Registers the terminal's service worker (public/sw.js) so the terminal opens again after a
 * reload without network. Only the terminal screens call this; office pages work online.
 */
export function registerTerminalServiceWorker(warm: string[] = []) {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const { serviceWorker } = navigator;
  void serviceWorker.register('/sw.js', { scope: '/' }).then(() => serviceWorker.ready).then(async (registration) => {
    // files loaded before the worker took control of this first visit
    const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.startsWith(`${location.origin}/assets/`));
    registration.active?.postMessage({ type: 'cache-assets', urls });
    // answers the page got before the worker took control (e.g. who signed in) are read once more through it
    if (!serviceWorker.controller) await new Promise((resolve) => serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    for (const url of warm) await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => undefined);
  }).catch(() => undefined);
}

/** After sign-out: forget the cached answers (who was signed in, the order list) on this device. */
export async function clearTerminalData() {
  if ('caches' in window) await caches.delete(DATA_CACHE).catch(() => undefined);
}

const subscribe = (notify: () => void) => {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
};

/** Whether the browser reports a network connection. */
export const useOnline = () => useSyncExternalStore(subscribe, () => navigator.onLine);
