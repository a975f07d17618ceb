// Issue 14, item 6: what a hostile-input probe found, each in the browser where the DOM or
// localStorage matters (the logic's own tests are native: tests/storage.rs, tests/import.rs,
// tests/codec.rs). A 1 MB imported title, a million-character free-text answer, an
// unterminated U+202E in a title, a lone surrogate in unreadable stored data, a rename while
// storage is full, an Undo after another tab saved the assessment again.
import { assert, printToText, waitForApp, withApp } from './lib.mjs';
import { $, NS, openManager, simulateFullStorage, snapshot } from './storage-lib.mjs';



/** localStorage's size in UTF-16 units (keys and values, as browsers count the quota). */
const storageUnits = (page) =>
  page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));


/** The bank version and the id of the first free-text question, from what the widget saved. */
async function bankInfo(page) {
  const key = await page.waitForFunction(
    (ns) => Object.keys(localStorage).find((k) => k.startsWith(`${ns}a/`)),
    NS,
  );
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), await key.jsonValue()));
  return { bankVersion: stored.bank_version };
}

/** Goes to the first section with a free-text question; returns its question id. */
async function firstTextQuestion(page) {
  const items = page.locator($('nav .bd-nav-item:not(.bd-nav-results):not(.bd-nav-summary) button'));
  for (let i = 0; i < (await items.count()); i++) {
    await items.nth(i).click();
    const area = page.locator($('.bd-section textarea')).first();
    if (await area.count()) return { id: (await area.getAttribute('id')).replace(/^bd-/, ''), area };
  }
  throw new Error('no section with a text question');
}

const jsonFile = (name, value) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

/** Imports `file` in the list and returns the milliseconds until the widget said so. */
async function importFile(page, file, expected) {
  const start = Date.now();
  await page.locator($('[data-testid="import"]')).setInputFiles(file);
  await page.locator($('[data-testid="status"]')).getByText(expected).waitFor({ timeout: 60_000 });
  return Date.now() - start;
}

export async function aHugeImportedTitleIsShortenedNamedAndStorageStaysStable() {
  await withApp({ name: 'hostile-title' }, async ({ page }) => {
    const { bankVersion } = await bankInfo(page);
    await openManager(page);
    const title = 'T'.repeat(1_000_000);
    const ms = await importFile(page, jsonFile('huge.json', { format: 3, bank_version: bankVersion, title }), 'was imported');
    const status = await page.locator($('[data-testid="status"]')).innerText();
    assert.match(status, /shortened: “\u2068title\u2069” \(1000000 characters; at most 200\)/, status.slice(0, 400));
    assert.ok(status.length < 2_000, `the message shows the shortened title, not 1 MB (${status.length} characters)`);
    assert.ok(ms < 10_000, `import took ${ms} ms`);
    const rows = page.locator($('[data-testid="assessment-row"] .bd-list-title'));
    assert.equal(await rows.count(), 2);
    const shown = await rows.allInnerTexts();
    assert.ok(shown.some((t) => t === 'T'.repeat(200)), 'the list shows the title as shortened');
    // Reloading again and again: no unreadable list, nothing kept aside, storage the same size.
    const units = await storageUnits(page);
    assert.ok(units < 30_000, `${units} units stored`);
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.locator($('[data-testid="alerts"] [data-testid="message"]')).count(), 0);
      assert.equal(await storageUnits(page), units, `reload ${i + 1} changed storage`);
    }
    assert.ok(!Object.keys(await snapshot(page)).some((k) => k.includes('unreadable')));
    console.log(`      1 MB title: imported in ${ms} ms, ${units} UTF-16 units stored, stable over 3 reloads`);
  });
}

export async function aMillionCharacterImportedAnswerCostsNoMoreToShowThanTypedText() {
  await withApp({ name: 'hostile-text' }, async ({ page }) => {
    const { bankVersion } = await bankInfo(page);
    const q = await firstTextQuestion(page);
    const max = Number(await q.area.getAttribute('maxlength'));
    await openManager(page);
    const run = 'x'.repeat(1_000_000);
    const file = jsonFile('long.json', {
      format: 3,
      bank_version: bankVersion,
      title: 'Long run',
      answers: { [q.id]: { text: run } },
      signoff: { dpo_advice: run },
    });
    const importMs = await importFile(page, file, 'was imported');
    const status = await page.locator($('[data-testid="status"]')).innerText();
    assert.match(status, new RegExp(`answers\\.${q.id}`), 'the shortened answer is named');
    assert.match(status, /signoff\.dpo_advice/, 'the shortened advice is named');
    await page.locator($('[data-testid="open-imported"]')).click();

    // The summary: the answer as long as the form allows, laid out within the page width.
    const start = Date.now();
    await page.locator($('[data-testid="nav-summary"]')).click();
    const summary = page.locator($('[data-testid="summary"]'));
    await summary.waitFor();
    // Laid out and painted (the next frame after it is in the DOM).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const summaryMs = Date.now() - start;
    assert.ok((await summary.textContent()).includes('x'.repeat(max)), 'the shortened answer is in the summary');
    const widths = await page.evaluate(() => ({
      page: document.documentElement.clientWidth,
      scroll: document.documentElement.scrollWidth,
    }));
    assert.ok(widths.scroll <= widths.page, `no horizontal overflow (${JSON.stringify(widths)})`);
    const longest = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('[data-testid="summary"] *')].map((e) => (e.childElementCount ? 0 : e.textContent.length))),
    );
    assert.ok(longest <= Math.max(max, 10_000), `longest text shown: ${longest} characters`);

    // Printing it (the print copy and the PDF) stays bounded too.
    const printStart = Date.now();
    const { text } = await printToText(page);
    const printMs = Date.now() - printStart;
    assert.ok(text.includes('xxxxxxxxxx'), 'the answer is printed');
    assert.ok(importMs < 10_000, `import took ${importMs} ms`);
    assert.ok(summaryMs < 10_000, `summary took ${summaryMs} ms`);
    assert.ok(printMs < 60_000, `print took ${printMs} ms`);
    console.log(`      1M-character answer: import ${importMs} ms, summary ${summaryMs} ms, print ${printMs} ms (answer shortened to ${max})`);
  });
}

/** True when the characters of `word` (found in the text of `el`, after `after`) are laid out
 * left to right on screen, as an English sentence must be. */
async function readsLeftToRight(locator, word, after = '') {
  return locator.evaluate(
    (el, [w, a]) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const from = n.data.indexOf(a);
        const i = from < 0 ? -1 : n.data.indexOf(w, from + a.length);
        if (i < 0) continue;
        const xs = [...w].map((_, k) => {
          const r = document.createRange();
          r.setStart(n, i + k);
          r.setEnd(n, i + k + 1);
          return r.getBoundingClientRect().left;
        });
        return xs.every((x, k) => k === 0 || x > xs[k - 1]);
      }
      throw new Error(`"${w}" not found`);
    },
    [word, after],
  );
}

export async function anUnterminatedRightToLeftOverrideStaysInsideTheTitle() {
  await withApp({ name: 'hostile-bidi' }, async ({ page }) => {
    const { bankVersion } = await bankInfo(page);
    await openManager(page);
    const title = 'Camera\u202Eabc';
    await importFile(page, jsonFile('rlo.json', { format: 3, bank_version: bankVersion, title }), 'was imported');
    const message = page.locator($('[data-testid="status"] [data-testid="message"] p')).first();
    assert.ok((await message.innerText()).includes(`\u2068${title}\u2069`), 'the title is isolated in the message');
    assert.ok(await readsLeftToRight(message, 'imported', 'abc'), 'the sentence after the title reads left to right');

    // In the list, the title is a <bdi>: its override ends with it.
    const row = page.locator($('[data-testid="assessment-row"]'), { hasText: 'Camera' });
    const cell = row.locator('.bd-list-title');
    assert.equal(await cell.evaluate((e) => e.tagName), 'BDI');
    assert.equal(await cell.evaluate((e) => getComputedStyle(e).unicodeBidi), 'isolate');

    // Renaming to a title with an override: the message reads left to right.
    await row.locator('[data-testid="rename"]').click();
    const input = page.locator($('[data-testid="rename-input"]'));
    await input.fill('Poort\u202Exyz');
    await input.press('Enter');
    const renamed = page.locator($('[data-testid="status"]')).getByText('Renamed to');
    await renamed.waitFor();
    assert.ok((await renamed.innerText()).includes('\u2068Poort\u202Exyz\u2069'), 'isolated');
    // And the sentence after the title, in the delete dialog and the Undo message.
    await page.locator($('[data-testid="assessment-row"]'), { hasText: 'Poort' }).locator('[data-testid="delete"]').click();
    const dialog = page.locator($('[data-testid="confirm-delete"] #bd-dialog-body'));
    await dialog.waitFor();
    assert.ok(await readsLeftToRight(dialog, 'removed', 'xyz'));
    await page.locator($('[data-testid="confirm-delete-button"]')).click();
    const undo = page.locator($('[data-testid="undo"] p'));
    await undo.waitFor();
    assert.ok(await readsLeftToRight(undo, 'deleted', 'xyz'));
  });
}

export async function anUnreadableValueWithALoneSurrogateIsKeptAsideExactly() {
  await withApp({ name: 'hostile-surrogate' }, async ({ page }) => {
    await bankInfo(page);
    // Unreadable (cut off), with a lone surrogate no Rust string can hold.
    const kept = await page.evaluate((ns) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith(`${ns}a/`));
      const value = '{"format":3,"title":"x\uD800 y';
      localStorage.setItem(key, value);
      localStorage.setItem(`${ns}index`, `{"format":1,"current":"\uDC00`);
      return { key, value };
    }, NS);
    await page.reload();
    await waitForApp(page);
    await page.locator($('[data-testid="alerts"]')).getByText('kept aside unchanged').first().waitFor();
    const found = await page.evaluate(
      ([ns, k, v]) => {
        const keys = Object.keys(localStorage);
        const item = keys.filter((x) => x.startsWith(`${k}/unreadable-`));
        const index = keys.filter((x) => x.startsWith(`${ns}index/unreadable-`));
        return {
          item: item.map((x) => localStorage.getItem(x) === v),
          index: index.map((x) => localStorage.getItem(x) === `{"format":1,"current":"\uDC00`),
          live: localStorage.getItem(k),
        };
      },
      [NS, kept.key, kept.value],
    );
    assert.deepEqual(found.item, [true], 'the assessment kept aside unit for unit');
    assert.deepEqual(found.index, [true], 'the list kept aside unit for unit');
    assert.equal(found.live, null, 'and no longer under its key');
  });
}


export async function renamingWhileStorageIsFullSaysItWasNotDone() {
  await withApp({ name: 'hostile-rename-full', goto: false, waitForApp: false }, async ({ page, url }) => {
    await page.addInitScript(simulateFullStorage);
    await page.goto(url);
    await waitForApp(page);
    await bankInfo(page);
    await openManager(page);
    // A second assessment, so that both the open one and a stored one are renamed.
    await page.locator($('[data-testid="new"]')).click();
    await openManager(page);
    await page.locator($('[data-testid="assessment-row"]')).nth(1).waitFor();
    await page.evaluate(() => (window.__storageFull = true));
    const before = await snapshot(page);
    const alerts = page.locator($('[data-testid="alerts"]'));
    for (const n of [0, 1]) {
      const row = page.locator($('[data-testid="assessment-row"]')).nth(n);
      await row.locator('[data-testid="rename"]').click();
      const input = page.locator($('[data-testid="rename-input"]'));
      await input.fill(`Not saved ${n}`);
      await input.press('Enter');
      await alerts.getByText(/storage is full, so this was not done/).waitFor();
      assert.doesNotMatch(await page.locator($('[data-testid="status"]')).innerText(), /Renamed/);
      assert.deepEqual(await snapshot(page), before, 'storage unchanged');
      assert.equal(await page.locator($('[data-testid="assessment-row"]'), { hasText: 'Not saved' }).count(), 0);
      await alerts.getByRole('button', { name: 'Dismiss' }).click();
    }
    // With room again, a rename is saved and said.
    await page.evaluate(() => (window.__storageFull = false));
    await page.locator($('[data-testid="rename"]')).first().click();
    await page.locator($('[data-testid="rename-input"]')).fill('Saved now');
    await page.locator($('[data-testid="rename-input"]')).press('Enter');
    await page.locator($('[data-testid="status"]')).getByText('Renamed to').waitFor();
    assert.ok(Object.values(await snapshot(page)).some((v) => v.includes('"title":"Saved now"')));
  });
}

export async function undoAfterAnotherTabSavedItAgainSaysWhatHappened() {
  await withApp({ name: 'hostile-undo' }, async ({ page: a, context, url }) => {
    const q = await firstTextQuestion(a);
    await q.area.fill('Kept by tab A');
    const key = await (
      await a.waitForFunction(
        (ns) => Object.keys(localStorage).find((k) => k.startsWith(`${ns}a/`) && localStorage.getItem(k).includes('Kept by tab A')),
        NS,
      )
    ).jsonValue();

    const b = await context.newPage();
    await b.goto(url);
    await waitForApp(b);
    await openManager(b);
    // B deletes it...
    await b.locator($('[data-testid="delete"]')).first().click();
    await b.locator($('[data-testid="confirm-delete-button"]')).click();
    await b.locator($('[data-testid="undo"]')).waitFor();
    // ...A, warned, keeps it (saves it again)...
    await a.locator($('[data-testid="conflict-keep"]')).click();
    await a.waitForFunction((k) => localStorage.getItem(k)?.includes('Kept by tab A'), key);
    const stored = await a.evaluate((k) => localStorage.getItem(k), key);
    // ...and B's Undo is refused, and says so.
    await b.locator($('[data-testid="undo-button"]')).click();
    const alerts = b.locator($('[data-testid="alerts"]'));
    await alerts.getByText(/was not restored: it was saved again in another tab/).waitFor();
    assert.doesNotMatch(await b.locator($('[data-testid="status"]')).innerText(), /is back/);
    assert.equal(await a.evaluate((k) => localStorage.getItem(k), key), stored, "A's version is untouched");
    // B's list shows A's version again (beside the one B opened after the deletion).
    await b.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, $('[data-testid="assessment-row"]'));
  });
}
