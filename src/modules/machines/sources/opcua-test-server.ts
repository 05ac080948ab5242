import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real OPC UA server for tests (node-opcua): folder `Presse1` with `Temperatur` (Double,
 * changes every 100 ms) and `Laeuft` (Boolean), anonymous or user `werk` / `geheim`, security
 * None and Basic256Sha256 (sign, sign & encrypt); certificates are accepted automatically.
 */
export async function startOpcuaTestServer(port: number, pkiRoot = mkdtempSync(path.join(tmpdir(), 'wv-opcua-server-'))) {
  const opcua = await import('node-opcua');
  const serverCertificateManager = new opcua.OPCUACertificateManager({ rootFolder: pkiRoot, automaticallyAcceptUnknownCertificate: true });
  const server = new opcua.OPCUAServer({
    port,
    resourcePath: '/werk',
    serverCertificateManager,
    securityModes: [opcua.MessageSecurityMode.None, opcua.MessageSecurityMode.Sign, opcua.MessageSecurityMode.SignAndEncrypt],
    securityPolicies: [opcua.SecurityPolicy.None, opcua.SecurityPolicy.Basic256Sha256],
    allowAnonymous: true,
    userManager: { isValidUser: (user: string, password: string) => user === 'werk' && password === 'geheim' },
    buildInfo: { productName: 'Werkverbund test server' },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace!;
  const namespace = addressSpace.getOwnNamespace();
  const folder = namespace.addFolder(addressSpace.rootFolder.objects, { browseName: 'Presse1', nodeId: 's=Presse1' });
  let temperature = 20;
  let running = true;
  namespace.addVariable({
    componentOf: folder,
    browseName: 'Temperatur',
    nodeId: 's=Presse1.Temperatur',
    dataType: 'Double',
    minimumSamplingInterval: 50,
    value: { get: () => new opcua.Variant({ dataType: opcua.DataType.Double, value: temperature }) },
  });
  namespace.addVariable({
    componentOf: folder,
    browseName: 'Laeuft',
    nodeId: 's=Presse1.Laeuft',
    dataType: 'Boolean',
    minimumSamplingInterval: 50,
    value: { get: () => new opcua.Variant({ dataType: opcua.DataType.Boolean, value: running }) },
  });
  const timer = setInterval(() => {
    temperature = Math.round((temperature + 0.1) * 10) / 10;
    if (temperature > 80) temperature = 20;
    running = !running;
  }, 100);
  await server.start();
  return {
    url: `opc.tcp://127.0.0.1:${port}/werk`,
    namespaceIndex: namespace.index,
    pkiRoot,
    stop: async () => {
      clearInterval(timer);
      await server.shutdown(0);
    },
  };
}
