// The reviewer's comments and evaluations (issue 16 item 1), in English and in Dutch: the name
// typed once per browser (a comment without it is refused with the reason and focus on the
// field), a comment with an evaluation on a question, a risk and a measure, a "to correct"
// without a reason refused with the message, a reply, resolved, reopened; collapsed behind a
// count of open comments; kept after a reload, in the summary's annex of review comments, and through export and
// import into another browser. axe on the open thread. A signed revision keeps its answers and
// its plan read-only and takes comments, which change no signed content.
// Screenshots go to /tmp/shots/review-*.png (E2E_SHOTS overrides).
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_SELECTOR, assert, completeWizard, formatAxe, runAxe, waitForApp, withApp } from './lib.mjs';
import { $, NS, openManager } from './storage-lib.mjs';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/shots';

const UI = {
  en: {
    nameMissing: 'Type your name first: it is shown with your comment.',
    reason: '“To improve” and “to correct” need a reason: write it in the comment.',
    oneOpen: '1 open comment',
    oneResolved: '1 resolved comment',
    empty: 'Review',
    toCorrect: 'To correct',
    toImprove: 'To improve',
    acceptable: 'Acceptable',
    open: 'Open',
    resolved: 'Resolved',
    part: 'Annex: review comments',
    counts: '2 open, 1 resolved',
    imported: 'was imported as a new assessment',
  },
  nl: {
    nameMissing: 'Vul eerst uw naam in: die komt bij uw opmerking te staan.',
    reason: 'Bij ‘te verbeteren’ en ‘te corrigeren’ hoort een reden: schrijf die in de opmerking.',
    oneOpen: '1 open opmerking',
    oneResolved: '1 opgeloste opmerking',
    empty: 'Beoordeling',
    toCorrect: 'Te corrigeren',
    toImprove: 'Te verbeteren',
    acceptable: 'Akkoord',
    open: 'Open',
    resolved: 'Opgelost',
    part: 'Bijlage: opmerkingen bij de beoordeling',
    counts: '2 open, 1 opgelost',
    imported: 'is als nieuwe beoordeling geïmporteerd',
  },
};

const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

/** The review block of the first question of the open wizard section. */
const firstQuestion = (page) => page.locator($('.bd-question-block [data-testid="review"]')).first();

/** Opens a review block (if closed) and checks the button says so and focus is on the comment field. */
async function openReview(page, block) {
  const toggle = block.locator('[data-testid="review-toggle"]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await block.locator('[data-testid="review-text"]').waitFor();
  assert.equal(await focused(page), 'review-text', 'focus on the new comment field');
}

/** Adds a comment in an open review block. */
async function addComment(block, text, evaluation) {
  await block.locator('[data-testid="review-text"]').fill(text);
  await block.locator('[data-testid="review-evaluation"]').selectOption(evaluation);
  await block.locator('[data-testid="review-add"]').click();
}

/** The stored assessment once `ready` holds of it (autosave waits a moment after a change). */
async function stored(page, ready) {
  for (let i = 0; ; i++) {
    const all = await page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const found = all.filter(([k]) => /\/a\//.test(k)).map(([, v]) => JSON.parse(v));
    if (found.some(ready) || i >= 60) return found.find(ready) ?? found[0];
    await page.waitForTimeout(100);
  }
}

async function reviewRoundTrip(lang) {
  const ui = UI[lang];
  const name = lang === 'en' ? 'Dirk de Vries (DPO)' : 'Dirk de Vries (FG)';
  await fs.mkdir(SHOTS, { recursive: true });
  await withApp({ name: `review-${lang}`, path: `/?lang=${lang}` }, async ({ page, context, server }) => {
    await completeWizard(page);
    // Back to the first section: an unreviewed question shows a small button, collapsed.
    await page.locator($('nav .bd-nav-item:not(.bd-nav-results) button')).first().click();
    const q = firstQuestion(page);
    const toggle = q.locator('[data-testid="review-toggle"]');
    assert.ok((await toggle.innerText()).trim().startsWith(ui.empty), 'a plain button');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await q.locator('textarea').count(), 0, 'no form while collapsed');
    await openReview(page, q);

    // No name yet: refused, with the reason, and focus on the name field.
    await addComment(q, 'Which source says so?', 'to_improve');
    await q.locator('[data-testid="review-error"]').getByText(ui.nameMissing).waitFor();
    assert.equal(await focused(page), 'review-name', 'focus on the name field');
    assert.equal(await q.locator('[data-testid="thread"]').count(), 0, 'nothing added');
    await q.locator('[data-testid="review-name"]').fill(name);

    // "To correct" without a reason: refused with the message, focus on the comment.
    await addComment(q, '   ', 'to_correct');
    await q.locator('[data-testid="review-error"]').getByText(ui.reason).waitFor();
    assert.equal(await focused(page), 'review-text');
    assert.equal(await q.locator('[data-testid="thread"]').count(), 0, 'nothing added');

    await addComment(q, 'The purpose is too broad: name the doors.', 'to_correct');
    const thread = q.locator('[data-testid="thread"]');
    await thread.waitFor();
    assert.equal(await q.locator('[data-testid="review-error"]').count(), 0, 'the message is gone');
    // Who (isolated: a name is the user's text) and when.
    assert.match(await thread.innerText(), new RegExp(`\u2068${name.replace(/[()]/g, '\\$&')}\u2069, \\d{1,2} \\S+ \\d{4}`));
    assert.ok((await thread.innerText()).includes(ui.toCorrect));
    assert.equal(await thread.getAttribute('data-state'), 'open');
    assert.ok((await toggle.innerText()).includes(ui.oneOpen), 'the button counts the open comment');
    assert.equal(await q.locator('[data-testid="review-text"]').inputValue(), '', 'the field is emptied');

    const violations = await runAxe(page);
    assert.deepEqual(violations, [], `axe on the open thread:\n  ${formatAxe(violations)}`);
    await q.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `review-wizard-${lang}.png`) });

    // The author replies, then resolves; a resolved thread can be reopened and resolved again.
    await thread.locator('[data-testid="review-reply-text"]').fill('Only the main entrance: changed.');
    await thread.locator('[data-testid="review-reply"]').click();
    await thread.locator('[data-testid="comment"]').nth(1).waitFor();
    await thread.locator('[data-testid="review-resolve"]').click();
    await q.locator('[data-testid="thread"][data-state="resolved"]').waitFor();
    await q.locator('[data-testid="review-reopen"]').click();
    await q.locator('[data-testid="thread"][data-state="open"]').waitFor();
    await q.locator('[data-testid="review-resolve"]').click();
    await q.locator('[data-testid="thread"][data-state="resolved"]').waitFor();
    assert.ok((await toggle.innerText()).includes(ui.oneResolved));
    assert.equal(await q.locator('[data-testid="comment"]').count(), 5, 'comment, reply, resolved, reopened, resolved');

    // A risk and a measure on the results page.
    await page.locator($('[data-testid="nav-results"]')).click();
    const risk = page.locator($('.bd-risk-row [data-testid="review"]')).first();
    await openReview(page, risk);
    assert.equal(await risk.locator('[data-testid="review-name"]').inputValue(), name, 'the name is typed once');
    await addComment(risk, 'Severity should be maximum: templates cannot be replaced.', 'to_improve');
    await risk.locator('[data-testid="thread"]').waitFor();
    const measure = page.locator($('[data-testid="recommendation"] [data-testid="review"]')).first();
    await openReview(page, measure);
    await addComment(measure, '', 'acceptable');
    await measure.locator('[data-testid="thread"] [data-testid="evaluation"]').getByText(ui.acceptable).waitFor();
    const violations2 = await runAxe(page);
    assert.deepEqual(violations2, [], `axe on the results page's threads:\n  ${formatAxe(violations2)}`);

    // Saved: after a reload the threads and the name are there.
    const saved = await stored(page, (a) => a.review?.comments?.length === 7);
    assert.equal(saved.review.comments.length, 7, 'seven comments stored');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), `${NS}name`), name, 'the name is kept in this browser');
    await page.reload();
    await waitForApp(page);
    await page.locator($('nav .bd-nav-item:not(.bd-nav-results) button')).first().click();
    assert.ok((await firstQuestion(page).locator('[data-testid="review-toggle"]').innerText()).includes(ui.oneResolved));
    await page.locator($('[data-testid="nav-results"]')).click();
    const riskAgain = page.locator($('.bd-risk-row [data-testid="review"]')).first();
    assert.ok((await riskAgain.innerText()).includes(ui.oneOpen));
    assert.ok((await riskAgain.innerText()).includes(ui.toImprove), 'the open evaluation on the button');

    // The summary's annex of review comments, in bank order, with open and resolved.
    await page.locator($('[data-testid="nav-summary"]')).click();
    const part = page.locator($('[data-testid="summary"] [data-testid="summary-review"]'));
    await part.waitFor();
    const text = await part.innerText();
    assert.ok(text.includes(ui.part), 'the part heading');
    assert.ok(text.includes(ui.counts), text);
    assert.equal(await part.locator('[data-testid="summary-review-target"]').count(), 3);
    const states = await part.locator('[data-testid="summary-thread"]').evaluateAll((els) => els.map((e) => e.dataset.state));
    assert.deepEqual(states, ['resolved', 'open', 'open'], 'question, then risk, then measure');
    await part.scrollIntoViewIfNeeded();
    await part.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(SHOTS, `review-summary-${lang}.png`) });

    // Export, and import into another browser (its own storage): the comments come along.
    await openManager(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator($('[data-testid="assessment-row"][aria-current="true"] [data-testid="export"]')).click(),
    ]);
    const file = await download.path();
    const exported = JSON.parse(await fs.readFile(file, 'utf8'));
    assert.equal(exported.review.comments.length, 7);
    const other = await context.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      const page2 = await other.newPage();
      await page2.goto(`${server.url}?lang=${lang}`);
      await waitForApp(page2);
      await openManager(page2);
      await page2.locator($('[data-testid="import"]')).setInputFiles(file);
      await page2.locator($('[data-testid="status"]')).getByText(ui.imported).waitFor();
      await page2.locator($('[data-testid="open-imported"]')).click();
      const toggle2 = page2.locator($('.bd-question-block [data-testid="review-toggle"]')).first();
      assert.ok((await toggle2.innerText()).includes(ui.oneResolved), 'the resolved thread imported');
      await page2.locator($('[data-testid="nav-summary"]')).click();
      const part2 = page2.locator($('[data-testid="summary"] [data-testid="summary-review"]'));
      assert.ok((await part2.innerText()).includes(ui.counts), 'the summary part after the import');
      const imported = await stored(page2, (a) => a.review?.comments?.length === 7);
      assert.deepEqual(imported.review.comments, exported.review.comments, 'every comment kept as it was');
    } finally {
      await other.close();
    }
  });
}

export const reviewRoundTripEn = () => reviewRoundTrip('en');
export const reviewRoundTripNl = () => reviewRoundTrip('nl');

/** A signed revision: questions and the results page's plan read-only; comments still added,
 * without a new revision and without changing the fingerprint. */
async function signedRevision(lang) {
  const ui = UI[lang];
  await withApp({ name: `review-signed-${lang}`, path: `/?lang=${lang}` }, async ({ page }) => {
    await completeWizard(page);
    await page.locator($('[data-testid="nav-summary"]')).click();
    await page.locator($('#bd-sum-so-decision')).selectOption('conditionally_approved');
    await page.locator($('#bd-sum-so-decided-by')).fill('A. Bakker');
    await page.locator($('#bd-sum-so-decision-date')).fill('2027-03-01');
    await page.locator($('[data-testid="sign"]')).click();
    await page.locator($('[data-testid="versions"] [data-testid="frozen"]')).waitFor();
    const signed = await stored(page, (a) => a.versions?.length === 1);

    // The results page: every plan control disabled, as on the summary.
    await page.locator($('[data-testid="nav-results"]')).click();
    const plan = page.locator($('.bd-plan select, .bd-plan input'));
    assert.ok((await plan.count()) >= 3, 'plan controls shown');
    for (const c of await plan.all()) assert.ok(await c.isDisabled(), 'a plan control is read-only on a signed revision');

    // The wizard: the question read-only, its review open to comments.
    await page.locator($('nav .bd-nav-item:not(.bd-nav-results) button')).first().click();
    await page.locator($('.bd-main [data-testid="frozen"]')).waitFor();
    assert.ok(await page.locator($('.bd-question-block input[type=radio]')).first().isDisabled(), 'answers are read-only');
    const q = firstQuestion(page);
    await openReview(page, q);
    await q.locator('.bd-review-frozen').waitFor();
    await q.locator('[data-testid="review-name"]').fill('K. Smit');
    await addComment(q, 'Signed, but the retention period is missing.', 'to_improve');
    await q.locator('[data-testid="thread"]').waitFor();
    assert.ok((await q.locator('[data-testid="review-toggle"]').innerText()).includes(ui.oneOpen));
    const after = await stored(page, (a) => a.review?.comments?.length === 1);
    assert.equal(after.revision, signed.revision, 'no new revision');
    assert.deepEqual(after.versions, signed.versions, 'the signed version as it was');
    assert.equal(await page.locator($('.bd-main [data-testid="frozen"]')).count(), 1, 'still signed');
  });
}

export const signedRevisionTakesCommentsEn = () => signedRevision('en');
export const signedRevisionTakesCommentsNl = () => signedRevision('nl');

/**
 * A target without comments shows only the collapsed button (src/ui/review.rs `slot`: plain
 * markup, no component); pressing it by keyboard creates the threads, open, with focus on the
 * comment field, on a question, the section and a risk; closing and opening again works.
 */
async function reviewButtonCreatesTheThread(lang) {
  const ui = UI[lang];
  await withApp({ name: `review-button-${lang}`, path: `/?lang=${lang}` }, async ({ page }) => {
    const blocks = page.locator($('.bd-main [data-testid="review"]'));
    assert.ok((await blocks.count()) >= 2, 'the section and its questions each have a review button');
    for (const block of [firstQuestion(page), page.locator($('.bd-section > [data-testid="review"]'))]) {
      const toggle = block.locator('[data-testid="review-toggle"]');
      assert.ok((await toggle.innerText()).trim().startsWith(ui.empty));
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await block.locator('textarea, select, input').count(), 0, 'no form before it is asked for');
      await toggle.focus();
      await page.keyboard.press('Enter');
      await block.locator('[data-testid="review-text"]').waitFor();
      assert.equal(await focused(page), 'review-text', 'focus on the new comment field');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.equal(await toggle.getAttribute('aria-controls'), await block.locator('.bd-review-body').getAttribute('id'));
      // Closed and opened again, still by keyboard.
      await toggle.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'false', await toggle.elementHandle());
      assert.equal(await block.locator('textarea').count(), 0);
      assert.equal(await focused(page), 'review-toggle', 'focus stays on the button');
      await page.keyboard.press(' ');
      await block.locator('[data-testid="review-text"]').waitFor();
    }
    // The results page: a risk's button creates its thread the same way.
    await completeWizard(page);
    const risk = page.locator($('.bd-risk-table [data-testid="review"]')).first();
    await risk.waitFor();
    assert.equal(await risk.locator('textarea').count(), 0);
    await risk.locator('[data-testid="review-toggle"]').click();
    await risk.locator('[data-testid="review-text"]').waitFor();
    assert.equal(await focused(page), 'review-text');
  });
}

export const reviewButtonCreatesTheThreadEn = () => reviewButtonCreatesTheThread('en');
export const reviewButtonCreatesTheThreadNl = () => reviewButtonCreatesTheThread('nl');
