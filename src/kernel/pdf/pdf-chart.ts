import SVGtoPDF from 'svg-to-pdfkit';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Doc } from './pdf-document.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = Record<string, unknown>;

/** Renders an ECharts option (bars, lines, grid, legend, mark lines) to SVG on the server, without animation, in Helvetica. */
export function chartSvg(option: ChartOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'Helvetica' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Draws an SVG at (x, y) with the given size; SVG units are taken as points. */
export function drawSvg(doc: Doc, svg: string, x: number, y: number, size: { width: number; height: number }): void {
  SVGtoPDF(doc, svg, x, y, { width: size.width, height: size.height, assumePt: true });
}

/** Renders the chart into the current position at full content width and moves below it. */
export function drawChart(doc: Doc, option: ChartOption, height: number, gap = 8): void {
  const x = doc.page.margins.left;
  const width = doc.page.width - x - doc.page.margins.right;
  const y = doc.y;
  drawSvg(doc, chartSvg(option, { width, height }), x, y, { width, height });
  doc.x = x;
  doc.y = y + height + gap;
}
