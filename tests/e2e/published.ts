// The town's public pages as a resident's browser reads them: the folder 「公開用ページを作る」
// downloads (a zip, unpacked with jszip, not the app's code), served from a sub-folder of a site
// with scripts forbidden by the header (publish.spec.ts, phone.spec.ts).
import fs from 'node:fs';
import http from 'node:http';
import JSZip from 'jszip';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const SUB = '/town/site/kpi/';

/** Serves `files` (path → bytes) under SUB, with scripts forbidden by the header. */
export async function serve(files: Map<string, Buffer>): Promise<{ base: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { html: 'text/html; charset=utf-8', css: 'text/css', csv: 'text/csv', json: 'application/json' };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(SUB.length);
    const body = req.url?.startsWith(SUB) ? files.get(rel) : undefined;
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': types[rel.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'Content-Security-Policy': "script-src 'none'",
    });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}${SUB}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** 「公開用ページを作る」 on the files page: the zip's files, by their path inside the folder. */
export async function makeFolder(page: Page): Promise<Map<string, Buffer>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('publish-make').click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files).filter((e) => !e.dir)) {
    files.set(entry.name.split('/').slice(1).join('/'), await entry.async('nodebuffer'));
  }
  return files;
}

