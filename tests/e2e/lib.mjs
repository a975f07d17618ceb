// Helpers for the end-to-end tests in tests/e2e/*.test.mjs.
//
// The tests drive Debian's /usr/bin/chromium through playwright-core (no browser is
// downloaded) against the built dist/ (`trunk build --release`), served on 127.0.0.1 by
// ./server.mjs. Every page blocks and records requests that leave the origin: the
// widget must never talk to anything but the server it came from.
//
// A test file exports async functions; tests/e2e/run.mjs runs each one. Typical test:
//
//   import { withApp, assert } from './lib.mjs';
//   export async function mountsTheApp() {
//     await withApp({}, async ({ page }) => {
//       await page.locator('#biodpia [data-testid="app"]').waitFor();
//     });
//   }
//
// withApp() fails the test when, by the end of the callback, a request left the origin,
// a request failed (or got a status >= 400), the console logged an error, a page error
// was thrown, or a Content-Security-Policy violation was reported. Pass
// { allowConsoleErrors: [/regex/] } etc. to relax that for one test.
//
// Environment: E2E_DIST (directory to serve, default <repo>/dist), CHROMIUM (browser
// binary, default /usr/bin/chromium), E2E_ARTIFACTS (screenshots of failed tests,
// default <repo>/target/e2e).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

export { assert, startServer };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.resolve(process.env.E2E_DIST ?? path.join(ROOT, 'dist'));
export const ARTIFACTS = path.resolve(process.env.E2E_ARTIFACTS ?? path.join(ROOT, 'target', 'e2e'));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium from phoning home (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
  '--no-default-browser-check',
];

/**
 * The policy the widget must run under: no inline script or style, no eval, nothing from
 * another origin. 'wasm-unsafe-eval' is what compiling WebAssembly needs. index.html's icon
 * is a same-origin file, so `img-src data:` is not needed by the widget itself.
 */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The CSS selector the app's root element matches once Yew has rendered. */
export const APP_SELECTOR = '#biodpia [data-testid="app"]';

// ---------------------------------------------------------------------------------------
// Browser

/** Launch a new headless Chromium. Prefer sharedBrowser() in tests. */
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
}

let shared;
/** One browser for the whole run (run.mjs closes it at the end). */
export async function sharedBrowser() {
  if (!shared || !shared.isConnected()) shared = await launchBrowser();
  return shared;
}
export async function closeSharedBrowser() {
  if (shared) await shared.close().catch(() => {});
  shared = undefined;
}

// ---------------------------------------------------------------------------------------
// Recorders

const LOCAL_SCHEMES = ['data:', 'blob:', 'about:', 'chrome-error:'];

/**
 * Record every request the page (and its workers) makes. Requests to another origin are
 * aborted (unless `block: false`) and recorded, so a test can assert that none happened.
 * Also records failed requests and responses with status >= 400.
 * @param {import('playwright-core').Page} page
 * @param {string} origin e.g. "http://127.0.0.1:43121"
 */
export async function recordRequests(page, origin, { block = true } = {}) {
  const urls = [];
  const failed = [];
  const sockets = [];
  const isLocal = (u) => LOCAL_SCHEMES.some((s) => u.startsWith(s)) || new URL(u).origin === origin;

  page.on('request', (r) => urls.push(r.url()));
  page.on('requestfailed', (r) => {
    // Requests we aborted ourselves are reported by offOrigin(), not as failures.
    if (isLocal(r.url())) failed.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.request().method()} ${r.url()}: HTTP ${r.status()}`);
  });
  page.on('websocket', (ws) => sockets.push(ws.url()));
  if (block) {
    await page.route(
      (url) => !isLocal(url.href),
      (route) => route.abort('blockedbyclient'),
    );
  }

  const rec = {
    urls,
    failed,
    sockets,
    /** URLs (requests and websockets) that left the origin. */
    offOrigin: () => [...urls, ...sockets].filter((u) => !isLocal(u)),
    assertNoneLeftOrigin() {
      const off = rec.offOrigin();
      assert.deepEqual(off, [], `requests left the origin ${origin}:\n  ${off.join('\n  ')}`);
    },
    assertNoneFailed() {
      assert.deepEqual(failed, [], `requests failed:\n  ${failed.join('\n  ')}`);
    },
  };
  return rec;
}

/**
 * Collect console messages, uncaught page errors and CSP violations.
 * @param {import('playwright-core').Page} page
 */
export async function collectConsole(page) {
  const errors = [];
  const warnings = [];
  const messages = [];
  page.on('console', (m) => {
    const where = m.location()?.url ? ` (${m.location().url}:${m.location().lineNumber})` : '';
    const line = `${m.type()}: ${m.text()}${where}`;
    messages.push(line);
    if (m.type() === 'error') errors.push(line);
    if (m.type() === 'warning') warnings.push(line);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack || e.message}`));
  page.on('crash', () => errors.push('page crashed'));
  // Injected through the DevTools protocol, so the page's own CSP does not block it.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const col = {
    errors,
    warnings,
    messages,
    async cspViolations() {
      try {
        return await page.evaluate(() => window.__cspViolations ?? []);
      } catch {
        return [];
      }
    },
    /** @param {RegExp[]} [allow] errors matching any of these are ignored */
    assertNoErrors(allow = []) {
      const left = errors.filter((e) => !allow.some((re) => re.test(e)));
      assert.deepEqual(left, [], `console errors:\n  ${left.join('\n  ')}`);
    },
    async assertNoCspViolations() {
      const v = await col.cspViolations();
      assert.deepEqual(v, [], `Content-Security-Policy violations:\n  ${v.join('\n  ')}`);
    },
  };
  return col;
}

// ---------------------------------------------------------------------------------------
// Pages

/**
 * Serve dist/ (or opts.root), open a fresh browser context and page on it, with request and
 * console recorders attached. Call `close()` when done (withApp() does it for you).
 * @param {object} [opts]
 * @param {string} [opts.root] directory to serve (default DIST)
 * @param {Record<string,string>} [opts.mounts] more directories under URL prefixes, e.g.
 *        { '/biodpia/': DIST } (see server.mjs)
 * @param {string|false} [opts.csp] a Content-Security-Policy header for every response
 * @param {Record<string,string>} [opts.headers] more response headers
 * @param {string} [opts.path='/'] page to open
 * @param {boolean} [opts.goto=true] navigate before returning
 * @param {object} [opts.context] options for browser.newContext (viewport, locale, ...)
 */
export async function openApp(opts = {}) {
  const root = opts.root ?? DIST;
  await fs.access(path.join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html not found: run \`trunk build --release\` first`);
  });
  const headers = { ...(opts.headers ?? {}) };
  if (opts.csp) headers['Content-Security-Policy'] = opts.csp;
  const server = await startServer({ root, headers, mounts: opts.mounts });
  const browser = await sharedBrowser();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    serviceWorkers: 'block',
    ...(opts.context ?? {}),
  });
  const page = await context.newPage();
  const requests = await recordRequests(page, server.origin);
  const console_ = await collectConsole(page);
  const app = {
    page,
    context,
    server,
    origin: server.origin,
    url: server.url,
    requests,
    console: console_,
    async close() {
      await context.close().catch(() => {});
      await server.close();
    },
  };
  if (opts.goto !== false) await page.goto(server.url + (opts.path ?? '/').replace(/^\//, ''));
  return app;
}

/** Wait until Yew has rendered the app root inside #biodpia. */
export async function waitForApp(page, timeout = 30_000) {
  await page.locator(APP_SELECTOR).first().waitFor({ state: 'attached', timeout });
}

/**
 * Open the app, run `fn(app)`, then check that no request left the origin or failed,
 * nothing was logged as an error and no CSP violation happened. Screenshots the page to
 * target/e2e/ when the test fails.
 * @param {object} opts openApp() options, plus allowConsoleErrors: RegExp[],
 *        allowFailedRequests: RegExp[], name (for the screenshot), waitForApp (default true)
 */
export async function withApp(opts, fn) {
  const app = await openApp(opts);
  try {
    if (opts.waitForApp !== false) await waitForApp(app.page);
    const result = await fn(app);
    app.requests.assertNoneLeftOrigin();
    const failed = app.requests.failed.filter(
      (f) => !(opts.allowFailedRequests ?? []).some((re) => re.test(f)),
    );
    assert.deepEqual(failed, [], `requests failed:\n  ${failed.join('\n  ')}`);
    app.console.assertNoErrors(opts.allowConsoleErrors ?? []);
    await app.console.assertNoCspViolations();
    return result;
  } catch (err) {
    const name = (opts.name ?? 'failed').replace(/[^\w.-]+/g, '_');
    await fs.mkdir(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, `${name}.png`);
    await app.page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    // run.mjs prints err.details after the stack.
    err.details = [
      app.console.messages.length ? `console:\n  ${app.console.messages.join('\n  ')}` : '',
      app.requests.failed.length ? `failed requests:\n  ${app.requests.failed.join('\n  ')}` : '',
      `screenshot: ${shot}`,
    ]
      .filter(Boolean)
      .join('\n');
    throw err;
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------
// The wizard

/** Answers every visible, unanswered question of the current section by clicking. */
export async function answerSection(page, { prefer = {} } = {}) {
  // Answers can reveal follow-up questions, so repeat until nothing is left open.
  for (let round = 0; round < 10; round++) {
    let clicked = 0;
    // Table questions are left empty (tests/e2e/table.test.mjs fills them in).
    for (const fs of await page.locator(`${APP_SELECTOR} fieldset.bd-q:not(.bd-q-table)`).all()) {
      const qid = (await fs.getAttribute('id')).replace(/^bd-q-/, '');
      const inputs = fs.locator('input[type=radio], input[type=checkbox]');
      if ((await fs.locator('input:checked').count()) > 0) continue;
      const wanted = prefer[qid];
      const target = wanted ? fs.locator(`#bd-${qid}-${wanted}`) : inputs.first();
      await fs.locator(`label[for="${await target.getAttribute('id')}"]`).click();
      clicked++;
    }
    for (const area of await page.locator(`${APP_SELECTOR} textarea`).all()) {
      if ((await area.inputValue()) === '') {
        await area.fill('Described in our own words for the test.');
        clicked++;
      }
    }
    if (clicked === 0) return;
  }
}

/** Answers every section in order (at least `minSections`), then waits for the verdict. */
export async function completeWizard(page, prefer, { minSections = 8 } = {}) {
  const sections = await page.locator(`${APP_SELECTOR} nav .bd-nav-item:not(.bd-nav-results)`).count();
  assert.ok(sections >= minSections, `expected at least ${minSections} sections, found ${sections}`);
  for (let i = 0; i < sections; i++) {
    await answerSection(page, { prefer });
    await page.locator(`${APP_SELECTOR} [data-testid="next"]`).click();
  }
  await page.locator(`${APP_SELECTOR} [data-testid="verdict"]`).waitFor();
}

// ---------------------------------------------------------------------------------------
// Accessibility and print

const require = createRequire(import.meta.url);

/**
 * Run axe-core on the page (injected through the DevTools protocol, so a strict CSP does
 * not block it). Returns axe's violations array.
 * @param {import('playwright-core').Page} page
 * @param {object} [options] axe.run options, default WCAG 2.x A/AA rules
 */
export async function runAxe(page, options) {
  const source = await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const opts = options ?? {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  };
  const result = await page.evaluate((o) => window.axe.run(document, o), opts);
  return result.violations;
}

/** Format axe violations for an assertion message. */
export function formatAxe(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`)
    .join('\n  ');
}

/**
 * Print the page to PDF with its print CSS and return the text pdftotext reads back.
 * @returns {Promise<{text: string, pdf: string}>} pdf is the path of the PDF file
 */
export async function printToText(page, pdfOptions = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'biodpia-pdf-'));
  const pdf = path.join(dir, 'page.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, ...pdfOptions });
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return { text: stdout, pdf };
}

/** Where tests put the screenshots a reviewer looks at (E2E_SHOTS overrides). */
export const SHOTS = process.env.E2E_SHOTS ?? '/tmp/shots';

/** Text without any white space (pdftotext breaks lines where the layout does). */
export const squash = (s) => s.replace(/\s+/g, '');

/** Prints to `name`.pdf in target/e2e with print media; returns the path and pdftotext's raw text. */
export async function printPdf(page, name) {
  await fs.mkdir(ARTIFACTS, { recursive: true });
  const pdf = path.join(ARTIFACTS, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const { stdout } = await promisify(execFile)('pdftotext', ['-raw', pdf, '-'], { maxBuffer: 64 << 20 });
  return { pdf, raw: stdout };
}

/** Renders the PDF pages that contain `needle` to SHOTS/`name`-p<page>.png. */
export async function shootPages(pdf, raw, needle, name) {
  await fs.mkdir(SHOTS, { recursive: true });
  for (const [i, p] of raw.split('\f').entries()) {
    if (!squash(p).includes(squash(needle))) continue;
    const page = String(i + 1);
    await promisify(execFile)('pdftoppm', ['-png', '-r', '70', '-f', page, '-l', page, pdf, path.join(SHOTS, `${name}-p${page}`)]);
  }
}

/** A screenshot of the viewport to SHOTS/`file`, with `selector` scrolled to its top. */
export async function shoot(page, selector, file) {
  await fs.mkdir(SHOTS, { recursive: true });
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(SHOTS, file) });
}
