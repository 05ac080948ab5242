import type { WriteExamples } from '../../kernel/testing/write-example.js';

/** Valid requests to the machine-data module's write routes, for the input walk. */
export const machinesWriteExamples: WriteExamples = (ids) => ({
  'POST /companies/:companyId/machines': { body: { name: 'Walk press', description: 'for the input walk', workCentreId: ids.workCentreId } },
  'PUT /companies/:companyId/machines/:machineId': { body: { name: 'Isolation fixture press', description: 'changed', workCentreId: ids.workCentreId } },
  'DELETE /companies/:companyId/machines/:machineId': {},
  'POST /companies/:companyId/machines/:machineId/points': { body: { name: 'walk.temp', label: 'Temperatur', unit: '°C', type: 'number', source: 'mqtt' } },
  'PUT /companies/:companyId/machines/:machineId/points/:pointId': { body: { name: 'force', label: 'Kraft', unit: 'kN', type: 'number', source: 'http' } },
  'DELETE /companies/:companyId/machines/:machineId/points/:pointId': {},
  'PUT /companies/:companyId/machines/:machineId/points/:pointId/retention': { body: { rawDays: 30, minuteDays: 200, hourDays: null } },
  'POST /companies/:companyId/machines/:machineId/devices': { body: { name: 'Walk PLC' } },
  'DELETE /companies/:companyId/machines/:machineId/devices/:deviceId': {},
  'POST /companies/:companyId/machines/:machineId/rules': {
    body: { pointId: ids.pointId, name: 'Walk rule', enabled: true, severity: 'critical', rule: { kind: 'threshold', direction: 'low', limit: 5, hysteresis: 1, minDurationSeconds: 10 } },
  },
  'PUT /companies/:companyId/machines/:machineId/rules/:ruleId': {
    body: { pointId: ids.pointId, name: 'Force too high', enabled: true, severity: 'warning', rule: { kind: 'threshold', direction: 'high', limit: 110 } },
  },
  'DELETE /companies/:companyId/machines/:machineId/rules/:ruleId': {},
  'POST /companies/:companyId/machines/:machineId/alarms/:alarmId/acknowledge': {},
  'POST /ingest': { anonymous: true, expect: 401, body: { ts: '2026-12-01T06:00:00Z', values: { force: 12.5, state: 'run' } } },
  'POST /companies/:companyId/machine-connections': {
    body: {
      kind: 'mqtt', name: 'Walk broker', enabled: false, url: 'mqtt://93.184.216.34:1883', username: 'walk', password: 'walk secret',
      clientId: 'walk-client', topic: 'werk/{machine}/{point}', payload: 'value', machineId: null, point: null, machineKeys: [{ key: 'presse', machineId: ids.machineId }],
    },
  },
  'PUT /companies/:companyId/machine-connections/:connectionId': {
    body: { kind: 'opcua', name: 'Isolation fixture PLC', enabled: false, url: 'opc.tcp://93.184.216.34:4840/none', username: '', password: null, securityMode: 'None', securityPolicy: 'None' },
  },
  'DELETE /companies/:companyId/machine-connections/:connectionId': {},
  'PUT /companies/:companyId/machine-connections/:connectionId/opcua-items': {
    body: { items: [{ nodeId: 'ns=1;s=Presse1.Kraft', machineId: ids.machineId, point: 'force', samplingIntervalMs: 500 }] },
  },
  'POST /companies/:companyId/machine-notifications/read': { body: { until: '2026-12-01T06:00:00+01:00' } },
  'PUT /companies/:companyId/machine-notification-settings': { body: { severities: ['critical', 'warning'], memberIds: [ids.ownUserId], addresses: ['leitstand@alpha.example'] } },
});
