import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './error-handler.js';

const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * Serves the built web app: hashed assets from disk, and index.html for every other GET so the
 * client router takes over. index.html carries the per-request CSP nonce for style elements.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string) {
  const indexFile = path.join(webDir, 'index.html');
  const index = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;
  if (index) {
    await app.register(fastifyStatic, {
      root: webDir, index: false, wildcard: false, maxAge: '1y', immutable: true,
      // the terminal's service worker and manifest keep their names: revalidate them, or updates never arrive
      setHeaders: (reply, file) => {
        if (/(?:^|[\\/])(?:sw\.js|manifest\.webmanifest)$/.test(file)) reply.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    // a public link's page (`/p/o/<id>.<secret>`) looks like a file name but is a page
    const publicPage = url.startsWith('/p/');
    if (url.startsWith('/api/') || request.method !== 'GET' || (!publicPage && /\.[a-z0-9]+$/i.test(url))) {
      return sendProblem(request, reply, 404, 'not_found', { what: 'route' });
    }
    if (!index) {
      return reply.type('text/plain; charset=utf-8').send('The web app is not built yet: run `npm run build`.');
    }
    const nonce = (reply as unknown as { cspNonce: { style: string } }).cspNonce.style;
    // public pages are for the one who got the link: not for search engines, and the link goes to no other site
    if (publicPage) reply.header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(index.replaceAll(NONCE_PLACEHOLDER, nonce));
  });
}
