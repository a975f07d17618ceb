// Helpers shared by the storage tests (storage.test.mjs, hostile.test.mjs).
import { APP_SELECTOR } from './lib.mjs';

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
