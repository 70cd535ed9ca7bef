// The shared folder in the e2e tests: the native picker cannot be driven, so the page's
// `showDirectoryPicker` gives a folder of the Origin Private File System (a real
// FileSystemDirectoryHandle), and the tests read and put the members' files there as the
// network drive would (folder.spec.ts, round.spec.ts).
import type { Page } from '@playwright/test';

/** Before any script of the page: the picker gives an OPFS folder; `?prompt` in the session
 *  makes queryPermission answer "prompt", and requestPermission grant only in a user gesture. */
export function folderInit() {
  localStorage.setItem('shirube-test/folder-ms', '1500,700');
  (window as any).showDirectoryPicker = async () => {
    const root = await navigator.storage.getDirectory();
    return root.getDirectoryHandle('share', { create: true });
  };
  const proto = (window as any).FileSystemHandle?.prototype;
  if (proto && sessionStorage.getItem('permission') === 'prompt') {
    proto.queryPermission = async () => 'prompt';
    proto.requestPermission = async () => {
      const gesture = navigator.userActivation.isActive;
      (window as any).__requested = ((window as any).__requested ?? 0) + 1;
      if (gesture) sessionStorage.removeItem('permission');
      return gesture ? 'granted' : 'denied';
    };
  }
}

/** Every file of the page's OPFS share: name → text. */
export async function share(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('share', { create: true });
    const out: Record<string, string> = {};
    for await (const [name, h] of (dir as any).entries()) {
      if (h.kind !== 'file' || name.endsWith('.crswap')) continue;
      // A file the app swaps in at this moment (createWritable's close) may be gone until then,
      // or change between getFile and its reading (NotReadableError): read it again.
      for (let tries = 0; ; tries++) {
        try {
          out[name] = await (await h.getFile()).text();
          break;
        } catch (e) {
          if ((e as Error).name === 'NotFoundError') break;
          if ((e as Error).name !== 'NotReadableError' || tries >= 20) throw e;
          await new Promise((ok) => setTimeout(ok, 50));
        }
      }
    }
    return out;
  });
}

export async function put(page: Page, files: Record<string, string>) {
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('share', { create: true });
    for (const [name, text] of Object.entries(files)) {
      const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await w.write(text);
      await w.close();
    }
  }, files);
}

/** The file `who` wrote (its author's name), name and text. */
export async function ownFile(page: Page, who: string): Promise<[string, string] | undefined> {
  const files = await share(page);
  return Object.entries(files).find(([, t]) => {
    try {
      return JSON.parse(t).author?.name === who;
    } catch {
      return false;
    }
  });
}
