import type { Instance } from '../../kernel/instance.js';
import { TestClient } from '../../kernel/testing/test-instance.js';

/** A new company whose owner has switched the machine-data module on and created one machine. */
export async function companyWithMachine(instance: Instance, o: { company: string; email: string; machine: string }) {
  const owner = new TestClient(instance);
  const tenantId = await owner.signup(o.company, o.email);
  await owner.put(`/api/v1/companies/${tenantId}/modules/machines`, { enabled: true });
  const machines = `/api/v1/companies/${tenantId}/machines`;
  const machine = await owner.post(machines, { name: o.machine });
  const machineId = machine.body.id as string;
  return { owner, tenantId, machineId, m: `${machines}/${machineId}` };
}
