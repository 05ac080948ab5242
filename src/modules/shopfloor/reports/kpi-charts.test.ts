import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../kernel/pdf/index.js';
import { kpiChartOption } from './kpi-charts.js';
import { formatNumber } from './kpi-format.js';

describe('the PDF KPI chart', () => {
  it('writes its percent axis in the report language', () => {
    const series = [{ name: 'Leistung', values: [13.3], color: '#f08c00', type: 'bar' as const }];
    const de = chartSvg(kpiChartOption(['KB-2'], series, 0, (v) => `${formatNumber('de', v)} %`), { width: 400, height: 200 });
    expect(de).toContain('1.330 %');
    expect(de).not.toContain('1,330');
    const en = chartSvg(kpiChartOption(['KB-2'], series, 0, (v) => `${formatNumber('en', v)} %`), { width: 400, height: 200 });
    expect(en).toContain('1,330 %');
  });
});
