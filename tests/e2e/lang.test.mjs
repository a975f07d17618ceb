// Languages as files (src/i18n, src/ui/widget.rs): the widget fetches only the language it
// starts in, from its own folder, and another one when the user switches (answers kept, no
// reload). A language file that is missing, unreachable or damaged gives a message naming
// the language and English (or, on a switch, the language shown), and nothing saved changes.
// The failures are made by intercepting the request (page.route).
import { APP_SELECTOR, assert, STRICT_CSP, withApp } from './lib.mjs';

const LANG_FILE = /\/lang-([A-Za-z-]+)-[0-9a-f]{12}\.json$/;
/** The language files the page requested, by code, in order. */
const fetched = (requests) => requests.urls.map((u) => new URL(u).pathname.match(LANG_FILE)?.[1]).filter(Boolean);

/** Everything in localStorage, as an object. */
const storage = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

/** Answers the first question of the first section and waits for autosave. */
async function answerOne(page) {
  const first = page.locator(`${APP_SELECTOR} fieldset.bd-q`).first();
  const input = first.locator('input[type=radio], input[type=checkbox]').first();
  await first.locator(`label[for="${await input.getAttribute('id')}"]`).click();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => localStorage.getItem(k).includes('"answers":{"')));
}

const problem = (page) => page.locator(`${APP_SELECTOR} [data-testid="lang-problem"]`);

export async function onlyTheStartLanguageIsFetchedAndASwitchFetchesTheOther() {
  await withApp({ name: 'lang-fetch', csp: STRICT_CSP }, async ({ page, requests }) => {
    assert.deepEqual(fetched(requests), ['en']);
    await answerOne(page);
    const checked = await page.locator(`${APP_SELECTOR} input:checked`).count();
    await page.locator(`${APP_SELECTOR} [data-testid="lang"]`).selectOption('nl');
    await page.locator(`${APP_SELECTOR}[lang="nl"]`).waitFor();
    assert.deepEqual(fetched(requests), ['en', 'nl']);
    assert.equal(await page.locator(`${APP_SELECTOR} input:checked`).count(), checked, 'answers kept');
    // Back to English: loaded already, no request.
    await page.locator(`${APP_SELECTOR} [data-testid="lang"]`).selectOption('en');
    await page.locator(`${APP_SELECTOR}[lang="en"]`).waitFor();
    assert.deepEqual(fetched(requests), ['en', 'nl']);
  });
}

export async function startingInDutchFetchesOnlyDutch() {
  await withApp({ name: 'lang-nl', path: '/?lang=nl' }, async ({ page, requests }) => {
    await page.locator(`${APP_SELECTOR}[lang="nl"]`).waitFor();
    assert.deepEqual(fetched(requests), ['nl']);
  });
}

export async function theFirstScreenWaitsWithALoadingMessage() {
  await withApp({ name: 'lang-loading', goto: false, waitForApp: false }, async ({ page, url }) => {
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(LANG_FILE, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(url + '?lang=nl');
    const loading = page.locator('#biodpia [data-testid="loading"]');
    await loading.waitFor();
    assert.equal(await loading.getAttribute('role'), 'status');
    assert.equal(await loading.getAttribute('aria-busy'), 'true');
    assert.equal(await loading.getAttribute('lang'), 'nl');
    assert.match(await loading.innerText(), /wordt geladen/);
    release();
    await page.locator(`${APP_SELECTOR}[lang="nl"]`).waitFor();
    assert.equal(await loading.count(), 0);
  });
}

/** Saves an answer in English, then opens the page again with `?lang=nl` and Dutch failing. */
async function startFails(name, fail, reason) {
  await withApp(
    { name, allowFailedRequests: [/lang-nl-/], allowConsoleErrors: [/lang-nl-|Failed to load resource/] },
    async ({ page, url }) => {
      await answerOne(page);
      const before = await storage(page);
      await page.route(/\/lang-nl-[0-9a-f]{12}\.json$/, fail);
      await page.goto(url + '?lang=nl');
      await page.locator(APP_SELECTOR).waitFor();
      await problem(page).waitFor();
      assert.equal(await page.locator(APP_SELECTOR).getAttribute('lang'), 'en', 'falls back to English');
      const text = await problem(page).innerText();
      assert.match(text, /Nederlands/);
      assert.match(text, reason);
      assert.match(text, /in English/);
      assert.equal(await problem(page).getAttribute('role'), 'alert');
      assert.equal(await page.locator(`${APP_SELECTOR} input:checked`).count(), 1, 'the saved answer is there');
      assert.deepEqual(await storage(page), before, 'storage unchanged');
      assert.equal(await page.locator(`${APP_SELECTOR} [data-testid="lang"]`).inputValue(), 'en');
      await problem(page).locator('button').click();
      assert.equal(await problem(page).count(), 0, 'dismissed');
    },
  );
}

export async function aMissingLanguageFileFallsBackToEnglish() {
  await startFails('lang-404', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' }), /server answered 404/);
}

export async function anUnreachableLanguageFileFallsBackToEnglish() {
  await startFails('lang-network', (route) => route.abort('connectionrefused'), /could not be reached/);
}

export async function aTruncatedLanguageFileFallsBackToEnglish() {
  await startFails(
    'lang-truncated',
    async (route) => {
      const body = await (await route.fetch()).text();
      await route.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, body.length / 2) });
    },
    /damaged/,
  );
}

/** The real file with one change, served for a switch to Dutch. */
async function switchRefused(name, change, reason) {
  await withApp({ name }, async ({ page }) => {
    await answerOne(page);
    const before = await storage(page);
    await page.route(/\/lang-nl-[0-9a-f]{12}\.json$/, async (route) => {
      const file = await (await route.fetch()).json();
      change(file);
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(file) });
    });
    await page.locator(`${APP_SELECTOR} [data-testid="lang"]`).selectOption('nl');
    await problem(page).waitFor();
    const text = await problem(page).innerText();
    assert.match(text, /Nederlands/);
    assert.match(text, reason);
    assert.equal(await page.locator(APP_SELECTOR).getAttribute('lang'), 'en', 'stays in English');
    assert.equal(await page.locator(`${APP_SELECTOR} [data-testid="lang"]`).inputValue(), 'en', 'the menu says English');
    assert.equal(await page.locator(`${APP_SELECTOR} input:checked`).count(), 1, 'answer kept');
    assert.deepEqual(await storage(page), before, 'storage unchanged');
    // The next try, with the real file, works (a refused file is not kept).
    await page.unroute(/\/lang-nl-[0-9a-f]{12}\.json$/);
    await page.locator(`${APP_SELECTOR} [data-testid="lang"]`).selectOption('nl');
    await page.locator(`${APP_SELECTOR}[lang="nl"]`).waitFor();
    assert.equal(await problem(page).count(), 0, 'the message goes once the language is there');
  });
}

export async function aLanguageFileOfAnotherBuildIsRefusedOnSwitch() {
  await switchRefused('lang-schema', (f) => (f.schema = '0000000000000000'), /another version/);
}

export async function aLanguageFileWithTooFewTextsIsRefusedOnSwitch() {
  await switchRefused('lang-counts', (f) => f.texts.pop(), /another version/);
}

export async function whenEvenEnglishFailsTheWidgetSaysSo() {
  await withApp(
    {
      name: 'lang-none',
      goto: false,
      waitForApp: false,
      allowFailedRequests: [/lang-/],
      allowConsoleErrors: [/lang-|Failed to load resource/],
    },
    async ({ page, url }) => {
      await page.route(LANG_FILE, (route) => route.fulfill({ status: 404, body: '' }));
      await page.goto(url + '?lang=nl');
      const box = page.locator('#biodpia [data-testid="unavailable"]');
      await box.waitFor();
      assert.equal(await box.getAttribute('role'), 'alert');
      assert.match(await box.innerText(), /kon zijn teksten niet laden/);
      assert.deepEqual(await storage(page), {}, 'nothing written');
    },
  );
}

/**
 * The language file is requested while the wasm is still on its way (web/boot.js starts it and
 * src/i18n/fetch.rs takes that download): with the wasm held back, the request for the language
 * file comes first, and it is the only one.
 */
async function languageBeforeWasm(path, code) {
  await withApp({ name: `lang-prefetch-${code}`, goto: false, waitForApp: false, csp: STRICT_CSP }, async ({ page, url, requests }) => {
    const events = [];
    page.on('request', (r) => LANG_FILE.test(new URL(r.url()).pathname) && events.push(`lang ${r.url().match(LANG_FILE)[1]}`));
    await page.route(/_bg\.wasm$/, async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      events.push('wasm released');
      await route.continue();
    });
    await page.goto(url + path);
    await page.locator(`${APP_SELECTOR}[lang="${code}"]`).waitFor();
    assert.deepEqual(events, [`lang ${code}`, 'wasm released']);
    assert.deepEqual(fetched(requests), [code], 'one request for the language file');
  });
}

export const theLanguageFileIsRequestedBeforeTheWasmArrives = () => languageBeforeWasm('', 'en');
export const theDutchFileIsRequestedBeforeTheWasmArrives = () => languageBeforeWasm('?lang=nl', 'nl');
