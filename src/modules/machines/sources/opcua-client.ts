import path from 'node:path';
import { type OutboundPolicy, resolveAllowed } from '../../../kernel/net/outbound-policy.js';
import type { ConnectionRecord } from '../connections.store.js';

export type OpcuaModule = typeof import('node-opcua-client');

let loaded: Promise<{ opcua: OpcuaModule; certificates: typeof import('node-opcua-certificate-manager') }> | undefined;

/** node-opcua is loaded on first use only, so the server starts as fast without OPC UA connections. */
export function loadOpcua() {
  loaded ??= Promise.all([import('node-opcua-client'), import('node-opcua-certificate-manager')]).then(([opcua, certificates]) => ({ opcua, certificates }));
  return loaded;
}

const APPLICATION_URI = 'urn:werkverbund:machines';

export interface OpcuaSettings {
  securityMode: 'None' | 'Sign' | 'SignAndEncrypt';
  securityPolicy: 'None' | 'Basic256Sha256';
}

/** The folder with Werkverbund's OPC UA client certificate and the trusted server certificates. */
export const pkiFolder = (dataDir: string) => path.join(dataDir, 'opcua-pki');

type CertificateManager = import('node-opcua-certificate-manager').OPCUACertificateManager;
/** One certificate manager per PKI folder, ready once the client certificate exists. */
const managers = new Map<string, Promise<CertificateManager>>();

/**
 * A client for a connection. The client certificate is created on first use in the PKI folder;
 * server certificates are trusted on first use (they land in `trusted/`; move one to `rejected/`
 * to refuse that server). `connectionStrategy` makes node-opcua retry for ever, also after a lost
 * connection, and re-create the session and subscriptions when the server restarted.
 */
export async function createOpcuaClient(connection: ConnectionRecord, pkiDir: string, options: { retry: boolean; outbound: OutboundPolicy }) {
  // before anything else: node-opcua dials on its own (also to fetch the server certificate)
  const endpointUrl = await pinnedEndpointUrl(connection.url, options.outbound);
  const { opcua, certificates } = await loadOpcua();
  const settings = connection.settings as unknown as OpcuaSettings;
  let ready = managers.get(pkiDir);
  if (!ready) {
    // Two clients creating the certificate at the same time would trip over each other.
    ready = (async () => {
      const manager = new certificates.OPCUACertificateManager({ rootFolder: pkiDir, automaticallyAcceptUnknownCertificate: true });
      await manager.initialize();
      const first = opcua.OPCUAClient.create({ applicationName: 'Werkverbund', applicationUri: APPLICATION_URI, clientCertificateManager: manager });
      await (first as unknown as { initializeCM(): Promise<void> }).initializeCM();
      return manager;
    })();
    managers.set(pkiDir, ready);
    ready.catch(() => managers.delete(pkiDir));
  }
  const manager = await ready;
  const client = opcua.OPCUAClient.create({
    applicationName: 'Werkverbund',
    applicationUri: APPLICATION_URI,
    endpointMustExist: false,
    securityMode: opcua.MessageSecurityMode[settings.securityMode ?? 'None'],
    securityPolicy: opcua.SecurityPolicy[settings.securityPolicy ?? 'None'],
    clientCertificateManager: manager,
    keepSessionAlive: true,
    requestedSessionTimeout: 60_000,
    connectionStrategy: options.retry ? { initialDelay: 1000, maxDelay: 10_000, maxRetry: -1 } : { initialDelay: 200, maxDelay: 1000, maxRetry: 1 },
  });
  const identity: import('node-opcua-client').UserIdentityInfo = connection.username
    ? { type: opcua.UserTokenType.UserName, userName: connection.username, password: connection.password }
    : { type: opcua.UserTokenType.Anonymous };
  return { opcua, client, identity, endpointUrl };
}

/**
 * The endpoint URL with its host replaced by an address the outbound policy allows, resolved
 * now. node-opcua opens its sockets itself (the secure channel, and a second client that fetches
 * the server certificate, which takes no transport factory), so the only way to make it connect
 * to the address that was checked is to give it that address: the name is not looked up again
 * (no DNS rebinding between check and connect). The client is built anew — and the name resolved
 * again — after every lasting loss of connection (`opcua-source.ts`).
 */
export async function pinnedEndpointUrl(url: string, policy: OutboundPolicy): Promise<string> {
  const target = new URL(url);
  const [address] = await resolveAllowed(policy, target.hostname);
  if (!address) throw new Error(`${target.hostname} cannot be resolved`);
  const host = address.includes(':') ? `[${address}]` : address;
  return `${target.protocol}//${host}${target.port ? `:${target.port}` : ''}${target.pathname}${target.search}`;
}
