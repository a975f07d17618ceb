// Trunk post_build hook (see Trunk.toml). In release builds it first minifies the
// wasm-bindgen JS module with terser (Trunk does not: 45 kB -> 20 kB raw, 7.8 -> 6.0 kB gzip)
// and puts the new file's SRI hash into index.html. Then it copies the language files into
// the built folder and writes manifest.json next to the built index.html, so that
// web/embed.js can find the hashed file names when a host page includes the widget with
// <script type="module" src=".../embed.js">. (One script: Trunk runs the hooks of a stage
// concurrently, and the manifest must hash the minified file.)
//
//   {
//     "name": "biodpia",
//     "js":   { "file": "biodpia-<hash>.js",      "integrity": "sha384-..." },
//     "wasm": { "file": "biodpia-<hash>_bg.wasm", "integrity": "sha384-..." },
//     "css":  [ { "file": "app-<hash>.css",       "integrity": "sha384-..." } ],
//     "languages": { "en": { "file": "lang-en-<hash>.json", "integrity": "sha384-..." }, ... }
//   }
//
// Language files: build.rs writes one per language into cargo's OUT_DIR, named by its content
// (lang-<code>-<hash>.json), and the wasm holds those names (src/i18n, LANGS), which is how the
// widget finds them. This script reads the names out of the built wasm, so it copies exactly
// the files this wasm asks for (never a stale one of another build, e.g. a fixture bank's),
// from target/<triple>/<profile>/build/biodpia-*/out/, and fails if one is missing or is not
// the language its name says. ("languages" in the manifest is for web/embed.js and tools such
// as bench/: embed.js starts the download of the language a widget starts in while the wasm
// loads; the same names go on index.html's loader tag as data-biodpia-langs, for web/boot.js.
// The wasm finds its files by the names it holds.)
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

const wasmEntry = entry(loader['data-biodpia-wasm'], 'wasm file');
const languages = copyLanguages(path.join(dir, wasmEntry.file));

/** Copies the language files the wasm names from cargo's OUT_DIR into dir. */
function copyLanguages(wasmFile) {
  const bytes = fs.readFileSync(wasmFile).toString('latin1');
  const names = [...new Set(bytes.match(/lang-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*?-[0-9a-f]{12}\.json/g) ?? [])];
  if (names.length === 0) fail(`${wasmFile} names no language file (lang-<code>-<hash>.json)`);
  const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
  const target = path.resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
  const outDirs = [];
  for (const triple of ['wasm32-unknown-unknown']) {
    const profiles = path.join(target, triple);
    for (const profile of fs.existsSync(profiles) ? fs.readdirSync(profiles) : []) {
      const build = path.join(profiles, profile, 'build');
      if (!fs.existsSync(build)) continue;
      for (const d of fs.readdirSync(build)) if (d.startsWith('biodpia-')) outDirs.push(path.join(build, d, 'out'));
    }
  }
  const out = {};
  for (const name of names) {
    const from = outDirs.map((d) => path.join(d, name)).find((f) => fs.existsSync(f));
    if (!from) fail(`the wasm names ${name}, but no ${path.relative(root, target)}/wasm32-unknown-unknown/*/build/biodpia-*/out/ has it`);
    const code = name.slice('lang-'.length, -'-0123456789ab.json'.length);
    let lang;
    try {
      lang = JSON.parse(fs.readFileSync(from, 'utf8')).lang;
    } catch (err) {
      fail(`${from} is not JSON: ${err.message}`);
    }
    if (lang !== code) fail(`${from} is the language file of ${JSON.stringify(lang)}, not ${code}`);
    fs.copyFileSync(from, path.join(dir, name));
    out[code] = entry(`./${name}`, 'language file');
  }
  if (!out.en) fail('no English language file (lang-en-<hash>.json) named in the wasm');
  console.log(`manifest.mjs: copied ${names.length} language file(s): ${names.join(', ')}`);
  return out;
}

// The language files' names on the loader tag, for web/boot.js to start the download of the
// one the widget starts in while the wasm loads ("en=lang-en-<hash>.json nl=...").
{
  const names = Object.entries(languages).map(([code, l]) => `${code}=${l.file}`).join(' ');
  const loaderRe = /<script\b(?=[^>]*\bdata-biodpia-js\b)/i;
  if (!loaderRe.test(html)) fail('no loader tag in index.html to name the language files on');
  html = html.replace(loaderRe, `<script data-biodpia-langs="${names}"`);
  fs.writeFileSync(path.join(dir, 'index.html'), html);
}

const css = tags('link')
  .filter((a) => (a.rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet'))
  .map((a) => entry(a.href, 'stylesheet'));
if (css.length === 0) fail('index.html links no stylesheet');

const manifest = {
  name: 'biodpia',
  js: entry(loader['data-biodpia-js'], 'JS module'),
  wasm: wasmEntry,
  css,
  languages,
};
fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`manifest.mjs: wrote ${path.join(dir, 'manifest.json')}`);
