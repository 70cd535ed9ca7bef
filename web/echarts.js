// The ECharts that Shirube ships: echarts 5.5.1 (npm, pinned in package.json) with only the
// parts the app uses. scripts/echarts.mjs bundles this file with esbuild into a minified
// script (an IIFE) that sets the global `echarts` to what is exported below; the app loads it
// with its first chart, and the Rust code calls that global (`echarts.init`, then the
// instance's methods: ui/chart_view.rs), the tests `getInstanceByDom`, `getInstanceById`,
// `version`, `dispose`. Only these are exported: `export *` of `echarts/core` kept its
// whole API (graphic, util, format, time, registerMap, …) in the bundle, 5.1 KB gzipped more.
//
// To use another chart type or component, add it to the imports and to `use([...])` below
// (names as in https://echarts.apache.org/handbook/en/basics/import). Left out because no option
// the app writes uses them (src/charts): markLine (a target is a series, so that the value axis
// reaches it) and the label layout feature (`labelLayout`, `hideOverlap`): 4.0 and 4.5 KB gzipped.
import { use } from 'echarts/core';
import { LineChart, BarChart, ScatterChart, SunburstChart } from 'echarts/charts';
import {
  TooltipComponent, // both tooltip renderers: HTML and renderMode "richText"
  LegendComponent,
  GridComponent,
  MarkPointComponent,
  MarkAreaComponent,
  AriaComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  ScatterChart,
  SunburstChart,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  MarkPointComponent,
  MarkAreaComponent,
  AriaComponent,
  CanvasRenderer,
]);

export { init, dispose, getInstanceByDom, getInstanceById, version, use } from 'echarts/core';
