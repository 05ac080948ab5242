import { useEffect, useState } from 'react';
import { shopfloorPath } from './api';

/**
 * Photos taken on the terminal for a process parameter wait here until the server has them.
 *
 * Storage: IndexedDB (database `werkverbund-shopfloor`, store `photos`), not localStorage: a photo
 * downscaled to 1600 px is 200–600 kB, and localStorage holds about 5 MB in all, shared with the
 * booking queue. The photo gets its id (a UUID) on the device; the parameters booking refers to that
 * id and goes through the booking queue independently. The upload is a PUT under the id, so sending
 * it again after a lost answer stores nothing twice (the server answers `duplicate`); a photo leaves
 * the queue only after the server confirmed it.
 */

const DB_NAME = 'werkverbund-shopfloor';
const STORE = 'photos';
export const MAX_EDGE_PX = 1600;
const MAX_BYTES = 2 * 1024 * 1024;

interface QueuedPhoto {
  id: string;
  companyId: string;
  blob: Blob;
  takenAt: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Downscales to at most 1600 px on the longer edge and encodes as JPEG (lower quality if still above 2 MB). */
export async function downscalePhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_EDGE_PX / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const quality of [0.85, 0.7, 0.55, 0.4]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= MAX_BYTES) return blob;
  }
  throw new Error('photo too large');
}

const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export async function queuePhoto(companyId: string, blob: Blob): Promise<string> {
  const id = crypto.randomUUID();
  await run('readwrite', (s) => s.put({ id, companyId, blob, takenAt: Date.now() } satisfies QueuedPhoto));
  changed();
  return id;
}

export async function queuedPhotos(companyId: string): Promise<QueuedPhoto[]> {
  const all = await run('readonly', (s) => s.getAll() as IDBRequest<QueuedPhoto[]>);
  return all.filter((p) => p.companyId === companyId).sort((a, b) => a.takenAt - b.takenAt);
}

/** A photo still on the device (for the preview before it is uploaded). */
export async function queuedPhoto(id: string): Promise<Blob | undefined> {
  return (await run('readonly', (s) => s.get(id) as IDBRequest<QueuedPhoto | undefined>))?.blob;
}

async function csrfToken(): Promise<string | undefined> {
  const response = await fetch('/api/v1/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  return response.ok ? (await response.json()).csrfToken : undefined;
}

let uploading: Promise<void> | null = null;

/** Uploads the waiting photos one after another; network and server errors leave them queued. */
export function uploadPhotos(companyId: string): Promise<void> {
  uploading ??= (async () => {
    try {
      const photos = await queuedPhotos(companyId);
      if (photos.length === 0) return;
      const token = await csrfToken();
      for (const p of photos) {
        const response = await fetch(`/api/v1${shopfloorPath(companyId)}/photos/${p.id}`, {
          method: 'PUT', body: p.blob, credentials: 'same-origin',
          headers: { 'content-type': p.blob.type || 'image/jpeg', accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
        });
        // 2xx: stored or already there. 4xx other than auth: the photo can never be stored (not an
        // image, too large); it is dropped rather than blocking the queue.
        const final = response.ok || (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 403 && response.status !== 429);
        if (!final) break;
        await run('readwrite', (s) => s.delete(p.id));
        changed();
      }
    } catch {
      // offline: try again later
    } finally {
      uploading = null;
    }
  })();
  return uploading;
}

/** Number of photos waiting on this device; uploads them when online, on `online` and every 5 s. */
export function usePhotoQueue(companyId: string): number {
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    let live = true;
    const refresh = () => void queuedPhotos(companyId).then((list) => live && setWaiting(list.length)).catch(() => undefined);
    const flush = () => void uploadPhotos(companyId).then(refresh);
    listeners.add(refresh);
    window.addEventListener('online', flush);
    const timer = window.setInterval(flush, 5000);
    flush();
    return () => {
      live = false;
      listeners.delete(refresh);
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [companyId]);
  return waiting;
}
