// Accessibility (WCAG 2.1 AA): axe-core finds no violation on the wizard, results and
// summary in English and Dutch; an assessment can be completed with the keyboard alone;
// at 200% zoom (a 640 px wide viewport) nothing needs horizontal scrolling.
import { APP_SELECTOR, assert, formatAxe, runAxe, withApp } from './lib.mjs';

async function axeClean(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${where}: ${formatAxe(violations)}`);
}

async function axeRun(lang) {
    await withApp({ name: `axe-${lang}` }, async ({ page }) => {
      await page.locator(`${APP_SELECTOR} [data-testid="lang"]`).selectOption(lang);
      await page.locator(`${APP_SELECTOR}[lang="${lang}"]`).waitFor();
      // An answer that shows the "why this matters" box, a red line and a find-out note.
      await page.locator('label[for="bd-q_identification_mode-unsure"]').click();
      await page.locator('label[for="bd-q_large_scale-unsure"]').click();
      await axeClean(page, `wizard (${lang})`);
      await page.locator(`${APP_SELECTOR} nav .bd-nav-item button`).nth(1).click();
      await page.locator('label[for="bd-q_image_source-internet_scraped"]').click();
      // A table question with a row (labelled cells, remove button, counter).
      await page.locator(`${APP_SELECTOR} #bd-q-q_parties [data-testid="table-add"]`).click();
      await page.locator('#bd-q_parties-0-name').fill('Acme BV');
      await page.locator('#bd-q_parties-0-role').selectOption('processor');
      await axeClean(page, `wizard section 2 (${lang})`);
      await page.locator(`${APP_SELECTOR} [data-testid="nav-results"]`).click();
      await page.locator(`${APP_SELECTOR} [data-testid="verdict"]`).waitFor();
      await axeClean(page, `results (${lang})`);
      await page.locator(`${APP_SELECTOR} [data-testid="nav-summary"]`).click();
      await page.locator(`${APP_SELECTOR} [data-testid="summary"]`).waitFor();
      await axeClean(page, `summary (${lang})`);
      await page.locator(`${APP_SELECTOR} [data-testid="nav-assessments"]`).click();
      await page.locator(`${APP_SELECTOR} [data-testid="manager"]`).waitFor();
      await axeClean(page, `assessments (${lang})`);
    });
}

export const axeFindsNoViolationsInEnglish = () => axeRun('en');
export const axeFindsNoViolationsInDutch = () => axeRun('nl');

/** The focused element, looking into shadow roots. */
function focusInfo() {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return null;
  const fs = el.closest('fieldset');
  const root = el.getRootNode();
  const main = root.querySelector ? root.querySelector('#bd-main') : null;
  const open = main
    ? // Tables may stay empty (tests/e2e/table.test.mjs fills them in with the keyboard).
      [...main.querySelectorAll('fieldset.bd-q:not(.bd-q-table)')].filter((f) => !f.querySelector('input:checked')).length +
      [...main.querySelectorAll('textarea')].filter((t) => t.value === '').length
    : -1;
  return {
    tag: el.tagName,
    type: el.type ?? '',
    testid: el.dataset?.testid ?? '',
    inMain: !!(main && main.contains(el)),
    groupAnswered: fs ? !!fs.querySelector('input:checked') : false,
    empty: el.tagName === 'TEXTAREA' ? el.value === '' : false,
    open,
    verdict: !!(root.querySelector && root.querySelector('[data-testid="verdict"]')),
  };
}

export async function keyboardAloneCompletesAnAssessment() {
  await withApp({ name: 'keyboard' }, async ({ page }) => {
    let presses = 0;
    for (; presses < 4000; presses++) {
      const f = await page.evaluate(focusInfo);
      if (f?.verdict) break;
      if (f && f.inMain) {
        if ((f.type === 'radio' || f.type === 'checkbox') && !f.groupAnswered) {
          await page.keyboard.press('Space');
          continue;
        }
        if (f.tag === 'TEXTAREA' && f.empty) {
          await page.keyboard.type('Typed with the keyboard.');
          continue;
        }
        if (f.testid === 'next' && f.open === 0) {
          await page.keyboard.press('Enter');
          continue;
        }
      }
      await page.keyboard.press('Tab');
    }
    const verdict = page.locator(`${APP_SELECTOR} [data-testid="verdict"]`);
    assert.equal(await verdict.count(), 1, `no verdict after ${presses} key presses`);
    assert.doesNotMatch(await verdict.innerText(), /Provisional/, 'every question answered by keyboard');
    // Focus moved to the results heading, so a screen reader announces it.
    assert.equal(await page.evaluate(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el?.id;
    }), 'bd-results-title');
  });
}

export async function focusIsVisible() {
  await withApp({ name: 'focus' }, async ({ page }) => {
    await page.locator('label[for="bd-q_processing_type-template_matching"]').click();
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
    assert.ok(outline.style !== 'none' && outline.width >= 2, `focus outline: ${JSON.stringify(outline)}`);
  });
}

export async function zoom200PercentNeedsNoHorizontalScroll() {
  await withApp({ name: 'zoom', viewport: { width: 640, height: 900 } }, async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 900 });
    for (const step of ['wizard', 'results']) {
      if (step === 'results') {
        await page.locator(`${APP_SELECTOR} [data-testid="nav-results"]`).click();
        await page.locator(`${APP_SELECTOR} [data-testid="verdict"]`).waitFor();
      }
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client + 1, `${step}: page is ${scroll}px wide in a ${client}px viewport`);
    }
  });
}
