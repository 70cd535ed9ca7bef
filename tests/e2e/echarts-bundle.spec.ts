// The custom ECharts build (web/echarts.js → scripts/echarts.mjs → dist/echarts.shirube.min-<hash>.js):
// the page does not load it until the first chart is shown (the start page never downloads it),
// then loads it once (not the full echarts.min.js); it exposes as the global `echarts` what the
// app and the tests call of the `echarts/core` API (the rest of that API, `graphic`,
// `registerTheme`, `connect` …, is left out of the bundle), and it carries every chart type and
// component Shirube uses: one chart with
// line, bar, scatter and sunburst series, markPoint / markArea, legend, a richText tooltip, aria
// (with decals). markLine and the label layout feature are left out of the bundle (no option of
// the app uses them: web/echarts.js).
import { test, expect } from './fixtures';

declare global {
  interface Window {
    echarts?: any;
    __echartsClicks?: string[];
  }
}

test('the custom ECharts bundle is loaded when the first chart is shown and draws every chart type Shirube uses', async ({ page, openApp, requests, pageErrors, shot }) => {
  const echartsRequests = () => requests.map((r) => new URL(r.url).pathname).filter((p) => /\/echarts[^/]*\.js$/.test(p));
  await openApp();
  await expect(page.getByTestId('example-hokuto')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => typeof window.echarts), 'no ECharts on the start page').toBe('undefined');
  expect(echartsRequests(), 'ECharts requested by the start page').toEqual([]);

  // The overview, then the dashboard: the first chart loads the script, once.
  await page.getByTestId('example-hokuto').click();
  await page.getByTestId('nav-charts').click();
  await expect(page.locator('[data-chart=hierarchy]').getByTestId('chart-canvas').locator('canvas')).toBeVisible();
  expect(await page.evaluate(() => typeof window.echarts?.init), 'echarts.init after the first chart').toBe('function');

  // The custom bundle was loaded from the sub-path, the full build was not.
  expect(echartsRequests().filter((p) => /\/echarts\.shirube[^/]*\.js$/.test(p)), 'custom ECharts requested once').toHaveLength(1);
  expect(echartsRequests().filter((p) => p.endsWith('/echarts.min.js')), 'full ECharts requested').toEqual([]);
  // Its licenses ship beside it.
  const license = await page.request.get('./echarts.shirube.LICENSE.txt');
  expect(license.status()).toBe(200);
  expect(await license.text()).toContain('Apache License');

  const api = await page.evaluate(() => {
    const e = window.echarts;
    return {
      version: e.version,
      functions: Object.keys(e).filter((name) => typeof e[name] === 'function').sort(),
      others: Object.keys(e).filter((name) => typeof e[name] !== 'function'),
    };
  });
  expect(api).toEqual({
    version: '5.5.1',
    functions: ['dispose', 'getInstanceByDom', 'getInstanceById', 'init', 'use'],
    others: ['version'],
  });

  const result = await page.evaluate(async () => {
    const echarts = window.echarts;
    const div = document.createElement('div');
    div.id = 'echarts-bundle-check';
    div.style.cssText = 'position:fixed;left:0;top:0;width:900px;height:600px;background:#fff;z-index:1000';
    document.body.appendChild(div);
    const chart = echarts.init(div, null, { renderer: 'canvas' });
    const years = ['R2', 'R3', 'R4', 'R5', 'R6'];
    chart.setOption({
      animation: false,
      legend: { top: 28, data: ['ShirubeLine', 'ShirubeBar'] },
      tooltip: { trigger: 'item', renderMode: 'richText' },
      aria: { enabled: true, decal: { show: true } },
      grid: { left: 40, top: 70, width: 360, height: 200 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value' },
      series: [
        {
          name: 'ShirubeLine', type: 'line', data: [10, 12, 15, 14, 18],
          markPoint: { data: [{ type: 'max', name: 'max' }] },
          markArea: { data: [[{ xAxis: 'R3' }, { xAxis: 'R4' }]] },
        },
        { name: 'ShirubeBar', type: 'bar', data: [8, 9, 11, 13, 12] },
        { name: 'ShirubeScatter', type: 'scatter', symbol: 'diamond', data: [null, 11, null, 16, null] },
        {
          type: 'sunburst', center: ['75%', '72%'], radius: [0, '22%'],
          data: [{ name: 'goal', children: [{ name: 'measure', value: 2 }, { name: 'measure 2', value: 3 }] }],
        },
      ],
    });
    const sameInstance = echarts.getInstanceByDom(div) === chart;
    const byId = echarts.getInstanceById(chart.id) === chart;
    window.__echartsClicks = [];
    chart.on('click', (p: any) => window.__echartsClicks!.push(`${p.seriesType}:${p.name}`));
    chart.resize({ width: 880, height: 580 });

    // Every series type drew something (the `option` round-trips through the registered models).
    const seriesTypes = chart.getOption().series.map((s: any) => s.type);
    // A richText tooltip is a zrender text element added to the canvas, not a DOM node.
    const divsBefore = div.querySelectorAll('div').length;
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 3 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const tooltip = chart.getZr().storage.getRoots()
      .filter((el: any) => el.type === 'text' && !el.invisible && !el.ignore)
      .map((el: any) => String(el.style?.text ?? ''));
    const divsAfter = div.querySelectorAll('div').length;
    const ariaLabel = div.getAttribute('aria-label') ?? '';
    const dataUrl: string = chart.getDataURL({ type: 'png', backgroundColor: '#fff' });
    return { sameInstance, byId, seriesTypes, tooltip, divsBefore, divsAfter, ariaLabel, dataUrlStart: dataUrl.slice(0, 22), dataUrlLength: dataUrl.length };
  });

  expect(result.sameInstance, 'getInstanceByDom(div) is the chart').toBe(true);
  expect(result.byId, 'getInstanceById(chart.id) is the chart').toBe(true);
  expect(result.seriesTypes).toEqual(['line', 'bar', 'scatter', 'sunburst']);
  // The tooltip of R5 of ShirubeLine (14), in rich-text tokens: "{…|ShirubeLine}\n{…|}  {…|R5}{…|14}".
  expect(result.tooltip.filter((t) => /ShirubeLine[\s\S]*R5[\s\S]*14/.test(t)), 'richText tooltip on the canvas').toHaveLength(1);
  expect(result.divsAfter, 'no HTML tooltip element').toBe(result.divsBefore);
  expect(result.ariaLabel, 'aria description').toContain('ShirubeLine');
  expect(result.dataUrlStart).toBe('data:image/png;base64,');
  expect(result.dataUrlLength).toBeGreaterThan(1000);

  // A click on the chart reaches the handler registered with chart.on('click').
  const box = (await page.locator('#echarts-bundle-check').boundingBox())!;
  const barPoint = await page.evaluate(() => {
    const chart = window.echarts.getInstanceByDom(document.getElementById('echarts-bundle-check'));
    return chart.convertToPixel({ seriesIndex: 1 }, ['R5', 6]);
  });
  await page.mouse.click(box.x + barPoint[0], box.y + barPoint[1]);
  await expect.poll(() => page.evaluate(() => window.__echartsClicks)).toEqual(['bar:R5']);
  await shot('echarts-bundle');

  const disposed = await page.evaluate(() => {
    const div = document.getElementById('echarts-bundle-check')!;
    window.echarts.dispose(div);
    const gone = window.echarts.getInstanceByDom(div) === undefined;
    div.remove();
    return gone;
  });
  expect(disposed, 'the chart is gone after dispose').toBe(true);
  expect(pageErrors).toEqual([]);
});
