// Smoke test: the built dist/ loads, Yew renders the app into #biodpia, nothing leaves
// the origin and nothing is logged as an error.
import { APP_SELECTOR, assert, withApp } from './lib.mjs';

export async function appRendersIntoMountPoint() {
  await withApp({ name: 'smoke' }, async ({ page, requests, origin }) => {
    const app = page.locator(APP_SELECTOR);
    assert.equal(await app.count(), 1, 'exactly one [data-testid="app"] inside #biodpia');
    assert.equal(await page.title(), 'biodpia');
    // The page asked its own server for something (html, js, wasm) and nothing else.
    assert.ok(requests.urls.some((u) => u.startsWith(origin)), 'no request reached the server');
    requests.assertNoneLeftOrigin();
  });
}
