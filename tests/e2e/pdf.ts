// Printing a page to an A4 PDF and reading it back as the paper would show it: PNG pages (to
// look at) and each page's text, with poppler's pdftoppm and pdftotext (Debian poppler-utils).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { REPO_ROOT } from './paths';

export const PRINT_DIR = path.join(REPO_ROOT, 'test-results', 'print');

export function hasPoppler(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Prints the page to test-results/print/<name>.pdf, makes PNG pages at 50 dpi, and returns
 *  the text of each page. */
export async function printPdf(page: Page, name: string): Promise<{ pages: string[] }> {
  fs.mkdirSync(PRINT_DIR, { recursive: true });
  const pdf = path.join(PRINT_DIR, `${name}.pdf`);
  for (const f of fs.readdirSync(PRINT_DIR)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) fs.rmSync(path.join(PRINT_DIR, f));
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  execFileSync('pdftoppm', ['-r', '50', '-png', pdf, path.join(PRINT_DIR, name)]);
  const pngs = fs.readdirSync(PRINT_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').slice(0, pngs.length);
  expect(pages.length, `${name}: one text per PNG page`).toBe(pngs.length);
  return { pages };
}

/** Nothing of the screen's furniture on paper. */
export function onlyPaper(pages: string[]) {
  const all = pages.join('\n');
  expect(all).not.toContain('PDF に保存');
  expect(all).not.toContain('しるべ');
}
