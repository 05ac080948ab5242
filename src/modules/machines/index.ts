/**
 * What other modules may use of machine data on the server. Other modules never read the machine
 * tables directly; what they need goes here.
 */
import type { Db } from '../../kernel/db/database.js';
import { listMachines } from './machines.store.js';

/** The company's machines (id and name), by name — for other modules that point at a machine. */
export async function machineNames(db: Db, tenantId: string): Promise<Array<{ id: string; name: string }>> {
  return (await listMachines(db, tenantId)).map((m) => ({ id: m.id, name: m.name }));
}

/** Production records and recall (Customers): signals during operations, operations on a machine. */
export { operationsOnMachine, orderSignals, type AlarmInSpan, type MachineSignals, type OperationOnMachine, type PointSignal, type SignalSpan } from './order-signals.service.js';
