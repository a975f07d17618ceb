// Embedding (README "Embedding", "Theming"). The two example host pages in examples/ are served
// the way an intranet would: the pages at /, the built widget folder under /biodpia/, every
// response with a strict Content-Security-Policy header. Both pages also load hostile.css, a
// set of aggressive global rules; the tests first check that those rules really hit the host
// page, then that they do not reach the widget.
//
//   script include: examples/script-include.html, web/embed.js mounts the widget in a shadow
//                   root of <div data-biodpia ...>
//   iframe:         examples/iframe.html, the built index.html in an iframe, options in the URL
//
// withApp() (lib.mjs) fails every test on a request that leaves the origin, a failed request,
// a console error or a CSP violation; the tests below add that each request is one of the
// host page's own files or one of the widget's files in /biodpia/.
import fs from 'node:fs/promises';
import path from 'node:path';
import { assert, DIST, formatAxe, printToText, ROOT, runAxe, STRICT_CSP, withApp } from './lib.mjs';

const EXAMPLES = path.join(ROOT, 'examples');
const FIXTURES = path.join(ROOT, 'tests', 'e2e', 'fixtures', 'embed');
const WIDGET_DIR = '/biodpia/';
const MOUNTS = { [WIDGET_DIR]: DIST };

/** The policy named in the issue, word for word. */
const ISSUE_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** lib.mjs's STRICT_CSP (default-src 'none', ...), letting only same-origin pages frame. */
const STRICT_FRAMES_CSP = `${STRICT_CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'")}; frame-src 'self'`;

const PAGES = {
  script: { path: '/script-include.html', files: ['/script-include.html', '/intranet.css', '/hostile.css', '/favicon.svg'] },
  iframe: { path: '/iframe.html', files: ['/iframe.html', '/intranet.css', '/hostile.css', '/favicon.svg'] },
};

/** hostile.css's `* { color: #d00000 !important }`. */
const RED = 'rgb(208, 0, 0)';
/** Defaults and presets from style/app.css, and the host's accent from examples/intranet.css. */
const FG = 'rgb(27, 31, 36)';
const WHITE = 'rgb(255, 255, 255)';
const HOST_ACCENT = 'rgb(21, 66, 115)';
const DARK_BG = 'rgb(21, 25, 30)';
const DARK_FG = 'rgb(232, 235, 239)';
const DEFAULT_ACCENT = 'rgb(11, 92, 173)';
const DARK_ACCENT = 'rgb(140, 195, 245)';

/** The element the widget renders into: the shadow host, or #biodpia inside the iframe. */
function widgetOf(page, kind) {
  return kind === 'iframe'
    ? page.frameLocator('iframe.dpia-frame').locator('#biodpia')
    : page.locator('[data-biodpia]');
}

/** The widget app root, once rendered. */
async function appOf(page, kind) {
  const app = widgetOf(page, kind).locator('[data-testid="app"]');
  await app.waitFor({ timeout: 30_000 });
  return app;
}

/** Sizes, positions relative to the app root, and computed styles of the widget's parts. */
async function measure(app) {
  return app.evaluate((root) => {
    const o = root.getBoundingClientRect();
    const q = (sel) => root.querySelector(sel);
    const box = (e) => {
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return [r.left - o.left, r.top - o.top, r.width, r.height].map(Math.round);
    };
    const css = (sel) => getComputedStyle(q(sel));
    const radio = q('input[type="radio"]');
    return {
      boxes: {
        app: [0, 0, Math.round(o.width), Math.round(o.height)],
        h1: box(q('h1')),
        nav: box(q('nav')),
        navButton: box(q('nav button')),
        fieldset: box(q('fieldset.bd-q')),
        legend: box(q('legend')),
        radio: box(radio),
        label: box(q('.bd-option label')),
        next: box(q('[data-testid="next"]')),
        lang: box(q('[data-testid="lang"]')),
      },
      radioVisible: radio.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      labelDisplay: css('.bd-option label').display,
      appColor: getComputedStyle(root).color,
      appBg: getComputedStyle(root).backgroundColor,
      appFont: getComputedStyle(root).fontFamily,
      legendColor: css('legend').color,
      h1Transform: css('h1').textTransform,
      h1Size: css('h1').fontSize,
      nextBg: css('[data-testid="next"]').backgroundColor,
      nextColor: css('[data-testid="next"]').color,
      nextCursor: css('[data-testid="next"]').cursor,
      fieldsetBorder: css('fieldset.bd-q').borderTopWidth,
      styleAttributes: root.querySelectorAll('[style]').length,
    };
  });
}

/** The widget looks like itself: the host's CSS did not get in. */
function assertWidgetIntact(m, accent) {
  for (const [name, b] of Object.entries(m.boxes)) {
    assert.ok(b && b[2] > 0 && b[3] > 0, `${name} has no size: ${JSON.stringify(b)}`);
  }
  assert.ok(m.boxes.next[2] >= 60 && m.boxes.next[3] >= 30, `Next button too small: ${m.boxes.next}`);
  assert.ok(m.boxes.radio[2] >= 14 && m.boxes.radio[3] >= 14, `radio button too small: ${m.boxes.radio}`);
  assert.ok(m.radioVisible, 'radio button is hidden');
  assert.notEqual(m.labelDisplay, 'none', 'option labels are hidden');
  assert.ok(m.boxes.nav[2] > 150, `section navigation collapsed: ${m.boxes.nav}`);
  assert.equal(m.nextBg, accent, 'Next button background');
  assert.equal(m.nextColor, WHITE, 'Next button text colour');
  assert.equal(m.nextCursor, 'pointer');
  for (const c of [m.appColor, m.legendColor]) assert.notEqual(c, RED, 'widget text took the host page red');
  assert.equal(m.legendColor, FG);
  assert.equal(m.appBg, WHITE);
  assert.doesNotMatch(m.appFont, /comic/i, 'widget took the host page font');
  assert.equal(m.h1Transform, 'none', 'widget took the host page text-transform');
  assert.notEqual(m.h1Size, '12px', 'widget heading took the host page size');
  assert.equal(m.fieldsetBorder, '1px', 'question frame lost its border');
  assert.equal(m.styleAttributes, 0, 'the widget set style="" attributes (blocked by style-src)');
}

/** hostile.css is really in force on the host page, so the checks above mean something. */
async function assertHostIsHostile(page) {
  const host = await page.locator('.intranet-note').evaluate((h) => {
    const s = getComputedStyle(h);
    return { color: s.color, size: s.fontSize, transform: s.textTransform };
  });
  assert.deepEqual(host, { color: RED, size: '12px', transform: 'uppercase' }, 'hostile.css did not apply to the host page');
}

/** Same origin, and either one of the host page's own files or a file of the built widget. */
async function assertOnlyOwnFiles(requests, origin, hostFiles) {
  const dist = new Set(await fs.readdir(DIST));
  const widget = new Set();
  for (const u of requests.urls) {
    if (u.startsWith('data:') || u.startsWith('blob:')) continue;
    const url = new URL(u);
    assert.equal(url.origin, origin, `request to another origin: ${u}`);
    if (url.pathname.startsWith(WIDGET_DIR)) {
      const file = url.pathname.slice(WIDGET_DIR.length);
      assert.ok(dist.has(file), `request for ${u}, which is not a file of the built widget`);
      widget.add(file);
    } else {
      assert.ok(hostFiles.includes(url.pathname), `request for ${u}, neither a host page file nor under ${WIDGET_DIR}`);
    }
  }
  // The recorder saw the widget load (so an empty list cannot pass by accident).
  assert.ok([...widget].some((f) => f.endsWith('.wasm')), `no .wasm request recorded: ${[...widget]}`);
  return widget;
}

/** Click an option, Next, check the section changed; Back; open the results. */
async function shortAssessment(app) {
  const heading = app.locator('#bd-section-title');
  const first = await heading.innerText();
  const radio = app.locator('fieldset input[type="radio"]').first();
  await app.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
  assert.ok(await radio.isChecked(), 'clicking the label checked the radio button');
  await app.locator('[data-testid="next"]').click();
  await app.locator('#bd-section-title').filter({ hasNotText: first }).waitFor();
  await app.locator('[data-testid="next"]').click();
  await app.getByRole('button', { name: /^(Back|Vorige|Terug)$/ }).first().click();
  await app.locator('[data-testid="nav-results"]').click();
  await app.locator('[data-testid="verdict"]').waitFor();
}

/** Answers every visible, unanswered question of the current section (first option, or text). */
async function answerSection(app) {
  for (let round = 0; round < 10; round++) {
    let changed = 0;
    for (const fs of await app.locator('fieldset.bd-q:not(.bd-q-table)').all()) {
      if ((await fs.locator('input:checked').count()) > 0) continue;
      const id = await fs.locator('input[type=radio], input[type=checkbox]').first().getAttribute('id');
      await fs.locator(`label[for="${id}"]`).click();
      changed++;
    }
    for (const area of await app.locator('.bd-q-text textarea').all()) {
      if ((await area.inputValue()) === '') {
        await area.fill('In eigen woorden beschreven voor de test.');
        changed++;
      }
    }
    if (changed === 0) return;
  }
}

/** Every section answered, then the results, with one action-plan change. */
async function fullAssessment(app) {
  const sections = await app.locator('nav .bd-nav-item:not(.bd-nav-results) button').count();
  assert.ok(sections >= 8, `expected at least 8 sections, found ${sections}`);
  for (let i = 0; i < sections; i++) {
    await answerSection(app);
    await app.locator('[data-testid="next"]').click();
  }
  await app.locator('[data-testid="verdict"]').waitFor();
  assert.doesNotMatch(await app.locator('[data-testid="verdict"]').innerText(), /Provisional|Voorlopig/i, 'every question answered');
  const status = app.locator('[data-testid="recommendation"] select').first();
  if ((await status.count()) > 0) await status.selectOption('planned');
}

// ---------------------------------------------------------------------------------------

async function examplePage(kind, csp) {
  await withApp(
    { name: `embed-${kind}`, root: EXAMPLES, mounts: MOUNTS, csp, path: PAGES[kind].path, waitForApp: false },
    async ({ page, requests, origin, console }) => {
      const app = await appOf(page, kind);
      await assertHostIsHostile(page);
      assertWidgetIntact(await measure(app), kind === 'script' ? HOST_ACCENT : DEFAULT_ACCENT);
      await shortAssessment(app);
      // Violations inside the iframe are reported in the iframe's document (lib.mjs's init
      // script installs the listener in every frame).
      assert.equal(page.frames().length, kind === 'iframe' ? 2 : 1);
      for (const frame of page.frames()) {
        const v = await frame.evaluate(() => window.__cspViolations);
        assert.deepEqual(v, [], `CSP violations in ${frame.url()}`);
      }
      await console.assertNoCspViolations();
      const files = await assertOnlyOwnFiles(requests, origin, PAGES[kind].files);
      if (kind === 'script') {
        for (const f of ['embed.js', 'manifest.json']) assert.ok(files.has(f), `${f} was not loaded`);
      }
    },
  );
}

export async function scriptIncludeUnderTheIssuePolicy() {
  await examplePage('script', ISSUE_CSP);
}

export async function scriptIncludeUnderStrictCsp() {
  await examplePage('script', STRICT_CSP);
}

export async function iframeUnderTheIssuePolicy() {
  await examplePage('iframe', ISSUE_CSP);
}

export async function iframeUnderStrictCsp() {
  await examplePage('iframe', STRICT_FRAMES_CSP);
}

/** The widget's layout is the same with and without hostile.css on the host page. */
async function sameLayoutWithHostileCss(kind) {
  await withApp(
    { name: `embed-layout-${kind}`, root: EXAMPLES, mounts: MOUNTS, csp: ISSUE_CSP, path: PAGES[kind].path, waitForApp: false },
    async ({ page, url }) => {
      const hostile = await measure(await appOf(page, kind));
      await page.route('**/hostile.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
      await page.goto(url + PAGES[kind].path.slice(1));
      const clean = await measure(await appOf(page, kind));
      await page.unroute('**/hostile.css');
      assert.deepEqual(hostile, clean, 'the widget looks different under hostile.css');
    },
  );
}

export async function hostileHostCssDoesNotMoveAnythingInTheScriptInclude() {
  await sameLayoutWithHostileCss('script');
}

export async function hostileHostCssDoesNotMoveAnythingInTheIframe() {
  await sameLayoutWithHostileCss('iframe');
}

export async function widgetCssStaysInTheShadowRoot() {
  await withApp(
    { name: 'embed-shadow', root: EXAMPLES, mounts: MOUNTS, csp: ISSUE_CSP, path: PAGES.script.path, waitForApp: false },
    async ({ page }) => {
      await appOf(page, 'script');
      const sheets = await page.evaluate(() => {
        const host = document.querySelector('[data-biodpia]');
        const hrefs = (list) => [...list].map((s) => new URL(s.href).pathname);
        return {
          document: hrefs(document.styleSheets),
          shadow: hrefs(host.shadowRoot.styleSheets),
          mounted: host.hasAttribute('data-biodpia-mounted'),
          // No element of the host document carries a widget class.
          bdInDocument: document.querySelectorAll('[class*="bd-"]').length,
          hostButton: getComputedStyle(document.querySelector('main > p > button')).cursor,
        };
      });
      assert.deepEqual(sheets.document, ['/intranet.css', '/hostile.css'], 'the host document got a widget stylesheet');
      assert.equal(sheets.shadow.length, 1);
      assert.match(sheets.shadow[0], /^\/biodpia\/app-[0-9a-f]+\.css$/);
      assert.ok(sheets.mounted);
      assert.equal(sheets.bdInDocument, 0);
      // The host's own button is left to the host's CSS (hostile.css unsets it).
      assert.equal(sheets.hostButton, 'auto');
    },
  );
}

export async function themingThroughCustomPropertiesAndPresets() {
  await withApp(
    { name: 'embed-theme', root: EXAMPLES, mounts: MOUNTS, csp: ISSUE_CSP, path: PAGES.script.path, waitForApp: false },
    async ({ page, url }) => {
      const app = await appOf(page, 'script');
      const host = page.locator('[data-biodpia]');
      // intranet.css sets --bd-accent on the host element; it reaches into the shadow root.
      assert.equal((await measure(app)).nextBg, HOST_ACCENT);
      await host.evaluate((h) => h.setAttribute('data-theme', 'dark'));
      let m = await measure(app);
      assert.equal(m.appBg, DARK_BG, 'data-theme="dark" background');
      assert.equal(m.appColor, DARK_FG, 'data-theme="dark" text colour');
      assert.equal(m.nextBg, HOST_ACCENT, "the host page's own --bd-accent still wins over the preset");
      assert.equal(await app.evaluate((a) => getComputedStyle(a).colorScheme), 'dark');
      // Without the host's accent the preset's applies.
      await host.evaluate((h) => h.classList.remove('dpia-widget'));
      assert.equal((await measure(app)).nextBg, DARK_ACCENT);
      // A custom font and colour from the host.
      await host.evaluate((h) => {
        h.style.setProperty('--bd-font', 'Verdana, sans-serif');
        h.style.setProperty('--bd-fg', 'rgb(0, 80, 0)');
      });
      m = await measure(app);
      assert.match(m.appFont, /^Verdana/);
      assert.equal(m.legendColor, 'rgb(0, 80, 0)');
      // Printing always uses the light colours.
      await page.emulateMedia({ media: 'print' });
      assert.equal((await measure(app)).appBg, WHITE, 'dark theme printed');
      await page.emulateMedia({ media: 'screen' });

      // The widget's own page (what the iframe shows) takes its options from the query string.
      await page.goto(`${url}biodpia/index.html?lang=nl&theme=dark&org=Gemeente%20Querystad&namespace=query-test`);
      const own = page.locator('#biodpia [data-testid="app"]');
      await own.waitFor();
      assert.equal(await own.getAttribute('lang'), 'nl');
      assert.equal(await page.locator('#biodpia').getAttribute('data-theme'), 'dark');
      assert.equal((await measure(own)).appBg, DARK_BG);
      await own.locator('label[for^="bd-"]').first().click();
      const stored = await page.waitForFunction(() => {
        const keys = Object.keys(localStorage).filter((k) => k.startsWith('biodpia/query-test/'));
        const all = keys.map((k) => localStorage.getItem(k)).join('\n');
        return all.includes('Gemeente Querystad') && keys;
      });
      assert.ok((await stored.jsonValue()).length > 0);
    },
  );
}

export async function twoWidgetsOnOnePageKeepTheirOwnLanguageThemeAndStorage() {
  await withApp(
    { name: 'embed-two', root: FIXTURES, mounts: MOUNTS, csp: ISSUE_CSP, waitForApp: false },
    async ({ page }) => {
      const a = page.locator('#first [data-testid="app"]');
      const b = page.locator('#second [data-testid="app"]');
      await a.waitFor();
      await b.waitFor();
      assert.equal(await a.getAttribute('lang'), 'en');
      assert.equal(await b.getAttribute('lang'), 'nl');
      assert.match(await b.locator('[data-testid="next"]').innerText(), /Volgende/);
      assert.equal((await measure(a)).appBg, WHITE);
      assert.equal((await measure(b)).appBg, DARK_BG);

      // The same ids exist in both shadow roots; a label still works in its own widget only.
      const radioA = a.locator('fieldset input[type="radio"]').first();
      const radioB = b.locator('fieldset input[type="radio"]').first();
      const id = await radioB.getAttribute('id');
      assert.equal(await radioA.getAttribute('id'), id);
      await b.locator(`label[for="${id}"]`).click();
      assert.ok(await radioB.isChecked());
      assert.ok(!(await radioA.isChecked()), 'answering in one widget changed the other');

      const value = await radioB.getAttribute('value');
      const dump = (ns) =>
        page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).map((k) => localStorage.getItem(k)).join('\n'), `biodpia/${ns}/`);
      await page.waitForFunction((v) => Object.keys(localStorage).some((k) => k.startsWith('biodpia/team-b/') && localStorage.getItem(k).includes(v)), value);
      assert.match(await dump('team-b'), /Team B/);
      assert.doesNotMatch(await dump('team-a'), new RegExp(`"${value}"`), "team-b's answer leaked into team-a's storage");

      await page.reload();
      await b.waitFor();
      assert.ok(await b.locator(`#${id}`).isChecked(), 'answer restored in its own widget');
      assert.ok(!(await a.locator(`#${id}`).isChecked()));
    },
  );
}

export async function bothThemePresetsPassAxe() {
  // No CSP header here: axe-core itself sets inline styles while it checks.
  await withApp({ name: 'embed-axe', root: FIXTURES, mounts: MOUNTS, waitForApp: false }, async ({ page }) => {
    const widgets = [page.locator('#first [data-testid="app"]'), page.locator('#second [data-testid="app"]')];
    for (const w of widgets) await w.waitFor();
    // Light in #first, dark in #second; a wizard page with an answer, then the results.
    for (const w of widgets) await w.locator('.bd-option label').nth(1).click();
    let violations = await runAxe(page);
    assert.deepEqual(violations, [], formatAxe(violations));
    for (const w of widgets) {
      await w.locator('[data-testid="nav-results"]').click();
      await w.locator('[data-testid="verdict"]').waitFor();
    }
    violations = await runAxe(page);
    assert.deepEqual(violations, [], formatAxe(violations));
    // The summary and the list of assessments.
    for (const [view, shown] of [['nav-summary', 'summary-title'], ['nav-assessments', 'manager']]) {
      for (const w of widgets) {
        await w.locator(`[data-testid="${view}"]`).click();
        await w.locator(`[data-testid="${shown}"]`).first().waitFor();
      }
      violations = await runAxe(page);
      assert.deepEqual(violations, [], `${view}: ${formatAxe(violations)}`);
    }
    assert.equal(await widgets[1].evaluate((e) => getComputedStyle(e).backgroundColor), DARK_BG, 'the second widget is dark');
  });
}

/** A full assessment, print included: only the host page's and the widget's own files. */
async function privacy(kind) {
  await withApp(
    { name: `embed-privacy-${kind}`, root: EXAMPLES, mounts: MOUNTS, csp: ISSUE_CSP, path: PAGES[kind].path, waitForApp: false },
    async ({ page, requests, origin }) => {
      const app = await appOf(page, kind);
      await fullAssessment(app);
      // window.print() opens a dialog; count the calls instead, then print for real with page.pdf.
      const frame = kind === 'iframe' ? page.frame({ url: /\/biodpia\/index\.html/ }) : page.mainFrame();
      await frame.evaluate(() => {
        window.__printed = 0;
        window.print = () => window.__printed++;
      });
      await app.locator('[data-testid="print"]').click();
      assert.equal(await frame.evaluate(() => window.__printed), 1, 'the print button called window.print()');
      const { text } = await printToText(page);
      // The printout holds the widget's printed text (in the iframe: the part in view).
      const printed = (await app.innerText()).split('\n').map((l) => l.replace(/\s+/g, '')).filter((l) => l.length >= 20);
      const pdf = text.replace(/\s+/g, '');
      const found = printed.filter((l) => pdf.includes(l.slice(0, 20)));
      assert.ok(found.length >= 3, `only ${found.length} of ${printed.length} widget lines in the PDF`);
      const files = await assertOnlyOwnFiles(requests, origin, PAGES[kind].files);
      for (const f of files) assert.doesNotMatch(f, /\.(woff2?|ttf|otf|eot)$/, `font requested: ${f}`);
    },
  );
}

export async function fullAssessmentWithPrintRequestsOnlyOwnFilesScriptInclude() {
  await privacy('script');
}

export async function fullAssessmentWithPrintRequestsOnlyOwnFilesIframe() {
  await privacy('iframe');
}

export async function builtFolderIsStaticAndSelfContained() {
  const files = await fs.readdir(DIST, { withFileTypes: true });
  const manifest = JSON.parse(await fs.readFile(path.join(DIST, 'manifest.json'), 'utf8'));
  const names = new Set(files.map((f) => f.name));
  for (const f of [manifest.js.file, manifest.wasm.file, ...manifest.css.map((c) => c.file), 'index.html', 'boot.js', 'embed.js']) {
    assert.ok(names.has(f), `${f} missing from ${DIST}`);
  }
  // The manifest names what index.html loads.
  const html = await fs.readFile(path.join(DIST, 'index.html'), 'utf8');
  for (const f of [manifest.js.file, manifest.wasm.file, ...manifest.css.map((c) => c.file)]) assert.ok(html.includes(f), `${f} not in index.html`);
  let total = 0;
  for (const f of files) {
    assert.ok(f.isFile(), `${f.name}: the built folder should be flat`);
    assert.doesNotMatch(f.name, /\.(woff2?|ttf|otf|eot)$/, 'no fonts');
    total += (await fs.stat(path.join(DIST, f.name))).size;
    if (/\.(html|js|css|json)$/.test(f.name)) {
      // Comments may cite documentation (wasm-bindgen's JS does); code may not name a server.
      const text = (await fs.readFile(path.join(DIST, f.name), 'utf8'))
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      const urls = text.match(/https?:\/\/[^\s"'`)]+/g) ?? [];
      assert.deepEqual(urls, [], `${f.name} refers to another server`);
      assert.doesNotMatch(text, /@import|@font-face/, `${f.name} imports CSS or fonts`);
    }
  }
  assert.ok(total < 3 * 1024 * 1024, `the built folder is ${total} bytes`);
}

export async function skipLinkWorksInsideTheShadowRootAndLeavesTheHostUrlAlone() {
  await withApp(
    { name: 'embed-skip', root: EXAMPLES, mounts: MOUNTS, csp: ISSUE_CSP, path: PAGES.script.path, waitForApp: false },
    async ({ page }) => {
      await appOf(page, 'script');
      const skip = page.locator('[data-biodpia] .bd-skip');
      // Keyboard: Tab from the host page's own links reaches the skip link first.
      await page.locator('.intranet-note').click();
      for (let i = 0; i < 40 && !(await skip.evaluate((s) => s.getRootNode().activeElement === s)); i++) {
        await page.keyboard.press('Tab');
      }
      assert.ok(await skip.evaluate((s) => s.getRootNode().activeElement === s), 'Tab never reached the skip link');
      const urlBefore = page.url();
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => document.querySelector('[data-biodpia]').shadowRoot.activeElement?.id);
      assert.equal(focused, 'bd-main', 'the skip link moved focus to the main content');
      assert.equal(page.url(), urlBefore, "the skip link changed the host page's URL");
    },
  );
}

/** The script include requests its language file (data-lang="nl" in the example) before the wasm arrives, once. */
export async function scriptIncludeRequestsTheLanguageBeforeTheWasmArrives() {
  await withApp(
    { name: 'embed-prefetch', root: EXAMPLES, mounts: MOUNTS, csp: STRICT_CSP, path: PAGES.script.path, goto: false, waitForApp: false },
    async ({ page, url }) => {
      const events = [];
      const LANG = /\/lang-([A-Za-z-]+)-[0-9a-f]{12}\.json$/;
      page.on('request', (r) => LANG.test(r.url()) && events.push(`lang ${r.url().match(LANG)[1]}`));
      await page.route(/_bg\.wasm$/, async (route) => {
        await new Promise((r) => setTimeout(r, 700));
        events.push('wasm released');
        await route.continue();
      });
      await page.goto(url + PAGES.script.path.slice(1));
      const app = await appOf(page, 'script');
      const lang = await app.getAttribute('lang');
      assert.deepEqual(events, [`lang ${lang}`, 'wasm released']);
    },
  );
}
