// Loader for the biodpia WebAssembly app, kept in its own file so that the page runs
// under a strict Content-Security-Policy without 'unsafe-inline':
//   script-src 'self' 'wasm-unsafe-eval'
// Trunk.toml's pattern_script emits
//   <script type="module" src="boot.js" data-biodpia-js="..." data-biodpia-wasm="...">
// with the (hashed) names of the wasm-bindgen JS module and the .wasm file.
const tag = document.querySelector("script[data-biodpia-js][data-biodpia-wasm]");
if (!tag) {
  throw new Error("biodpia: loader tag with data-biodpia-js / data-biodpia-wasm not found");
}
// Resolve both against the page, not this file, so any public_url ("./", "/x/") works.
const url = (attr) => new URL(attr, document.baseURI).href;
const moduleUrl = url(tag.dataset.biodpiaJs);
prefetchLanguage();
const bindings = await import(moduleUrl);
const wasm = await bindings.default({ module_or_path: url(tag.dataset.biodpiaWasm) });
// Same event Trunk's inline loader fires, for anything that waits on it.
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));

/**
 * Starts the download of the language file the widget will start in, now, in parallel with the
 * wasm (the widget would ask for it only once the wasm runs). src/i18n/fetch.rs takes the
 * download from `biodpiaPrefetch` (URL -> fetch() promise) instead of starting its own. The
 * choice is src/ui/mount.rs's: `data-lang` or `?lang=` (this page has data-url-options), else
 * the browser's language, else English. scripts/manifest.mjs writes the file names into
 * `data-biodpia-langs` ("en=lang-en-<hash>.json nl=..."); a wrong guess costs one download.
 */
function prefetchLanguage() {
  const files = Object.fromEntries((tag.dataset.biodpiaLangs ?? '').split(/\s+/).filter(Boolean).map((p) => p.split('=')));
  const codes = Object.keys(files);
  if (codes.length === 0) return;
  const host = document.getElementById('biodpia');
  const asked = host?.getAttribute('data-lang')?.trim() || (host?.hasAttribute('data-url-options') ? new URLSearchParams(location.search).get('lang') : null);
  const code = find(asked, codes) ?? find(navigator.language, codes) ?? (files.en ? 'en' : codes[0]);
  const file = new URL(files[code], moduleUrl).href;
  (globalThis.biodpiaPrefetch ??= new Map()).set(file, watched(fetch(file)));
}

/**
 * The download, with a handler already attached: a failure (the server unreachable) is read and
 * reported by src/i18n/fetch.rs when the wasm takes it, and must not surface before that as an
 * unhandled rejection. The promise itself is returned unchanged.
 */
function watched(download) {
  download.catch(() => {});
  return download;
}

/** src/i18n LangInfo::find: a code, any case, the region ignored unless a file has it. */
function find(code, codes) {
  const c = (code ?? '').trim().replace(/_/g, '-').toLowerCase();
  if (!c) return undefined;
  return codes.find((k) => k.toLowerCase() === c) ?? codes.find((k) => k.toLowerCase() === c.split('-')[0]);
}
