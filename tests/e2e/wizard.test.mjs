// The questionnaire end to end, as a new user meets it: answer every section by clicking,
// see the verdict, reload and find the answers restored, switch language without losing
// anything. withApp() also fails the test on any request outside the page's origin.
import { answerSection, APP_SELECTOR, assert, completeWizard, withApp } from './lib.mjs';

export async function completingTheWizardGivesAVerdictThatSurvivesReload() {
  await withApp({ name: 'wizard' }, async ({ page }) => {
    // Scraped images are a red line (AI Act Art. 5(1)(e), AP Clearview 2024).
    await completeWizard(page, { q_image_source: 'internet_scraped' });
    const verdict = page.locator(`${APP_SELECTOR} [data-testid="verdict"]`);
    assert.match(await verdict.innerText(), /Rejected/);
    assert.doesNotMatch(await verdict.innerText(), /Provisional/, 'every question was answered');
    const score = await page.locator(`${APP_SELECTOR} [data-testid="score"] .bd-score-num`).innerText();
    assert.ok(Number(score) >= 75, `a red line scenario scores very high, got ${score}`);
    assert.match(await page.locator(`${APP_SELECTOR} [data-testid="decision-red-lines"]`).innerText(), /scraped|internet/i);

    await page.reload();
    await page.locator(APP_SELECTOR).waitFor();
    await page.locator(`${APP_SELECTOR} [data-testid="nav-results"]`).click();
    assert.match(await page.locator(`${APP_SELECTOR} [data-testid="verdict"]`).innerText(), /Rejected/);
    // The answer itself is restored in the wizard.
    await page.locator(`${APP_SELECTOR} nav .bd-nav-item button`).nth(1).click();
    assert.ok(await page.locator('#bd-q_image_source-internet_scraped').isChecked(), 'scraped answer restored after reload');
  });
}

export async function languageSwitchKeepsTheAnswers() {
  await withApp({ name: 'language' }, async ({ page }) => {
    await answerSection(page);
    const checkedBefore = await page.locator(`${APP_SELECTOR} input:checked`).count();
    assert.ok(checkedBefore > 0);
    const legendEn = await page.locator(`${APP_SELECTOR} fieldset legend`).first().innerText();
    await page.locator(`${APP_SELECTOR} [data-testid="lang"]`).selectOption('nl');
    await page.locator(`${APP_SELECTOR}[lang="nl"]`).waitFor();
    const legendNl = await page.locator(`${APP_SELECTOR} fieldset legend`).first().innerText();
    assert.notEqual(legendNl, legendEn, 'question text is translated');
    assert.equal(await page.locator(`${APP_SELECTOR} input:checked`).count(), checkedBefore, 'answers kept');
    assert.match(await page.locator(`${APP_SELECTOR} [data-testid="next"]`).innerText(), /Volgende/);
  });
}

export async function liveRiskIndicatorFollowsAnswers() {
  await withApp({ name: 'live-risk' }, async ({ page }) => {
    const live = page.locator(`${APP_SELECTOR} [data-testid="live-risk"]`);
    const before = await live.innerText();
    // 1:N identification raises surveillance and misidentification risk (medium on its own:
    // how far the search reaches is asked later).
    await page.locator('label[for="bd-q_identification_mode-identification_1ton"]').click();
    await page.waitForFunction((b) => document.querySelector('[data-testid="live-risk"]')?.innerText !== b, before);
    assert.notEqual(await live.innerText(), before);
    assert.match(await live.innerText(), /Medium/);
    // Large-scale processing raises the breach risk to high.
    const medium = await live.innerText();
    await page.locator('label[for="bd-q_large_scale-yes"]').click();
    await page.waitForFunction((b) => document.querySelector('[data-testid="live-risk"]')?.innerText !== b, medium);
    assert.match(await live.innerText(), /High|Very high/);
  });
}
