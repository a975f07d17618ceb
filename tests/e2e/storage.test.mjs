// Nothing is ever lost (src/storage.rs, src/ui/manager.rs): unreadable localStorage is kept
// aside and the widget still starts; a reload restores everything; export and import round
// trip; a bad import file is refused with its own message and changes nothing saved; two tabs
// on the same assessment never silently overwrite each other.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { APP_SELECTOR, assert, collectConsole, formatAxe, runAxe, waitForApp, withApp } from './lib.mjs';
import { $, NS, choose, openManager, simulateFullStorage, snapshot } from './storage-lib.mjs';

const ITEM = /^biodpia\/default\/v1\/a\/[a-z0-9-]+$/;


/** Waits until one stored assessment contains `text`; returns its key. */
async function savedKeyContaining(page, text) {
  const handle = await page.waitForFunction(
    ([re, t]) =>
      Object.keys(localStorage).find((k) => new RegExp(re).test(k) && localStorage.getItem(k).includes(t)),
    [ITEM.source, text],
  );
  return handle.jsonValue();
}


/** Goes to the first section with a free-text question; returns the textarea locator. */
async function firstTextarea(page) {
  const items = page.locator($('nav .bd-nav-item:not(.bd-nav-results):not(.bd-nav-summary) button'));
  for (let i = 0; i < (await items.count()); i++) {
    await items.nth(i).click();
    const area = page.locator($('.bd-section textarea')).first();
    if (await area.count()) return area;
  }
  throw new Error('no section with a text question');
}

/** Types into a textarea and waits until the widget has rendered the change (its character
 * counter, so `text` must differ in length from what was there). */
async function typeText(page, area, text) {
  const counter = area.locator('xpath=following-sibling::p[contains(@class, "bd-counter")]');
  const before = await counter.innerText();
  await area.fill(text);
  await page.waitForFunction(
    ([el, b]) => el.innerText !== b,
    [await counter.elementHandle(), before],
  );
}


export async function corruptedStorageIsKeptAsideAndTheWidgetStillStarts() {
  await withApp({ name: 'storage-corrupt' }, async ({ page }) => {
    const { qid, oid } = await choose(page, 1);
    const key = await savedKeyContaining(page, `"${oid}"`);
    const corrupt = `{"format":2,"answers":{"${qid}":{"choice":`;
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, corrupt]);

    await page.reload();
    await waitForApp(page);
    const notice = page.locator($('[data-testid="notice"]'));
    assert.match(await notice.innerText(), /could not be read.*kept aside unchanged/s);
    // The unreadable value is still there, byte for byte, under a kept-aside key, and no
    // longer under the live key (so no save can overwrite it).
    const snap = await snapshot(page);
    const kept = Object.entries(snap).filter(([, v]) => v === corrupt).map(([k]) => k);
    assert.equal(kept.length, 1, `expected one kept-aside copy, found ${JSON.stringify(kept)}`);
    assert.match(kept[0], /^biodpia\/default\/v1\/a\/[a-z0-9-]+\/unreadable-\d+$/);
    assert.equal(snap[key], undefined);
    // The message names where it was kept.
    assert.ok((await page.locator($('[data-testid="alerts"]')).innerText()).includes(kept[0]));

    // The widget works: a new assessment is open and saves.
    const again = await choose(page, 2);
    const newKey = await savedKeyContaining(page, `"${again.oid}"`);
    assert.notEqual(newKey, key);
    assert.equal((await snapshot(page))[kept[0]], corrupt, 'kept-aside copy untouched by later saves');
  });
}

export async function anUnreadableListIsRebuiltWithoutLosingAssessments() {
  await withApp({ name: 'storage-index' }, async ({ page }) => {
    const { oid, id } = await choose(page, 1);
    await savedKeyContaining(page, `"${oid}"`);
    await page.evaluate((k) => localStorage.setItem(k, 'garbage]'), `${NS}index`);
    await page.reload();
    await waitForApp(page);
    assert.match(await page.locator($('[data-testid="alerts"]')).innerText(), /list of your assessments could not be read/);
    assert.ok(await page.locator(id).isChecked(), 'the assessment and its answer survived');
    const snap = await snapshot(page);
    assert.ok(Object.entries(snap).some(([k, v]) => k.startsWith(`${NS}index/unreadable-`) && v === 'garbage]'));
  });
}

export async function reloadRestoresAnswersTitlesAndTheOpenAssessment() {
  await withApp({ name: 'storage-reload' }, async ({ page }) => {
    const first = await choose(page, 1);
    const area = await firstTextarea(page);
    await typeText(page, area, 'Toegang tot het stadskantoor met gezichtsherkenning — “test”.');
    await savedKeyContaining(page, 'stadskantoor');

    // Rename it in the list (inline field, Enter saves).
    await openManager(page);
    await page.locator($('[data-testid="rename"]')).first().click();
    const input = page.locator($('[data-testid="rename-input"]'));
    await input.fill('Stadskantoor A');
    await input.press('Enter');
    await page.locator($('[data-testid="assessment-row"]'), { hasText: 'Stadskantoor A' }).waitFor();
    await savedKeyContaining(page, 'Stadskantoor A');

    // A second assessment, opened last.
    await page.locator($('[data-testid="new"]')).click();
    const second = await choose(page, 2);
    await savedKeyContaining(page, `"${second.oid}"`);

    await page.reload();
    await waitForApp(page);
    assert.ok(await page.locator(second.id).isChecked(), 'the assessment opened last is open again');
    await openManager(page);
    const rows = page.locator($('[data-testid="assessment-row"]'));
    assert.equal(await rows.count(), 2);
    const row = rows.filter({ hasText: 'Stadskantoor A' });
    assert.match(await row.innerText(), /Stadskantoor A/);
    await row.locator('[data-testid="open"]').click();
    assert.ok(await page.locator(first.id).isChecked(), 'first assessment answers restored');
    const area2 = await firstTextarea(page);
    assert.equal(await area2.inputValue(), 'Toegang tot het stadskantoor met gezichtsherkenning — “test”.');
  });
}

export async function aBurstOfAnswersIsWrittenOnceAndLeavingRightAfterKeepsIt() {
  await withApp({ name: 'storage-burst' }, async ({ page }) => {
    const first = await choose(page, 1);
    await savedKeyContaining(page, `"${first.oid}"`);
    // The page's timers and frames on a clock the test moves (installed before the widget
    // starts, then paused), so that the save delay (src/ui/persistence.rs SAVE_DELAY_MS =
    // 300) is exact whatever the machine's load.
    await page.clock.install();
    await page.reload();
    await waitForApp(page);
    await page.clock.pauseAt(new Date(Date.now() + 60_000));
    await page.evaluate((re) => {
      window.__writes = [];
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (new RegExp(re).test(k)) window.__writes.push(JSON.parse(v).answers);
        return setItem.call(this, k, v);
      };
    }, ITEM.source);
    const radios = page.locator($(`#bd-q-${first.qid} input[type=radio]`));
    const value = (n) => radios.nth(n).getAttribute('value');
    const writes = () => page.evaluate(() => window.__writes);
    // Five answers, each painted (a frame), 30 ms apart: nothing is written meanwhile.
    for (const n of [2, 1, 2, 1, 2]) {
      await radios.nth(n).evaluate((r) => r.click());
      await page.clock.runFor(30);
    }
    assert.deepEqual(await writes(), [], 'nothing written while the answers come');
    // Once the delay has passed: written once, with the last answer.
    await page.clock.runFor(400);
    const after = await writes();
    assert.equal(after.length, 1, `one write for the burst: ${JSON.stringify(after)}`);
    assert.deepEqual(after[0][first.qid], { choice: await value(2) });
    // An answer, then leaving at once (a reload): the waiting change is written on the way out.
    await radios.nth(1).evaluate((r) => r.click());
    await page.clock.runFor(20);
    assert.equal((await writes()).length, 1, 'not yet written');
    await page.reload();
    await waitForApp(page);
    assert.ok(await page.locator(`#bd-${first.qid}-${await value(1)}`).isChecked(), 'the answer given just before leaving is kept');
  });
}

export async function deleteAsksFirstAndCanBeUndone() {
  await withApp({ name: 'storage-delete' }, async ({ page }) => {
    await choose(page, 1);
    await openManager(page);
    await page.locator($('[data-testid="duplicate"]')).first().click();
    const rows = page.locator($('[data-testid="assessment-row"]'));
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, $('[data-testid="assessment-row"]'));
    const copy = rows.filter({ hasText: 'Copy of' });
    const before = await snapshot(page);

    // Cancel changes nothing.
    await copy.locator('[data-testid="delete"]').click();
    const dialog = page.locator($('[data-testid="confirm-delete"]'));
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.innerText(), /Copy of/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(await snapshot(page), before);
    assert.equal(await rows.count(), 2);

    // Delete, then Undo restores it exactly.
    await copy.locator('[data-testid="delete"]').click();
    await dialog.locator('[data-testid="confirm-delete-button"]').click();
    await page.locator($('[data-testid="undo"]')).waitFor();
    assert.equal(await rows.count(), 1);
    assert.ok(await page.locator($('[data-testid="undo-button"]')).evaluate((b) => b === document.activeElement));
    await page.locator($('[data-testid="undo-button"]')).click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, $('[data-testid="assessment-row"]'));
    assert.deepEqual(await snapshot(page), before, 'undo restores storage byte for byte');
    const status = page.locator($('[data-testid="status"]'));
    // The title is isolated (U+2068 .. U+2069) so that its own direction marks stay inside it.
    await status.getByText('“\u2068Copy of Untitled assessment\u2069” is back.').waitFor();
    assert.ok(await status.locator('button').evaluate((b) => b === document.activeElement), 'focus stays in the message');
  });
}

export async function exportThenImportRoundTrips() {
  await withApp({ name: 'storage-export' }, async ({ page }) => {
    const { oid, id } = await choose(page, 1);
    const area = await firstTextarea(page);
    const long = 'Lange toelichting met ĳ, é en 🙂. '.repeat(30).trim();
    await typeText(page, area, long);
    await savedKeyContaining(page, 'toelichting');
    await openManager(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator($('[data-testid="export"]')).first().click(),
    ]);
    assert.match(download.suggestedFilename(), /^biodpia-assessment-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const exported = JSON.parse(await fs.readFile(file, 'utf8'));
    assert.equal(exported.format, 6);
    assert.ok(exported.bank_version, 'bank version exported');
    assert.match(exported.id, /^[a-z0-9-]{1,40}$/, 'the assessment id is exported');
    assert.ok(Object.values(exported.answers).some((a) => a.choice === oid));
    assert.ok(Object.values(exported.answers).some((a) => a.text === long));

    await page.locator($('[data-testid="import"]')).setInputFiles(file);
    // The file is of the assessment in this browser: a merge is offered; a separate copy is
    // what this test imports.
    await page.locator($('[data-testid="merge-offer"] [data-testid="import-copy"]')).click();
    const status = page.locator($('[data-testid="status"]'));
    await status.getByText('was imported as a separate copy, with an identity of its own').waitFor();
    assert.equal(await page.locator($('[data-testid="assessment-row"]')).count(), 2);
    await page.locator($('[data-testid="open-imported"]')).click();
    assert.ok(await page.locator(id).isChecked(), 'imported answers shown');

    // The imported copy exports to the same content, with an assessment id of its own (files
    // of the original are never merged into it); it also records what it received (the base
    // of a later merge).
    await openManager(page);
    const row = page.locator($('[data-testid="assessment-row"][aria-current="true"]'));
    const [again] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="export"]').click()]);
    const { review: review2, id: copyId, ...copy } = JSON.parse(await fs.readFile(await again.path(), 'utf8'));
    const { review: review1, id: originalId, ...original } = exported;
    assert.deepEqual(copy, original);
    assert.match(copyId, /^[a-z0-9-]{1,40}$/);
    assert.notEqual(copyId, originalId, 'the copy has an identity of its own');
    assert.deepEqual(review2.comments, review1.comments);
    assert.deepEqual(Object.keys(review1.base), []);
    assert.ok(Object.keys(review2.base).some((k) => k.startsWith('answers.')), 'base of the copy');
  });
}

export async function badImportFilesAreRefusedAndChangeNothing() {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'biodpia-import-'));
  const big = path.join(tmp, 'junk.json');
  const handle = await fs.open(big, 'w');
  await handle.truncate(50 * 1024 * 1024);
  await handle.close();
  try {
    await withApp({ name: 'storage-bad-import' }, async ({ page }) => {
      const { oid } = await choose(page, 1);
      const key = await savedKeyContaining(page, `"${oid}"`);
      const bankVersion = JSON.parse((await snapshot(page))[key]).bank_version;
      await openManager(page);
      const before = await snapshot(page);
      const alerts = page.locator($('[data-testid="alerts"]'));
      const input = page.locator($('[data-testid="import"]'));
      const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const cases = [
        [file('notes.json', 'Dit is geen JSON.'), /not JSON \(the problem is at line 1/],
        [file('other.json', '{"name":"another tool","items":[1,2]}'), /not an assessment exported from this tool/],
        [
          file('edited.json', JSON.stringify({ format: 2, bank_version: bankVersion, answers: { q_not_in_bank: { choice: 'yes' } } })),
          new RegExp(`question bank version ${bankVersion.replace(/\./g, '\\.')} does not contain: \u2068q_not_in_bank\u2069`),
        ],
        [
          file('shape.json', JSON.stringify({ format: 2, signoff: { review_date: 2027 } })),
          /field “\u2068signoff\.review_date\u2069” has a value of the wrong kind\. The problem is at line 1/,
        ],
        [file('twice.json', '{"format": 2, "title": "a", "title": "b"}'), /field “\u2068title\u2069” appears more than once/],
        [file('newer.json', JSON.stringify({ format: 99, answers: {} })), /newer version of this tool \(file format 99/],
        [big, /too large \(50\.0 MB\)/],
      ];
      for (const [f, expected] of cases) {
        await input.setInputFiles(f);
        await alerts.getByText(expected).waitFor();
        assert.match(await alerts.innerText(), /Nothing was imported/);
        assert.deepEqual(await snapshot(page), before, `localStorage changed by ${f.name ?? f}`);
        assert.equal(await page.locator($('[data-testid="assessment-row"]')).count(), 1);
      }
    });
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

export async function aChangeWaitingToBeSavedIsNotWrittenOverAnotherTabsWrite() {
  await withApp({ name: 'storage-pending-conflict' }, async ({ page: a, context, url }) => {
    const area = await firstTextarea(a);
    await typeText(a, area, 'Version A1');
    const key = await savedKeyContaining(a, 'Version A1');
    // Tab A on a clock the test moves, so that its change is still waiting to be saved
    // (SAVE_DELAY_MS) when the other tab writes.
    await a.clock.install();
    await a.reload();
    await waitForApp(a);
    await a.clock.pauseAt(new Date(Date.now() + 60_000));
    const areaA = await firstTextarea(a);
    await areaA.fill('Version A2, waiting to be saved');
    await a.clock.runFor(20);
    // Another tab writes the same assessment meanwhile.
    const b = await context.newPage();
    await b.goto(url);
    await waitForApp(b);
    await b.evaluate((k) => {
      const v = JSON.parse(localStorage.getItem(k));
      v.title = 'Written by tab B';
      localStorage.setItem(k, JSON.stringify(v));
    }, key);
    await a.locator($('[data-testid="conflict"]')).waitFor();
    // A's waiting save comes due: it is not written over B's version.
    await a.clock.runFor(1000);
    const stored = await a.evaluate((k) => localStorage.getItem(k), key);
    assert.match(stored, /Written by tab B/);
    assert.doesNotMatch(stored, /Version A2, waiting to be saved/);
    // A chooses to keep its own version: now it is written.
    await a.locator($('[data-testid="conflict-keep"]')).click();
    await a.waitForFunction((k) => localStorage.getItem(k).includes('Version A2, waiting to be saved'), key);
  });
}

export async function twoTabsOnOneAssessmentNeverOverwriteSilently() {
  await withApp({ name: 'storage-two-tabs' }, async ({ page: a, context, url }) => {
    const area = await firstTextarea(a);
    await typeText(a, area, 'Version A1');
    const key = await savedKeyContaining(a, 'Version A1');

    const b = await context.newPage();
    const bConsole = await collectConsole(b);
    await b.goto(url);
    await waitForApp(b);
    const areaB = await firstTextarea(b);
    assert.equal(await areaB.inputValue(), 'Version A1', 'page B opened the same assessment');
    assert.equal(await b.locator($('[data-testid="conflict"]')).count(), 0);

    // A changes it: B is warned...
    await typeText(a, area, 'Version A2, longer');
    await savedKeyContaining(a, 'Version A2, longer');
    await b.locator($('[data-testid="conflict"]')).waitFor();
    assert.match(await b.locator($('[data-testid="alerts"]')).innerText(), /changed in another tab/);
    // ...and B's own change is not saved over A's.
    await typeText(b, areaB, 'Version B1 from the other tab');
    const stored = () => a.evaluate((k) => localStorage.getItem(k), key);
    assert.match(await stored(), /Version A2, longer/);
    assert.doesNotMatch(await stored(), /Version B1 from the other tab/);

    // B loads the other tab's version.
    await b.locator($('[data-testid="conflict-load"]')).click();
    await b.locator($('[data-testid="conflict"]')).waitFor({ state: 'detached' });
    assert.equal(await (await firstTextarea(b)).inputValue(), 'Version A2, longer');

    // Now B writes; A is warned and keeps its own version, which is saved; B is warned in turn.
    await typeText(b, await firstTextarea(b), 'Version B2 again from tab B, longest');
    await savedKeyContaining(b, 'Version B2 again from tab B, longest');
    await a.locator($('[data-testid="conflict"]')).waitFor();
    await a.locator($('[data-testid="conflict-keep"]')).click();
    await a.locator($('[data-testid="conflict"]')).waitFor({ state: 'detached' });
    assert.match(await stored(), /Version A2, longer/);
    await b.locator($('[data-testid="conflict"]')).waitFor();
    bConsole.assertNoErrors();
    await bConsole.assertNoCspViolations();
  });
}


export async function fullStorageIsReportedWithAnExportAndNothingIsHalfWritten() {
  await withApp({ name: 'storage-quota', goto: false, waitForApp: false }, async ({ page, url }) => {
    await page.addInitScript(simulateFullStorage);
    await page.goto(url);
    await waitForApp(page);
    const first = await choose(page, 1);
    await savedKeyContaining(page, `"${first.oid}"`);
    await page.evaluate(() => (window.__storageFull = true));
    const before = await snapshot(page);

    // A change that cannot be saved: the user is told and offered an export of it.
    const second = await choose(page, 2);
    const notice = page.locator($('[data-testid="notice"]'));
    await notice.getByText(/storage is full/).waitFor();
    assert.deepEqual(await snapshot(page), before, 'the stored copy is as it was');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.locator('[data-testid="export-current"]').click(),
    ]);
    const exported = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
    assert.equal(exported.answers[second.qid].choice, second.oid, 'the export holds the unsaved change');

    // Nothing else can half-write either: new, duplicate, import are refused as a whole.
    await openManager(page);
    const alerts = page.locator($('[data-testid="alerts"]'));
    for (const action of ['new', 'duplicate']) {
      await page.locator($(`[data-testid="${action}"]`)).first().click();
      await alerts.getByText(/storage is full, so this was not done/).waitFor();
      assert.deepEqual(await snapshot(page), before, `${action} changed storage`);
      await alerts.getByRole('button', { name: 'Dismiss' }).click();
    }
    // The file is of the open assessment (a merge is offered: it holds nothing the open one
    // lacks); imported as a copy, it is not written either.
    const offered = async (choice, expected) => {
      await page.locator($('[data-testid="import"]')).setInputFiles(await download.path());
      await page.locator($(`[data-testid="merge-offer"] [data-testid="${choice}"]`)).click();
      await alerts.getByText(expected).waitFor();
      assert.deepEqual(await snapshot(page), before, `${choice} changed storage`);
    };
    await offered('merge', /Everything in this file is already in/);
    await offered('import-copy', /storage is full, so this was not done/);
    assert.equal(await page.locator($('[data-testid="assessment-row"]')).count(), 1);

    // Once there is room again, the next change is saved and the notice goes.
    await page.evaluate(() => (window.__storageFull = false));
    await page.locator($('[data-testid="open"]')).first().click();
    const third = await choose(page, 3);
    await savedKeyContaining(page, `"${third.oid}"`);
    await notice.waitFor({ state: 'detached' });
  });
}

export async function answersNoLongerAskedAreKeptAndShown() {
  await withApp({ name: 'storage-retired' }, async ({ page }) => {
    const { qid, oid, id } = await choose(page, 1);
    await openManager(page);
    const old = {
      format: 1,
      title: 'Made under an old question bank',
      bank_version: '2020.1.0',
      answers: {
        [qid]: { choice: oid },
        q_withdrawn_question: { text: 'An answer to a question that was removed.' },
        [`${qid}_old_multi`]: { multi: ['a', 'b'] },
      },
    };
    await page.locator($('[data-testid="import"]')).setInputFiles({
      name: 'old.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(old)),
    });
    const status = page.locator($('[data-testid="status"]'));
    await status.getByText(/2 answers to questions that are no longer asked in this form were kept/).waitFor();
    assert.match(await status.innerText(), /question bank version \u20682020\.1\.0\u2069/);
    await page.locator($('[data-testid="open-imported"]')).click();
    assert.ok(await page.locator(id).isChecked(), 'the answer the bank still asks is an answer');
    await page.locator($('[data-testid="nav-results"]')).click();
    const retired = page.locator($('[data-testid="no-longer-asked"]'));
    await retired.waitFor();
    const text = await retired.innerText();
    assert.match(text, /q_withdrawn_question/);
    assert.match(text, /An answer to a question that was removed\./);
    assert.match(text, /a, b/);
    assert.match(text, /2020\.1\.0/);
    // And they travel with the export.
    await openManager(page);
    const row = page.locator($('[data-testid="assessment-row"][aria-current="true"]'));
    assert.match(await row.innerText(), /2 answers no longer asked/);
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="export"]').click()]);
    const exported = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
    assert.deepEqual(exported.retired.map((r) => r.question).sort(), [`${qid}_old_multi`, 'q_withdrawn_question']);
  });
}

export async function listDialogMessagesAndWarningPassAxe() {
  await withApp({ name: 'storage-axe' }, async ({ page, context, url }) => {
    const axeClean = async (where) => {
      const v = await runAxe(page);
      assert.equal(v.length, 0, `${where}: ${formatAxe(v)}`);
    };
    const { oid } = await choose(page, 1);
    const key = await savedKeyContaining(page, `"${oid}"`);
    await openManager(page);
    await page.locator($('[data-testid="duplicate"]')).first().click();
    await page.locator($('[data-testid="status"]')).getByText('was created as a copy').waitFor();
    await page.locator($('[data-testid="rename"]')).first().click();
    await axeClean('list with a message and the rename field');
    await page.locator($('[data-testid="rename-input"]')).press('Escape');
    await page.locator($('[data-testid="import"]')).setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[]') });
    await page.locator($('[data-testid="alerts"]')).getByText('not an assessment').waitFor();
    await axeClean('list with an import error');
    await page.locator($('[data-testid="delete"]')).first().click();
    await page.locator($('[data-testid="confirm-delete"]')).waitFor({ state: 'visible' });
    await axeClean('delete dialog');
    await page.keyboard.press('Escape');
    // Another tab writes this assessment.
    const b = await context.newPage();
    await b.goto(url);
    await waitForApp(b);
    await b.evaluate((k) => {
      const a = JSON.parse(localStorage.getItem(k));
      a.title = 'Changed elsewhere';
      localStorage.setItem(k, JSON.stringify(a));
    }, key);
    await page.locator($('[data-testid="conflict"]')).waitFor();
    await axeClean('two-tab warning');
    await page.locator($('[data-testid="lang"]')).selectOption('nl');
    await page.locator(`${APP_SELECTOR}[lang="nl"]`).waitFor();
    assert.match(await page.locator($('[data-testid="conflict"]')).innerText(), /in een ander tabblad of venster gewijzigd/);
    await axeClean('two-tab warning (nl)');
  });
}
