#!/usr/bin/env node
// The Content-Security-Policy of the pages Shirube ships, set as a <meta> tag so it
// holds on any static host, a USB stick or file://, where no server sends headers:
//
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-…' (each inline script the
//   page itself carries, hashed here); style-src 'self' 'unsafe-inline'; img-src 'self' data:
//   blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none';
//   base-uri 'self'; form-action 'none'
//
// Scripts run only from the site's own files or with a hash computed at build time: an inline
// script injected into the page (markup from an imported file, were it ever to reach the DOM as
// HTML) is refused by the browser. 'wasm-unsafe-eval' lets the app compile its own WebAssembly
// and nothing else; styles may be inline because the app sets `style` attributes (colours of
// statuses and SDG tiles), which carry no script. Called by scripts/build.sh on dist/index.html
// (after the wasm is cut, before the service worker lists the files) and by
// scripts/single-file.mjs on shirube.html; `node scripts/csp.mjs FILE` rewrites FILE in place,
// and drops its HTML comments (`withoutComments`).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Script types a browser runs: none, JavaScript, or a module (data blocks are not scripts). */
const RUNNABLE = /^(|text\/javascript|application\/javascript|module)$/i;

/** The `'sha256-…'` source of every inline script in `html` that a browser would run. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\ssrc\s*=/i.test(attrs)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '';
    if (!RUNNABLE.test(type)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return [...new Set(hashes)];
}

/** The policy for a page whose inline scripts have these hash sources. */
export function policy(hashes) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** `html` without its HTML comments (the developers' notes of index.html, some 650 bytes of
 *  every first visit gzipped); what is inside a <script> or <style> is left as it is. */
export function withoutComments(html) {
  return html
    .split(/(<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>)/i)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\n?/g, '')))
    .join('');
}

/** `html` with its policy as the first thing in <head> after the charset (before any script);
 *  a policy already there is replaced, so running it twice gives the same page. */
export function withCsp(html) {
  const without = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(inlineScriptHashes(without))}" />`;
  const charset = /<meta charset=[^>]*>/i.exec(without);
  if (!charset) throw new Error('the page has no <meta charset>: the policy must come right after it');
  const at = charset.index + charset[0].length;
  return `${without.slice(0, at)}\n    ${meta}${without.slice(at)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/csp.mjs FILE.html');
    process.exit(2);
  }
  const html = withCsp(withoutComments(fs.readFileSync(file, 'utf8')));
  fs.writeFileSync(file, html);
  console.log(`${file}: Content-Security-Policy set (${inlineScriptHashes(html).length} inline script(s) hashed)`);
}
