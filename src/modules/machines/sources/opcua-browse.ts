import { OutboundBlockedError, type OutboundPolicy } from '../../../kernel/net/outbound-policy.js';
import type { ConnectionRecord } from '../connections.store.js';
import { createOpcuaClient, loadOpcua } from './opcua-client.js';

export interface BrowsedNode {
  nodeId: string;
  browseName: string;
  displayName: string;
  nodeClass: 'Object' | 'Variable' | 'Method' | 'ObjectType' | 'VariableType' | 'ReferenceType' | 'DataType' | 'View' | 'Unspecified';
  /** Objects and views can be opened further. */
  hasChildren: boolean;
  dataType: string | null;
  value: string | number | boolean | null;
}

type Session = import('node-opcua-client').ClientSession;

/** Sessions for browsing, kept for a minute after their last use so that opening a tree is quick. */
interface BrowseSession {
  key: string;
  session: Promise<{ session: Session; close: () => Promise<void> }>;
  timer?: NodeJS.Timeout;
}
const sessions = new Map<string, BrowseSession>();
const IDLE_MS = 60_000;

async function openSession(connection: ConnectionRecord, pkiDir: string, outbound: OutboundPolicy) {
  const { client, identity, endpointUrl } = await createOpcuaClient(connection, pkiDir, { retry: false, outbound });
  await client.connect(endpointUrl);
  try {
    const session = await client.createSession(identity);
    return { session, close: async () => { await session.close().catch(() => {}); await client.disconnect().catch(() => {}); } };
  } catch (error) {
    await client.disconnect().catch(() => {});
    throw error;
  }
}

async function sessionFor(connection: ConnectionRecord, pkiDir: string, outbound: OutboundPolicy): Promise<Session> {
  const id = `${connection.tenantId}/${connection.id}`;
  const key = `${connection.updatedAt.getTime()}`;
  let entry = sessions.get(id);
  if (entry && entry.key !== key) {
    await closeBrowseSession(id);
    entry = undefined;
  }
  if (!entry) {
    const created: BrowseSession = { key, session: openSession(connection, pkiDir, outbound) };
    sessions.set(id, created);
    created.session.catch(() => sessions.delete(id));
    entry = created;
  }
  const current = entry;
  clearTimeout(current.timer);
  current.timer = setTimeout(() => void closeBrowseSession(id), IDLE_MS);
  current.timer.unref();
  return (await current.session).session;
}

export async function closeBrowseSession(id: string) {
  const entry = sessions.get(id);
  if (!entry) return;
  sessions.delete(id);
  clearTimeout(entry.timer);
  await entry.session.then((s) => s.close(), () => {});
}

const shown = (v: unknown): string | number | boolean | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v).slice(0, 200);
};

/** The children of a node (hierarchical references, forward), with the values of variables. */
export async function browseOpcua(connection: ConnectionRecord, nodeId: string, pkiDir: string, outbound: OutboundPolicy): Promise<BrowsedNode[]> {
  const { opcua } = await loadOpcua();
  try {
    opcua.resolveNodeId(nodeId);
  } catch (error) {
    throw Object.assign(new Error((error as Error).message), { badNode: true });
  }
  const id = `${connection.tenantId}/${connection.id}`;
  try {
    return await browseWith(opcua, await sessionFor(connection, pkiDir, outbound), nodeId);
  } catch (error) {
    if ((error as { badNode?: boolean }).badNode || error instanceof OutboundBlockedError) throw error;
    // e.g. the server restarted: the next attempt opens a new session
    await closeBrowseSession(id);
    throw Object.assign(new Error((error as Error).message), { unreachable: true });
  }
}

async function browseWith(opcua: Awaited<ReturnType<typeof loadOpcua>>['opcua'], session: Session, nodeId: string): Promise<BrowsedNode[]> {
  const result = await session.browse({
    nodeId,
    browseDirection: opcua.BrowseDirection.Forward,
    referenceTypeId: 'HierarchicalReferences',
    includeSubtypes: true,
    nodeClassMask: 0,
    resultMask: 63,
  });
  if (!result.statusCode.isGood()) throw Object.assign(new Error(result.statusCode.description || result.statusCode.name), { badNode: true });
  const refs = (result.references ?? []).filter((r) => r.isForward);
  const variables = refs.filter((r) => r.nodeClass === opcua.NodeClass.Variable);
  const reads = variables.length
    ? await session.read(variables.flatMap((r) => [
        { nodeId: r.nodeId, attributeId: opcua.AttributeIds.Value },
        { nodeId: r.nodeId, attributeId: opcua.AttributeIds.DataType },
      ]))
    : [];
  const info = new Map<string, { value: unknown; dataType: string | null }>();
  variables.forEach((r, i) => {
    const typeId = reads[2 * i + 1]?.value?.value;
    const dataType = typeId ? (opcua.DataType[typeId.value as number] as string | undefined) ?? typeId.toString() : null;
    info.set(r.nodeId.toString(), { value: reads[2 * i]?.value?.value, dataType: typeId?.namespace === 0 ? dataType : (typeId?.toString() ?? null) });
  });
  return refs.map((r) => {
    const nodeClass = (opcua.NodeClass[r.nodeClass] ?? 'Unspecified') as BrowsedNode['nodeClass'];
    const id = r.nodeId.toString();
    return {
      nodeId: id,
      browseName: r.browseName.toString(),
      displayName: r.displayName?.text ?? r.browseName.name ?? id,
      nodeClass,
      hasChildren: nodeClass === 'Object' || nodeClass === 'View',
      dataType: info.get(id)?.dataType ?? null,
      value: shown(info.get(id)?.value),
    };
  });
}
