// The ECharts that Shirube ships: echarts 5.5.1 (npm, pinned in package.json) with only the
// parts the app uses. scripts/echarts.mjs bundles this file with esbuild into a minified
// script (an IIFE) that sets the global `echarts` to what is exported below; the app loads it
// with its first chart, and the Rust code calls that global (`echarts.init`, then the
// instance's methods: ui/chart_view.rs), the tests `getInstanceByDom`, `getInstanceById`,
// `version`, `dispose`. Only these are exported (issue 54): `export *` of `echarts/core` kept its
// whole API (graphic, util, format, time, registerMap, …) in the bundle, 5.1 KB gzipped more.
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

export { init, dispose, getInstanceByDom, getInstanceById, version, use } from 'echarts/core';
