/* Shirube single-file assembler: builds one self-contained HTML file (the wasm gzipped as
 * base64, the wasm-bindgen glue, ECharts, this script and the CSS inlined) that runs from
 * file:// with no server — the single-file editor (shirube.html) and, with a strategy file
 * embedded, the read-only hand-out (配布用 HTML).
 *
 * One file for both sides:
 * - the build (scripts/single-file.mjs) runs it in a node:vm context and calls `assemble`;
 * - the page loads it as a classic script (index.html; inlined in the single file), which sets
 *   `window.ShirubeAssembler`; the app calls `ShirubeAssembler.downloadHandout(json, name)`.
 *   The pieces come from the page's own inlined elements (single file) or are fetched by the
 *   names in `shirube-files.json` (hosted dist/, cached by the service worker, so offline too).
 *
 * The wasm comes in parts (scripts/wasm-split.mjs): the main module, and pages loaded on first use
 * by wasm-split's loader (__wasm_split.js). Inlined, the parts are one JSON block (name → gzip,
 * base64), the loader runs in the boot module before the glue, and fetches a part from that block
 * (`fetchChunk`) instead of the network. Other files the app fetches when asked (the example
 * strategies, `examples/*.json`) go into the same block under their path; the app asks for them
 * through `fetchFile`, which answers from the block in the single file and fetches otherwise.
 *
 * Not for: deciding what a strategy file holds (the wasm checks it with format::import).
 * Inlined text must never close its element early: JSON has every `<` written as \u003c,
 * scripts have `</script` and `<!--` written with \x3C, and the build refuses CSS holding
 * `</style`. This source itself never spells those sequences literally.
 */
(function (root) {
  'use strict';

  var LT = '<';
  var CLOSE_SCRIPT = LT + '/script>';
  var CLOSE_STYLE = LT + '/style>';
  /** Separates the glue from the start-up code in the boot module (found again when re-assembling). */
  var BOOT_MARKER = '\n//# shirube-boot\n';
  /** Separates the part loader from the glue in the boot module. */
  var SPLIT_MARKER = '\n//# shirube-glue\n';
  /** What the part loader's code is turned into: one name holding its exports. */
  var SPLIT_NAMESPACE = '__shirubeSplit';
  /** Starts the app from the inlined wasm: gunzip the base64, hand the bytes to the glue's init. */
  // In a block: the glue declares names of its own (`wasm`, …) at the module's top level.
  var BOOT = [
    '{',
    '  const shirubeWasmBytes = await ShirubeAssembler.decodeWasm(document.getElementById("shirube-wasm").textContent);',
    '  const shirubeWasm = await __wbg_init({ module_or_path: shirubeWasmBytes });',
    '  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: shirubeWasm } }));',
    '}',
  ].join('\n');

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** JSON safe inside a script data block: every `<` as \u003c (valid JSON, so no `</script`). */
  function escapeJsonForScript(json) {
    return String(json).replace(/</g, '\\u003c');
  }

  /** Script text safe inside <script>: `</script` and `<!--` with \x3C (same meaning in strings,
   * templates and regular expressions, where alone they can occur). */
  function escapeScript(code) {
    return String(code).replace(/<(\/script|!--)/gi, '\\x3C$1');
  }

  /**
   * The ES-module glue Trunk emits (`export class …`, `export { initSync, __wbg_init as default }`)
   * as plain module code whose `__wbg_init` the boot code calls. Idempotent (re-assembling
   * passes glue that is already stripped).
   */
  function stripGlueExports(glue) {
    var out = String(glue)
      // The part loader's exports, which the glue passes to the wasm as an import namespace.
      .replace(/^import \* as (\w+) from ["']\.\/__wasm_split\.js["'];?[ \t]*$/gm, 'const $1 = ' + SPLIT_NAMESPACE + ';')
      .replace(/^export\s+((?:async\s+)?function|class|const|let|var)\s/gm, '$1 ')
      .replace(/^export\s*\{[^}]*\}\s*;?[ \t]*$/gm, '');
    if (/^\s*(export|import)\b/m.test(out)) throw new Error('the wasm-bindgen glue has imports or exports this assembler does not know');
    if (!/\b__wbg_init\b/.test(out)) throw new Error('the wasm-bindgen glue has no __wbg_init');
    return out;
  }

  /**
   * wasm-split's loader (__wasm_split.js, an ES module importing the glue's `initSync`) as code
   * for the boot module: in a function whose result, `__shirubeSplit`, holds its exports, with
   * each part fetched from the inlined block. Idempotent.
   */
  function inlineSplitLoader(code) {
    code = String(code);
    if (code.indexOf('const ' + SPLIT_NAMESPACE + ' = ') === 0) return code;
    var names = [];
    var body = code
      .replace(/^import\s*\{\s*initSync\s*\}\s*from\s*["'][^"']+["'];?[ \t]*$/gm, '')
      .replace(/^export\s+const\s+(\w+)/gm, function (_, name) { names.push(name); return 'const ' + name; })
      .replace(/fetch\(new URL\(["']\.\/([^"']+\.wasm)["'],\s*import\.meta\.url\)\)/g, 'ShirubeAssembler.fetchChunk("$1")')
      // scripts/wasm-split.mjs writes one `part(file)` for every part.
      .replace(/fetch\(new URL\(["']\.\/["']\s*\+\s*(\w+),\s*import\.meta\.url\)\)/g, 'ShirubeAssembler.fetchChunk($1)');
    if (/^\s*(export|import)\b/m.test(body) || /import\.meta/.test(body)) throw new Error('the part loader (__wasm_split.js) has imports or exports this assembler does not know');
    if (names.length === 0) throw new Error('the part loader (__wasm_split.js) exports nothing');
    return 'const ' + SPLIT_NAMESPACE + ' = (() => {\n' + body + '\nreturn { ' + names.join(', ') + ' };\n})();';
  }

  /**
   * One HTML file from its pieces (all strings):
   *   { css: [text…], echarts, assembler, glue, wasmBase64 (gzip, then base64), split (the part
   *     loader), chunks ({ file name: gzip then base64 }), title?, handout?, csp? }
   * `handout` is a Shirube strategy file (JSON text); with it the page is the read-only hand-out.
   * `csp`: the Content-Security-Policy to carry (scripts/sw-build.mjs computes a hand-out's at
   * build time, its inline scripts hashed: they are the same in every hand-out).
   */
  function assemble(p) {
    var handout = p.handout == null ? null : String(p.handout);
    var title = p.title || 'Shirube（しるべ）総合戦略ワークベンチ';
    if (handout !== null) {
      var t = null;
      try { t = JSON.parse(handout).strategy.title; } catch (e) { /* the app reports a bad file */ }
      title = (typeof t === 'string' && t ? t + ' — ' : '') + 'Shirube（しるべ）配布用';
    }
    (p.css || []).forEach(function (css) {
      if (css.toLowerCase().indexOf(CLOSE_STYLE.slice(0, -1)) >= 0) throw new Error('a stylesheet holds a closing style tag');
    });
    if (!/^[A-Za-z0-9+/=\s]*$/.test(p.wasmBase64)) throw new Error('the wasm is not base64');
    var chunks = p.chunks || {};
    Object.keys(chunks).forEach(function (name) {
      if (!INLINED_NAME.test(name) || !/^[A-Za-z0-9+/=]*$/.test(chunks[name])) throw new Error('an inlined file is not a wasm part or example with base64: ' + name);
    });
    var parts = [
      '<!DOCTYPE html>',
      '<html lang="ja">',
      '<head>',
      '<meta charset="utf-8" />',
    ];
    if (p.csp) parts.push('<meta http-equiv="Content-Security-Policy" content="' + escapeHtml(p.csp) + '" />');
    parts.push(
      '<meta name="viewport" content="width=device-width, initial-scale=1" />',
      '<meta name="generator" content="Shirube single-file build' + (handout !== null ? ' (hand-out)' : '') + '" />',
      '<title>' + escapeHtml(title) + '</title>',
      '<link rel="icon" href="data:," />'
    );
    (p.css || []).forEach(function (css, i) {
      parts.push('<style id="shirube-css-' + i + '" class="shirube-css">' + css + CLOSE_STYLE);
    });
    parts.push('<script id="shirube-echarts">' + escapeScript(p.echarts) + CLOSE_SCRIPT);
    parts.push('<script id="shirube-assembler">' + escapeScript(p.assembler) + CLOSE_SCRIPT);
    if (handout !== null) {
      parts.push('<script type="application/json" id="shirube-handout">' + escapeJsonForScript(handout) + CLOSE_SCRIPT);
    }
    parts.push('<script type="application/octet-stream" id="shirube-wasm" data-encoding="gzip+base64">' + p.wasmBase64.replace(/\s+/g, '') + CLOSE_SCRIPT);
    parts.push('<script type="application/json" id="shirube-chunks">' + JSON.stringify(chunks) + CLOSE_SCRIPT);
    var loader = p.split ? inlineSplitLoader(p.split) : 'const ' + SPLIT_NAMESPACE + ' = {};';
    parts.push('<script type="module" id="shirube-boot">' + escapeScript(loader + SPLIT_MARKER + stripGlueExports(p.glue) + BOOT_MARKER + BOOT) + CLOSE_SCRIPT);
    parts.push('</head>');
    parts.push('<body>');
    parts.push('<noscript>Shirube を使うには JavaScript を有効にしてください。/ Shirube needs JavaScript.</noscript>');
    parts.push('</body>');
    parts.push('</html>');
    return parts.join('\n') + '\n';
  }

  // ---- browser side --------------------------------------------------------------------------

  function base64FromBytes(bytes) {
    var chunks = [];
    for (var i = 0; i < bytes.length; i += 0x8000) {
      chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
    }
    return btoa(chunks.join(''));
  }

  function bytesFromBase64(text) {
    var bin = atob(String(text).replace(/\s+/g, ''));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  function pipeBytes(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer();
  }

  /** The inlined wasm (gzip, base64) as bytes. */
  function decodeWasm(base64) {
    return pipeBytes(bytesFromBase64(base64), new DecompressionStream('gzip')).then(function (b) { return new Uint8Array(b); });
  }

  function encodeWasm(bytes) {
    return pipeBytes(bytes, new CompressionStream('gzip')).then(function (b) { return base64FromBytes(new Uint8Array(b)); });
  }

  /** What the inlined block may hold: wasm parts by file name, example strategies by path. */
  var INLINED_NAME = /^(?:[\w.-]+\.wasm|examples\/[\w.-]+\.json)$/;

  var inlinedChunks = null;
  /** A wasm part (or example) from the page's inlined block, as the response wasm-split's loader expects. */
  function fetchChunk(name) {
    if (inlinedChunks === null) inlinedChunks = JSON.parse(root.document.getElementById('shirube-chunks').textContent);
    if (!Object.prototype.hasOwnProperty.call(inlinedChunks, name)) return Promise.reject(new Error('not in this file: ' + name));
    return decodeWasm(inlinedChunks[name]).then(function (bytes) {
      return new Response(bytes, { headers: { 'Content-Type': /\.wasm$/.test(name) ? 'application/wasm' : 'application/json' } });
    });
  }

  /** A file that comes with the app (`path` relative to the page): from the inlined block in the
   * single file, else fetched (the service worker answers offline). Rejects on an HTTP error. */
  function fetchFile(path) {
    if (root.document.getElementById('shirube-chunks')) return fetchChunk(path);
    return fetch(new URL(path, root.document.baseURI)).then(function (r) {
      if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
      return r;
    });
  }

  /** The wasm parts of an inlined block: a hand-out shows one strategy, not the examples. */
  function wasmPartsOnly(chunks) {
    var out = {};
    Object.keys(chunks).forEach(function (name) { if (/\.wasm$/.test(name)) out[name] = chunks[name]; });
    return out;
  }

  /** This page's own pieces: from its inlined elements (single file), else fetched (hosted). */
  function gatherPieces() {
    var doc = root.document;
    var wasmEl = doc.getElementById('shirube-wasm');
    if (wasmEl) {
      var boot = doc.getElementById('shirube-boot').textContent;
      var at = boot.indexOf(BOOT_MARKER);
      var glueAt = boot.indexOf(SPLIT_MARKER);
      if (at < 0 || glueAt < 0) return Promise.reject(new Error('the start-up script has no marker'));
      return Promise.resolve({
        css: Array.prototype.map.call(doc.querySelectorAll('style.shirube-css'), function (s) { return s.textContent; }),
        echarts: doc.getElementById('shirube-echarts').textContent,
        assembler: doc.getElementById('shirube-assembler').textContent,
        split: boot.slice(0, glueAt),
        glue: boot.slice(glueAt + SPLIT_MARKER.length, at),
        wasmBase64: wasmEl.textContent,
        chunks: wasmPartsOnly(JSON.parse(doc.getElementById('shirube-chunks').textContent)),
      });
    }
    var fetchOk = function (name) {
      return fetch(new URL(name, doc.baseURI)).then(function (r) {
        if (!r.ok) throw new Error(name + ': HTTP ' + r.status);
        return r;
      });
    };
    var text = function (name) { return fetchOk(name).then(function (r) { return r.text(); }); };
    var wasmBase64 = function (name) {
      return fetchOk(name).then(function (r) { return r.arrayBuffer(); }).then(function (b) { return encodeWasm(new Uint8Array(b)); });
    };
    return fetchOk('shirube-files.json').then(function (r) { return r.json(); }).then(function (files) {
      return Promise.all([
        Promise.all(files.css.map(text)),
        text(files.echarts),
        text(files.assembler),
        text(files.glue),
        wasmBase64(files.wasm),
        text(files.split),
        Promise.all(files.chunks.map(wasmBase64)),
      ]).then(function (v) {
        var chunks = {};
        files.chunks.forEach(function (f, i) { chunks[f.split('/').pop()] = v[6][i]; });
        return { css: v[0], echarts: v[1], assembler: v[2], glue: v[3], wasmBase64: v[4], split: v[5], chunks: chunks, csp: files.handoutCsp };
      });
    });
  }

  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: 'text/html;charset=utf-8' }));
    var a = root.document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    root.document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  /** Builds the hand-out of a strategy file (JSON text) and offers it as a download. */
  function downloadHandout(strategyJson, fileName) {
    return gatherPieces().then(function (p) {
      p.handout = strategyJson;
      download(fileName, assemble(p));
    });
  }

  var api = {
    assemble: assemble,
    stripGlueExports: stripGlueExports,
    inlineSplitLoader: inlineSplitLoader,
    fetchChunk: fetchChunk,
    fetchFile: fetchFile,
    escapeHtml: escapeHtml,
    escapeJsonForScript: escapeJsonForScript,
    escapeScript: escapeScript,
    decodeWasm: decodeWasm,
    encodeWasm: encodeWasm,
    gatherPieces: gatherPieces,
    downloadHandout: downloadHandout,
    BOOT_MARKER: BOOT_MARKER,
    SPLIT_MARKER: SPLIT_MARKER,
  };
  root.ShirubeAssembler = api;
})(typeof window !== 'undefined' ? window : globalThis);
