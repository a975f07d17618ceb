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
const bindings = await import(url(tag.dataset.biodpiaJs));
const wasm = await bindings.default({ module_or_path: url(tag.dataset.biodpiaWasm) });
// Same event Trunk's inline loader fires, for anything that waits on it.
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
