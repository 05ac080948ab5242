import { BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the results page draws, so the chart code stays small.
echarts.use([RadarChart, BarChart, RadarComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };

export const CHART_COLORS = {
  firm: '#1c5d99',
  previous: '#6c757d',
  peers: '#c2410c',
  muted: '#adb5bd',
  text: '#343a40',
};

/** Breaks a long axis name into lines of about `width` characters at word boundaries. */
export function wrapLabel(text: string, width = 16): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
