// Helpers shared by the storage tests (storage.test.mjs, hostile.test.mjs).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { APP_SELECTOR, assert } from './lib.mjs';

export const NS = 'biodpia/default/v1/';
export const $ = (sel) => `${APP_SELECTOR} ${sel}`;

/** Everything in localStorage, as an object. */
export const snapshot = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

export async function openManager(page) {
  await page.locator($('[data-testid="nav-assessments"]')).click();
  await page.locator($('[data-testid="manager"]')).waitFor();
}

/** Makes localStorage.setItem throw QuotaExceededError while `window.__storageFull` is set
 * (for `page.addInitScript`). */
export function simulateFullStorage() {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
}

/** Chooses option `n` of the first single-choice question of the open section. */
export async function choose(page, n) {
  const fs_ = page.locator($('fieldset.bd-q')).filter({ has: page.locator('input[type=radio]') }).first();
  const qid = (await fs_.getAttribute('id')).replace(/^bd-q-/, '');
  const input = fs_.locator('input[type=radio]').nth(n);
  const oid = await input.getAttribute('value');
  await fs_.locator(`label[for="${await input.getAttribute('id')}"]`).click();
  assert.ok(await input.isChecked());
  return { qid, oid, id: `#bd-${qid}-${oid}` };
}

/** The stored assessments (not the index) as JSON, once `ready` holds of them (autosave
 * writes a change SAVE_DELAY_MS after it is painted); after 5 s, as they are. */
export async function storedItems(page, ready = () => true) {
  for (let i = 0; ; i++) {
    const items = Object.entries(await snapshot(page))
      .filter(([k]) => /\/a\/[^/]+$/.test(k))
      .map(([, v]) => JSON.parse(v));
    if (ready(items) || i >= 50) return items;
    await page.waitForTimeout(100);
  }
}

/** Exports the open assessment from the list; returns the file's path (kept after its browser
 * context closes) and its JSON. */
export async function exportOpen(page) {
  await openManager(page);
  const row = page.locator($('[data-testid="assessment-row"][aria-current="true"]'));
  const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="export"]').click()]);
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'biodpia-export-')), download.suggestedFilename());
  await download.saveAs(file);
  return { file, json: JSON.parse(await fs.readFile(file, 'utf8')) };
}
