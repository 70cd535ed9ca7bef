// A .docx read back with JSZip and a plain reading of its XML, not by the app's writer: its
// parts, its body's paragraphs (style and text) and its tables' rows and cells. Shared by the
// specs that download Word files (drafting, old-new, document).
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Download } from '@playwright/test';

export type Docx = { zip: JSZip; xml: string };

/** The downloaded file unzipped, with its `word/document.xml`. */
export async function readDocx(file: Download | Buffer): Promise<Docx> {
  const bytes = Buffer.isBuffer(file) ? file : fs.readFileSync((await file.path())!);
  const zip = await JSZip.loadAsync(bytes);
  return { zip, xml: await zip.file('word/document.xml')!.async('string') };
}

/** The body's paragraphs in order: each one's style (Heading1, Title …; '' for none) and text. */
export function paragraphs(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: texts(m[0]),
  }));
}

/** Every table row's XML, in order. */
export function rows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
}

/** A row's cells' texts. */
export function cells(row: string): string[] {
  return [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => texts(c[0]));
}

/** The text of a piece of XML: its `w:t` runs joined. */
export function texts(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
}
