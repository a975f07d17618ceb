// Trunk post_build hook (see Trunk.toml). In release builds it first minifies the
// wasm-bindgen JS module with terser (Trunk does not: 45 kB -> 20 kB raw, 7.8 -> 6.0 kB gzip)
// and puts the new file's SRI hash into index.html. Then it writes manifest.json next to the
// built index.html, so that web/embed.js can find the hashed file names when a host page
// includes the widget with <script type="module" src=".../embed.js">. (One script: Trunk
// runs the hooks of a stage concurrently, and the manifest must hash the minified file.)
//
//   {
//     "name": "biodpia",
//     "js":   { "file": "biodpia-<hash>.js",      "integrity": "sha384-..." },
//     "wasm": { "file": "biodpia-<hash>_bg.wasm", "integrity": "sha384-..." },
//     "css":  [ { "file": "app-<hash>.css",       "integrity": "sha384-..." } ]
//   }
//
// File names are relative to the folder that holds manifest.json. They are read from the
// built index.html (the loader tag that Trunk.toml's pattern_script emits, and the stylesheet
// links), so the manifest always names exactly what index.html loads. Offline; the only package
// is terser (package.json), for release builds.
//
// Trunk runs it with TRUNK_STAGING_DIR and TRUNK_PROFILE set. By hand:
//   [TRUNK_PROFILE=release] node scripts/manifest.mjs <dist-dir>
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist');
const fail = (msg) => {
  console.error(`manifest.mjs: ${msg}`);
  process.exit(1);
};

let html;
try {
  html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
} catch (err) {
  fail(`cannot read ${path.join(dir, 'index.html')}: ${err.message}`);
}

/** Attributes of every <tag ...> in the HTML, quoted or not (Trunk may minify). */
function tags(name) {
  const out = [];
  const tagRe = new RegExp(`<${name}\\b([^>]*)>`, 'gi');
  for (const [, body] of html.matchAll(tagRe)) {
    const attrs = {};
    const attrRe = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    for (const m of body.matchAll(attrRe)) attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
    out.push(attrs);
  }
  return out;
}

/** "./x-1.js" -> { file: "x-1.js", integrity } after checking the file exists in dir. */
function entry(href, what) {
  if (!href) fail(`index.html names no ${what}`);
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) fail(`${what} ${href} is not a relative URL`);
  const file = href.replace(/^\.\//, '').replace(/^\//, '');
  const full = path.resolve(dir, file);
  if (!full.startsWith(dir + path.sep)) fail(`${what} ${href} is outside ${dir}`);
  let data;
  try {
    data = fs.readFileSync(full);
  } catch {
    fail(`${what} ${file} is named in index.html but missing from ${dir}`);
  }
  const integrity = 'sha384-' + crypto.createHash('sha384').update(data).digest('base64');
  return { file, integrity };
}

const loader = tags('script').find((a) => 'data-biodpia-js' in a && 'data-biodpia-wasm' in a);
if (!loader) fail('no <script data-biodpia-js data-biodpia-wasm> loader tag in index.html (Trunk.toml pattern_script)');

if (process.env.TRUNK_PROFILE === 'release') await minifyModule(entry(loader['data-biodpia-js'], 'JS module'));

/** Minifies the wasm-bindgen module in place and swaps its SRI hash in index.html. */
async function minifyModule({ file, integrity }) {
  let minify;
  try {
    ({ minify } = await import('terser'));
  } catch (err) {
    fail(`cannot load terser (run scripts/setup.sh or npm ci): ${err.message}`);
  }
  const full = path.join(dir, file);
  const source = fs.readFileSync(full, 'utf8');
  let result;
  try {
    result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  } catch (err) {
    fail(`terser could not minify ${file}: ${err.message}`);
  }
  fs.writeFileSync(full, result.code);
  const fresh = entry(`./${file}`, 'JS module').integrity;
  if (!html.includes(integrity)) fail(`index.html has no integrity ${integrity} for ${file}`);
  html = html.split(integrity).join(fresh);
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  console.log(`manifest.mjs: minified ${file} (${source.length} -> ${result.code.length} bytes)`);
}

const css = tags('link')
  .filter((a) => (a.rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet'))
  .map((a) => entry(a.href, 'stylesheet'));
if (css.length === 0) fail('index.html links no stylesheet');

const manifest = {
  name: 'biodpia',
  js: entry(loader['data-biodpia-js'], 'JS module'),
  wasm: entry(loader['data-biodpia-wasm'], 'wasm file'),
  css,
};
fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`manifest.mjs: wrote ${path.join(dir, 'manifest.json')}`);
