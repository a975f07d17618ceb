// biodpia script include. A host page (any intranet page) loads the widget with
//
//   <div data-biodpia data-lang="nl" data-org="Gemeente X" data-namespace="privacy"></div>
//   <script type="module" src="/biodpia/embed.js"></script>
//
// and this file, copied unchanged into the built folder next to manifest.json:
//  1. reads manifest.json (written at build time by scripts/manifest.mjs) for the hashed
//     names of the wasm-bindgen JS module, the .wasm file and the stylesheet, resolving them
//     against this file's own URL, so the folder can live at any path;
//  2. gives every [data-biodpia] element an open shadow root holding a <link> to the widget's
//     stylesheet and an empty mount point: the widget's CSS cannot reach the host page, and
//     the host page's CSS cannot reach the widget (custom properties such as --bd-accent do
//     inherit through, which is how a host themes it; see README "Theming");
//  3. instantiates the wasm, whose start-up code renders one widget into each mount point.
//
// No inline script or style anywhere, so a host page with
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// can use it. Every request goes to the folder this file was loaded from.

const HOST = '[data-biodpia]';
const MOUNT = 'data-biodpia-mount';

const manifestUrl = new URL('manifest.json', import.meta.url);
const at = (file) => new URL(file, manifestUrl).href;

/** A plain-text message in the host element, for when the widget cannot start. */
function showFailure(host, err) {
  const nl = (host.getAttribute('data-lang') || document.documentElement.lang || '').toLowerCase().startsWith('nl');
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = nl
    ? 'De DPIA-tool kon niet worden geladen. Vraag de beheerder van deze pagina om dit te controleren.'
    : 'The DPIA tool could not be loaded. Please ask the administrator of this page to check it.';
  (host.shadowRoot ?? host).replaceChildren(p);
  console.error('biodpia: could not start', err);
}

/** Shadow root + stylesheet + mount point for one host element; resolves when the CSS is in. */
function prepare(host, manifest) {
  const shadow = host.attachShadow({ mode: 'open' });
  const loads = manifest.css.map(({ file, integrity }) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = at(file);
    if (integrity) link.integrity = integrity;
    shadow.append(link);
    return new Promise((resolve, reject) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', () => reject(new Error(`stylesheet ${link.href} did not load`)), { once: true });
    });
  });
  const mount = document.createElement('div');
  mount.setAttribute(MOUNT, '');
  shadow.append(mount);
  return Promise.all(loads);
}

/**
 * Starts the download of each language file a widget will start in, now, in parallel with the
 * wasm (the widget would ask for it only once the wasm runs). src/i18n/fetch.rs takes the
 * download from `biodpiaPrefetch` (URL -> fetch() promise) instead of starting its own. The
 * choice is src/ui/mount.rs's: the host's `data-lang`, else the browser's language, else
 * English; a wrong guess costs one download.
 */
function prefetchLanguages(hosts, manifest) {
  const files = Object.fromEntries(Object.entries(manifest.languages ?? {}).map(([code, l]) => [code, l.file]));
  const codes = Object.keys(files);
  if (codes.length === 0) return;
  const module = at(manifest.js.file);
  const prefetch = (globalThis.biodpiaPrefetch ??= new Map());
  for (const host of hosts) {
    const code = find(host.getAttribute('data-lang'), codes) ?? find(navigator.language, codes) ?? (files.en ? 'en' : codes[0]);
    const file = new URL(files[code], module).href;
    if (!prefetch.has(file)) {
      const download = fetch(file);
      // Read and reported by src/i18n/fetch.rs when the wasm takes it; never an unhandled rejection before that.
      download.catch(() => {});
      prefetch.set(file, download);
    }
  }
}

/** src/i18n LangInfo::find: a code, any case, the region ignored unless a file has it. */
function find(code, codes) {
  const c = (code ?? '').trim().replace(/_/g, '-').toLowerCase();
  if (!c) return undefined;
  return codes.find((k) => k.toLowerCase() === c) ?? codes.find((k) => k.toLowerCase() === c.split('-')[0]);
}

async function main() {
  // Hosts that already have a shadow root were set up before (or belong to someone else).
  const hosts = [...document.querySelectorAll(HOST)].filter((h) => !h.shadowRoot);
  if (hosts.length === 0) return;
  try {
    const res = await fetch(manifestUrl, { cache: 'no-cache', credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${manifestUrl.href}: HTTP ${res.status}`);
    const manifest = await res.json();
    const styled = Promise.all(hosts.map((h) => prepare(h, manifest)));
    prefetchLanguages(hosts, manifest);
    const bindings = await import(at(manifest.js.file));
    await styled;
    // The wasm's start function mounts the widget into every prepared shadow root.
    const wasm = new Request(at(manifest.wasm.file), { integrity: manifest.wasm.integrity ?? '' });
    await bindings.default({ module_or_path: wasm });
  } catch (err) {
    hosts.forEach((h) => showFailure(h, err));
  }
}

await main();
