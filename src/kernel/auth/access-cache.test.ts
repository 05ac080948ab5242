import { describe, expect, it } from 'vitest';
import type { RequestAuth } from '../http/app-context.js';
import { AccessCache } from './access-cache.js';

const auth = (id: string): RequestAuth => ({ user: { id, email: `${id}@x.example`, name: id, locale: 'de' }, sessionHash: `h-${id}`, csrfToken: 'c' });
const future = () => new Date(Date.now() + 60_000);

describe('AccessCache sessions', () => {
  it('loads a session once and serves it from memory afterwards', async () => {
    const cache = new AccessCache();
    let loads = 0;
    const load = async () => {
      loads++;
      return { auth: auth('a'), expiresAt: future() };
    };
    expect(await cache.session('h-a', load)).toEqual(auth('a'));
    expect(await cache.session('h-a', load)).toEqual(auth('a'));
    expect(loads).toBe(1);
  });

  it('forgets dropped sessions and never returns expired ones', async () => {
    const cache = new AccessCache();
    await cache.session('h-a', async () => ({ auth: auth('a'), expiresAt: future() }));
    cache.dropSessions((_, hash) => hash === 'h-a');
    expect(await cache.session('h-a', async () => undefined)).toBeNull();
    expect(await cache.session('h-b', async () => ({ auth: auth('b'), expiresAt: new Date(Date.now() - 1) }))).toBeNull();
    expect(await cache.session('h-b', async () => ({ auth: auth('b'), expiresAt: future() }))).toBeNull();
  });

  it('does not store a load that raced with an invalidation', async () => {
    const cache = new AccessCache();
    let release!: () => void;
    const slow = cache.session('h-a', () => new Promise((resolve) => {
      release = () => resolve({ auth: auth('stale'), expiresAt: future() });
    }));
    cache.dropSessions(() => true);
    release();
    expect((await slow)?.user.id).toBe('stale');
    expect((await cache.session('h-a', async () => ({ auth: auth('fresh'), expiresAt: future() })))?.user.id).toBe('fresh');
  });
});
