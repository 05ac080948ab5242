import type { TestClient } from '../../kernel/testing/test-instance.js';

/**
 * Switches the module on in the company and creates a machine with a data point and a device
 * through the API; their ids fill `:machineId`, `:pointId` and `:deviceId`.
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
  return { machineId: machine.body.id as string, pointId: point.body.id as string, deviceId: device.body.id as string };
}
