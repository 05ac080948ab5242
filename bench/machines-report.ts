import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { MachineResults } from './machines.js';
import type { Throughput } from './machines-baselines.js';

const BEGIN = '<!-- machines:begin -->';
const END = '<!-- machines:end -->';

/** Puts the section between its markers in RESULTS.md (appended when not there yet). */
export function writeMachineSection(file: string, section: string) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  writeFileSync(file, withMachineSection(text, `${BEGIN}\n${section.trim()}\n${END}`));
}

/** `report` with the machine section of the RESULTS.md in `file` kept (for runs that do not measure it). */
export function keepMachineSection(report: string, file: string): string {
  if (!existsSync(file)) return report;
  const old = readFileSync(file, 'utf8');
  const a = old.indexOf(BEGIN);
  const b = old.indexOf(END);
  return a >= 0 && b > a ? withMachineSection(report, old.slice(a, b + END.length)) : report;
}

function withMachineSection(text: string, block: string): string {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a >= 0 && b > a) return text.slice(0, a) + block + text.slice(b + END.length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

export function renderMachineSection(r: MachineResults): string {
  const s = r.settings ?? {};
  const row = (name: string, t: Throughput | { skipped: string } | undefined, ratio = '') =>
    !t
      ? `| ${name} | not measured | | | |`
      : 'skipped' in t
        ? `| ${name} | skipped: ${t.skipped} | | | |`
        : `| ${name} | ${n0(t.messagesPerSecond)}${t.runs && t.runs.length > 1 ? ` (runs: ${t.runs.map(n0).join(', ')})` : ''} | ${n0(t.valuesPerSecond)} | ${t.p95AckMs === null ? '–' : `${t.p95AckMs.toFixed(1)} ms`} | ${ratio} |`;
  const copy = r.copy;
  const server = r.mqttServer;
  const embedded = r.mqttEmbedded;
  const nodeRed = r.nodeRed && !('skipped' in r.nodeRed) ? r.nodeRed : undefined;
  const lines: string[] = [];
  lines.push(`## Machine data: ingestion`, '');
  lines.push(
    `Measured ${r.measuredAt?.slice(0, 16).replace('T', ' ')} UTC on ${r.machine}. Re-run with \`npx tsx bench/run.ts machines\` ` +
      '(phases `throughput`, `kill`, `burst`; settings in `bench/machines.ts`). The machine was shared with other work while measuring, so the figures are noisy.',
    '',
  );
  lines.push(
    `A message is one device's snapshot of 10 numeric values, \`{"ts": …, "values": {"p0": …, "p9": …}}\`, i.e. 10 rows of \`machine_samples\`. ` +
      `${s.devices} devices publish at QoS 1 over their own connections with at most ${s.window} unacknowledged messages each; ` +
      `the publisher runs on the same machine and competes for its cores. Latency is publish → PUBACK. Each MQTT run measures ${s.seconds} s after 3 s of warm-up; ` +
      'on the server database the stored rows are then counted against the acknowledged messages. ' +
      `The paths take turns in ${s.rounds ?? 1} round(s) and each row shows its median run (all runs in brackets), so that a load peak of the shared machine does not hit one path alone.`,
    '',
  );
  lines.push('| path (same PostgreSQL server, same table) | messages/s | values/s | p95 ack latency | ratio |', '|---|---|---|---|---|');
  lines.push(row(`raw \`COPY … FROM STDIN\` (${n0(copy?.messages ?? 0)} messages, one stream)`, copy));
  lines.push(row('Werkverbund MQTT, PostgreSQL server (PUBACK after commit)', server, server && copy ? `${(server.valuesPerSecond / copy.valuesPerSecond).toFixed(2)}× COPY (≥ 0.25: ${verdict(server.valuesPerSecond / copy.valuesPerSecond >= 0.25)})` : ''));
  lines.push(
    row('Werkverbund MQTT, embedded database (PGlite)', embedded, embedded && server ? `${(embedded.valuesPerSecond / server.valuesPerSecond).toFixed(2)}× server (≥ 0.4: ${verdict(embedded.valuesPerSecond / server.valuesPerSecond >= 0.4)})` : ''),
  );
  lines.push(
    row(
      'Node-RED 4.1: mqtt in (Mosquitto) → function → postgres node',
      r.nodeRed,
      nodeRed && server ? `Werkverbund = ${(server.valuesPerSecond / nodeRed.valuesPerSecond).toFixed(1)}× Node-RED (≥ 3: ${verdict(server.valuesPerSecond / nodeRed.valuesPerSecond >= 3)})` : '',
    ),
  );
  lines.push('');
  if (nodeRed) {
    lines.push(
      `Node-RED: node-red@4.1, installed on demand into \`.tmp/node-red\` (not a dependency), flow \`mqtt in\` (Mosquitto ${'`'}127.0.0.1:1883${'`'}, QoS 1, JSON) → function node ` +
        'running one `INSERT … SELECT … FROM json_each_text(…) ON CONFLICT DO NOTHING` per message on a `pg.Pool` of 10 connections. ' +
        'That is what the PostgreSQL nodes for Node-RED do inside; node-red-contrib-postgresql is not on the registry this machine reaches, and ' +
        'node-red-contrib-re-postgres ships pg 6, which never connects on Node 20. ' +
        `${n0(nodeRed.messages)} messages published; throughput = rows stored ÷ time from the first publish to the last stored row. ${nodeRed.note ?? ''}.`,
      '',
    );
  }
  const cpu = [server && server.serverCpuUsPerMessage ? `server ${n0(server.serverCpuUsPerMessage)} µs` : '', embedded && embedded.serverCpuUsPerMessage ? `embedded ${n0(embedded.serverCpuUsPerMessage)} µs (PGlite runs inside the process)` : '']
    .filter(Boolean)
    .join(', ');
  if (cpu) lines.push(`CPU time of the Werkverbund process per acknowledged message (MQTT, parsing, group commit, driver): ${cpu}.`, '');
  for (const [name, t] of [['server', server], ['embedded', embedded]] as const) if (t?.note) lines.push(`Note (${name}): ${t.note}.`, '');
  if (r.kill) {
    const k = r.kill;
    lines.push('### kill -9 in the middle of a run', '');
    lines.push(
      (k.measuredAt ? `Measured ${k.measuredAt.slice(0, 16).replace('T', ' ')} UTC. ` : '') +
      `Full-speed MQTT run of ${k.seconds} s on the PostgreSQL server; after half of it the Werkverbund process is killed with SIGKILL and started again on the same database ` +
        `(ready again after ${k.restartSeconds.toFixed(1)} s); the devices reconnect and send their unacknowledged messages again. Then every PUBACKed message is looked up in the table.`,
      '',
      '| acknowledged messages | lost (acknowledged, not stored) | stored incompletely | duplicate rows | stored but not acknowledged (allowed) | every device drained | |',
      '|---|---|---|---|---|---|---|',
      `| ${n0(k.acked)} | ${k.lost} | ${k.partial} | ${k.duplicates} | ${k.storedNotAcked} | ${k.drained ? 'yes' : 'no'} | ${verdict(k.lost === 0 && k.partial === 0 && k.duplicates === 0)} |`,
      '',
    );
  }
  if (r.burst) lines.push(...burstLines(r.burst, r, '### Burst at 3× the sustained rate'));
  return lines.join('\n');
}

function burstLines(b: NonNullable<MachineResults['burst']>, r: MachineResults, title: string): string[] {
  const short = b.burstMinutes < 10;
  const peak = r.mqttServer?.messagesPerSecond;
  const stored = b.burstAckedPerSecond;
  return [
    title,
    '',
    (b.measuredAt ? `Measured ${b.measuredAt.slice(0, 16).replace('T', ' ')} UTC. ` : '') +
      `Sustained rate: **${n0(b.sustainedRate)} messages/s** (${b.sustainedFrom === 'half the measured server throughput' ? `half the server throughput measured in the same run right before the burst, ${n0(2 * b.sustainedRate)} messages/s` : b.sustainedFrom}; ${n0(b.sustainedRate * 10)} values/s) — the load we say Werkverbund carries on this machine with room to spare. ` +
      `Burst: ${n0(3 * b.sustainedRate)} messages/s${peak ? ` (${((3 * b.sustainedRate) / peak).toFixed(2)}× the 15-s throughput of ${n0(peak)} messages/s)` : ''} for **${b.burstMinutes} minutes**` +
      (short ? ` (**shorter than the issue's 10 minutes**: the machine was shared; run with \`BENCH_BURST_MINUTES=10\`, the default, for the full test)` : '') +
      `, then back to the sustained rate. What the broker cannot take yet waits on the devices (their QoS 1 window is full), so the server's memory does not grow with the backlog. ` +
      'Each message carries the instant it was produced, as a controller stamps its values, so what waited in the backlog arrives minutes late; the aggregation job runs every minute as in operation and works those samples into minutes it has already aggregated.' +
      (stored ? ` Stored during the burst: ${n0(stored)} messages/s${peak ? ` (${(stored / peak).toFixed(2)}× the 15-s throughput)` : ''}; during the drain: ${n0(b.drainAckedPerSecond ?? 0)} messages/s.` : ''),
    '',
    '| server RSS before / peak / after drain | peak backlog on the devices | backlog drained after the burst | |',
    '|---|---|---|---|',
    `| ${b.rssStartMiB} / ${b.rssPeakMiB} / ${b.rssEndMiB} MiB | ${n0(b.peakBacklog)} messages | ${b.drainSeconds === null ? `not within ${b.drainLimitSeconds / 60} min` : b.drainSeconds < 1 ? 'already gone when the burst ended (worked off during the burst)' : `${(b.drainSeconds / 60).toFixed(1)} min`} (limit ${b.drainLimitSeconds / 60} min) | ${verdict(b.drainSeconds !== null && b.rssPeakMiB < b.rssStartMiB * 2)} |`,
    '',
    'RSS over time (every 5 s; t in s from the start, 30 s of sustained load first):',
    '',
    '```',
    't      RSS MiB  backlog  acked/s',
    ...b.rss.filter((_, i) => i % Math.max(1, Math.ceil(b.rss.length / 40)) === 0 || i === b.rss.length - 1).map((p) => `${String(p.t).padEnd(6)} ${String(p.rssMiB).padEnd(8)} ${String(p.backlog).padEnd(8)} ${p.ackedPerSecond}`),
    '```',
    '',
  ];
}
