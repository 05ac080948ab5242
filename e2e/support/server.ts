import type { Instance } from '../../src/kernel/instance.js';
import { startTestInstance } from '../../src/kernel/testing/test-instance.js';

/** A real HTTP server on a free port with a fresh embedded database and the built web app. */
export async function startServer(): Promise<{ instance: Instance; baseURL: string }> {
  const instance = await startTestInstance('embedded');
  await instance.app.listen({ port: 0, host: '127.0.0.1' });
  const address = instance.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseURL = `http://127.0.0.1:${port}`;
  instance.ctx.config.publicUrl = baseURL;
  return { instance, baseURL };
}
