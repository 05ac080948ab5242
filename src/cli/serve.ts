import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../kernel/config.js';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoData, findDemoCredentials } from '../kernel/demo-data.js';
import { createInstance } from '../kernel/instance.js';
import { allModules } from '../modules/index.js';

const USAGE = 'usage: werkverbund serve [--demo]';

/** What `serve` runs with: `--demo` or not, and the configuration that follows from it. */
export function serveSettings(args: string[], env: NodeJS.ProcessEnv): { demo: boolean; config: Config } | { error: string } {
  const unknown = args.filter((a) => a !== '--demo');
  if (unknown.length) return { error: `unknown option: ${unknown.join(' ')}\n${USAGE}` };
  const demo = args.includes('--demo');
  const config = loadConfig(env, {
    // the demo start keeps the console readable; set LOG_LEVEL=info to see every request
    ...(demo && !env.LOG_LEVEL ? { logLevel: 'warn' } : {}),
    // a demo with published passwords is reachable from this machine only, unless HOST says otherwise
    ...(demo && !env.HOST ? { host: '127.0.0.1' } : {}),
  });
  return { demo, config };
}

/**
 * Starts the server. Without `--demo` (production): no demo data, and no start while a demo
 * sign-in with its published password or PIN is in the database. With `--demo` (`npm start`): the
 * demo company is created once and the server listens on 127.0.0.1 unless HOST says otherwise.
 * Never installs or builds anything; the web app must have been built (`npm run build`).
 * Returns an exit code when it does not start, nothing while it runs.
 */
export async function serve(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  const settings = serveSettings(args, env);
  if ('error' in settings) {
    process.stderr.write(`${settings.error}\n`);
    return 2;
  }
  const { demo, config } = settings;
  // the demo's MQTT broker follows the HTTP address unless set on its own
  if (demo && !env.WERKVERBUND_MQTT_HOST) env.WERKVERBUND_MQTT_HOST = config.host;
  if (!existsSync(path.join(config.webDir, 'index.html'))) {
    process.stderr.write(`The web app is not built (no ${path.join(config.webDir, 'index.html')}): run \`npm run build\` first.\n`);
    return 1;
  }
  const started = Date.now();
  const instance = await createInstance(config, allModules);
  let demoCompany: string | null = null;
  if (demo) {
    demoCompany = (await ensureDemoData(instance.ctx)).tenantId;
  } else {
    const found = await findDemoCredentials(instance.ctx);
    if (found.length) {
      await instance.close();
      process.stderr.write(
        [
          'Werkverbund does not start for production while the database holds demo sign-ins with published credentials:',
          ...found.map((f) => `  - ${f}`),
          'Use a database of its own for production (WERKVERBUND_DATA or DATABASE_URL), or start the demo with `werkverbund serve --demo`.',
          '',
        ].join('\n'),
      );
      return 1;
    }
  }
  await instance.app.listen({ port: config.port, host: config.host });
  const running: Array<{ stop(): Promise<void> }> = [];
  for (const module of instance.ctx.registry.modules) {
    if (!module.start) continue;
    try {
      running.push(await module.start(instance.ctx));
    } catch (error) {
      // e.g. the MQTT port is taken: the rest of Werkverbund keeps running
      instance.app.log.warn({ err: (error as Error).message }, `module ${module.id} could not start its background work`);
      process.stderr.write(`  Warning: ${module.id}: ${(error as Error).message}\n`);
    }
  }
  for (const module of demoCompany ? instance.ctx.registry.modules : []) {
    if (!module.demoStart) continue;
    try {
      running.push(await module.demoStart(instance.ctx, { tenantId: demoCompany! }));
    } catch (error) {
      process.stderr.write(`  Warning: ${module.id}: ${(error as Error).message}\n`);
    }
  }
  instance.ctx.jobs.start();
  const address = instance.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`;
  const local = `http://${['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host}:${port}`;
  const lines = [
    '',
    `  Werkverbund is running: ${local}${demo ? ' (demo)' : ''}`,
    `  Listening on ${config.host}:${port}`,
    `  Database: ${where}`,
    ...(demo ? [`  Demo sign-in: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`] : []),
    `  API documentation: ${local}/api/docs`,
    `  Ready after ${Date.now() - started} ms. Stop with Ctrl+C.`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const stop = async () => {
    for (const r of running) await r.stop();
    await instance.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}
