import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { echarts };

/** Worst red, expected blue, best green; distinguishable also by line style. */
export const SCENARIO_STYLE = {
  worst: { color: '#b42318', type: 'dashed' },
  expected: { color: '#1c5d99', type: 'solid' },
  best: { color: '#2f7d32', type: 'dotted' },
} as const;
