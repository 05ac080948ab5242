import type { TestClient } from '../../kernel/testing/test-instance.js';

/**
 * Switches the module on in the company and creates a machine with a data point and a device
 * through the API, a threshold rule on the point and, by sending a value over it through
 * `POST /api/v1/ingest`, a raised alarm; their ids fill `:machineId`, `:pointId`, `:deviceId`,
 * `:ruleId` and `:alarmId`.
 */
export async function machinesIsolationFixture(client: TestClient, companyId: string): Promise<Record<string, string>> {
  const on = await client.put(`/api/v1/companies/${companyId}/modules/machines`, { enabled: true });
  if (on.status !== 200) throw new Error(`machines fixture: enabling failed: ${on.status} ${JSON.stringify(on.body)}`);
  const machine = await client.post(`/api/v1/companies/${companyId}/machines`, { name: 'Isolation fixture press' });
  if (machine.status !== 201) throw new Error(`machines fixture failed: ${machine.status} ${JSON.stringify(machine.body)}`);
  const api = `/api/v1/companies/${companyId}/machines/${machine.body.id}`;
  const point = await client.post(`${api}/points`, { name: 'force', unit: 'kN' });
  const device = await client.post(`${api}/devices`, { name: 'Isolation fixture PLC' });
  if (point.status !== 201 || device.status !== 201) throw new Error(`machines fixture failed: ${point.status}/${device.status}`);
  const rule = await client.post(`${api}/rules`, { pointId: point.body.id, name: 'Force too high', rule: { kind: 'threshold', direction: 'high', limit: 100 } });
  if (rule.status !== 201) throw new Error(`machines fixture: rule failed: ${rule.status} ${JSON.stringify(rule.body)}`);
  const sent = await client.request('POST', '/api/v1/ingest', { ts: Date.now() - 1000, values: { force: 150 } }, { authorization: `Bearer ${device.body.token}` });
  if (sent.status !== 200) throw new Error(`machines fixture: ingest failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  const alarms = await client.get(`${api}/alarms`);
  if (alarms.status !== 200 || alarms.body.length !== 1) throw new Error(`machines fixture: no alarm: ${alarms.status} ${JSON.stringify(alarms.body)}`);
  // An OPC UA connection to an address where nothing listens: never started in tests without the runtime.
  const connection = await client.post(`/api/v1/companies/${companyId}/machine-connections`, { kind: 'opcua', name: 'Isolation fixture PLC', url: 'opc.tcp://93.184.216.34:4840/none' });
  if (connection.status !== 201) throw new Error(`machines fixture: connection failed: ${connection.status} ${JSON.stringify(connection.body)}`);
  return {
    connectionId: connection.body.id as string,
    machineId: machine.body.id as string,
    pointId: point.body.id as string,
    deviceId: device.body.id as string,
    ruleId: rule.body.id as string,
    alarmId: alarms.body[0].id as string,
  };
}
