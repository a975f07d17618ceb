// Run by tests/third-language.sh against a build of questions/ plus one folder,
// locales/qps-ploc/ (scripts/pseudo-locale.py: the English texts wrapped in ⟦ ⟧). Adding a
// language is adding its folder: the build lists it, writes and copies its file, and the
// widget starts in it, fetching that file only, and runs the wizard in it to the verdict.
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_SELECTOR, assert, completeWizard, DIST, STRICT_CSP, withApp } from './lib.mjs';

const CODE = 'qps-ploc';
const LANG_FILE = /\/lang-([A-Za-z-]+)-[0-9a-f]{12}\.json$/;
const fetched = (requests) => requests.urls.map((u) => new URL(u).pathname.match(LANG_FILE)?.[1]).filter(Boolean);

export async function theBuildHasAFileForTheThirdLanguage() {
  const manifest = JSON.parse(await fs.readFile(path.join(DIST, 'manifest.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest.languages).sort(), ['en', 'nl', CODE].sort());
  const file = JSON.parse(await fs.readFile(path.join(DIST, manifest.languages[CODE].file), 'utf8'));
  assert.equal(file.lang, CODE);
  assert.ok(file.texts.every((t) => t.startsWith('⟦')), 'every bank text is the pseudo-language');
}

export async function theWizardRunsInTheThirdLanguage() {
  await withApp({ name: 'third-language', csp: STRICT_CSP, path: `/?lang=${CODE}` }, async ({ page, requests }) => {
    const app = page.locator(`${APP_SELECTOR}[lang="${CODE}"]`);
    await app.waitFor();
    assert.deepEqual(fetched(requests), [CODE], 'only the start language is fetched');
    assert.match(await page.locator(`${APP_SELECTOR} h1`).first().innerText(), /^⟦.+⟧$/);
    assert.match(await page.locator(`${APP_SELECTOR} fieldset legend`).first().innerText(), /⟦/);
    // The language menu lists it by its own name.
    const option = page.locator(`${APP_SELECTOR} [data-testid="lang"] option[value="${CODE}"]`);
    assert.equal(await option.innerText(), 'Pseudo ⟦test⟧');
    await completeWizard(page, { q_image_source: 'internet_scraped' });
    const verdict = await page.locator(`${APP_SELECTOR} [data-testid="verdict"]`).innerText();
    assert.match(verdict, /⟦/, 'the verdict is in the pseudo-language');
    // Switching to Dutch and back keeps the answers; Dutch is fetched once, qps-ploc not again.
    await page.locator(`${APP_SELECTOR} [data-testid="lang"]`).selectOption('nl');
    await page.locator(`${APP_SELECTOR}[lang="nl"] [data-testid="verdict"]`).waitFor();
    await page.locator(`${APP_SELECTOR} [data-testid="lang"]`).selectOption(CODE);
    await page.locator(`${APP_SELECTOR}[lang="${CODE}"] [data-testid="verdict"]`).waitFor();
    assert.equal(await page.locator(`${APP_SELECTOR} [data-testid="verdict"]`).innerText(), verdict);
    assert.deepEqual(fetched(requests), [CODE, 'nl']);
  });
}
