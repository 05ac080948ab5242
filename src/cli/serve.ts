import { loadConfig } from '../kernel/config.js';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoData } from '../kernel/demo-data.js';
import { createInstance } from '../kernel/instance.js';
import { allModules } from '../modules/index.js';

export async function serve(args: string[]): Promise<void> {
  const demo = args.includes('--demo');
  // the demo start keeps the console readable; set LOG_LEVEL=info to see every request
  const config = loadConfig(process.env, demo && !process.env.LOG_LEVEL ? { logLevel: 'warn' } : {});
  const started = Date.now();
  const instance = await createInstance(config, allModules);
  if (demo) await ensureDemoData(instance.ctx);
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
  instance.ctx.jobs.start();
  const address = instance.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`;
  const lines = [
    '',
    `  Werkverbund is running: http://localhost:${port}`,
    `  Database: ${where}`,
    ...(demo ? [`  Demo sign-in: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`] : []),
    `  API documentation: http://localhost:${port}/api/docs`,
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
}
