// The ECharts that Shirube ships: echarts 5.5.1 (npm, pinned in package.json) with only the
// parts the app uses. scripts/echarts.mjs bundles this file with esbuild into a minified
// script (an IIFE) that sets the global `echarts` to the whole `echarts/core` API (init,
// dispose, getInstanceByDom, getInstanceById, use, registerTheme, version, graphic, …);
// index.html loads it before the wasm app starts, and the Rust code calls that global.
//
// To use another chart type or component, add it to the imports and to `use([...])` below
// (names as in https://echarts.apache.org/handbook/en/basics/import).
import { use } from 'echarts/core';
import { LineChart, BarChart, ScatterChart, SunburstChart } from 'echarts/charts';
import {
  TooltipComponent, // both tooltip renderers: HTML and renderMode "richText"
  LegendComponent,
  GridComponent,
  MarkLineComponent,
  MarkPointComponent,
  MarkAreaComponent,
  AriaComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  ScatterChart,
  SunburstChart,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  MarkLineComponent,
  MarkPointComponent,
  MarkAreaComponent,
  AriaComponent,
  LabelLayout,
  CanvasRenderer,
]);

export * from 'echarts/core';
