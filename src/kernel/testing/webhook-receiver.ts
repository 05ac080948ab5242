import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook { path: string; headers: IncomingHttpHeaders; body: string }

/**
 * A real HTTP receiver for webhook tests on 127.0.0.1: `/ok` answers 204, `/flaky*` fails once per
 * path with 500 and then answers 200, `/down` always answers 503, anything else 200.
 */
export async function startWebhookReceiver() {
  const hits: ReceivedHook[] = [];
  const failed = new Set<string>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '';
      hits.push({ path, headers: req.headers, body });
      if (path.startsWith('/flaky') && !failed.has(path)) {
        failed.add(path);
        res.writeHead(500).end('not yet');
      } else if (path === '/down') res.writeHead(503).end();
      else res.writeHead(path === '/ok' ? 204 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    hits,
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
