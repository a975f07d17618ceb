// The done criterion of issue 16: a three-step round trip by file, author -> DPO -> author, in
// English and in Dutch, the author and the DPO each in a browser context of their own (their own
// localStorage). The author answers the whole wizard and exports; the DPO imports, changes an
// answer and a line of the action plan, and exports; the author imports the reviewed file, the
// merge is offered, the two changes are shown as proposed changes (in the wizard at their
// question and on the results page), one is accepted and one rejected, and nothing else changed;
// the same file again says there is nothing new; the author records the decision and signs;
// editing afterwards starts revision 2; the printed PDF shows the decision, the fingerprint of
// version 1 and the annex "changes since version 1". The DPO comments on the changed question (to
// correct) and on a risk (to improve); the author sees both, replies, resolves one; the printed
// report lists them (the annex of review comments).
// Screenshots (screen and PDF pages) go to /tmp/shots/roundtrip-*.png (E2E_SHOTS overrides).
import fs from 'node:fs/promises';
import {
  APP_SELECTOR,
  SHOTS,
  assert,
  collectConsole,
  completeWizard,
  formatAxe,
  printPdf,
  runAxe,
  shoot,
  shootPages,
  squash,
  waitForApp,
  withApp,
} from './lib.mjs';
import { $, exportOpen, openManager, storedItems } from './storage-lib.mjs';
import { englishInDutch } from './dutch-terms.mjs';

/** The one stored assessment, once `ready` holds of it. */
async function stored(page, ready = () => true) {
  const items = await storedItems(page, (xs) => xs.length === 1 && ready(xs[0]));
  assert.equal(items.length, 1, 'one assessment stored');
  return items[0];
}

const UI = {
  en: {
    title: 'Access control',
    merged: /The review in the file was merged into “\u2068Access control\u2069”\./,
    mergedCount: /2 proposed changes wait for you to accept or reject them\./,
    proposals: 'Proposed changes',
    intro: /proposes 2 changes/,
    by: /Proposed by Dirk \(DPO\) in a file saved on \d{1,2} [A-Z][a-z]+ \d{4}/,
    older: /This file is an older copy of “\u2068Access control\u2069”: everything in it is already here\./,
    signWhy: 'First accept or reject the 1 proposed change (on the results page).',
    decision: 'Conditionally approved',
    annex: 'Annex: changes since version 1',
    draft: 'Revision 2 (draft)',
    fingerprint: 'SHA-256 fingerprint:',
    owner: 'Owner',
    commentQ: 'Which doors? Name them (en).',
    commentR: 'Templates cannot be replaced: severity is maximum (en).',
    replyQ: 'Only the main entrance (en).',
    replyR: 'Agreed; raised in the answers (en).',
    oneOpen: '1 open comment',
    oneResolved: '1 resolved comment',
    toCorrect: 'To correct',
    toImprove: 'To improve',
    part: 'Annex: review comments',
  },
  nl: {
    title: 'Access control',
    merged: /Het bestand is samengevoegd met ‘\u2068Access control\u2069’\./,
    mergedCount: /2 voorgestelde wijzigingen wachten erop dat u ze overneemt of afwijst\./,
    proposals: 'Voorgestelde wijzigingen',
    intro: /stelt 2 wijzigingen voor/,
    by: /Voorgesteld door Dirk \(DPO\) in een bestand van \d{1,2} [a-z]+ \d{4}/,
    older: /Dit bestand is een oudere kopie van ‘\u2068Access control\u2069’: alles wat erin staat, is hier al\./,
    signWhy: 'Neem eerst de 1 voorgestelde wijziging over of wijs haar af (op de pagina met de uitkomst).',
    decision: 'Goedgekeurd onder voorwaarden',
    annex: 'Bijlage: wijzigingen sinds versie 1',
    draft: 'Herziening 2 (concept)',
    fingerprint: 'SHA-256-controlegetal:',
    owner: 'Eigenaar',
    commentQ: 'Welke deuren? Noem ze (nl).',
    commentR: 'Templates zijn niet te vervangen: de ernst is maximaal (nl).',
    replyQ: 'Alleen de hoofdingang (nl).',
    replyR: 'Mee eens; aangepast in de antwoorden (nl).',
    oneOpen: '1 open opmerking',
    oneResolved: '1 opgeloste opmerking',
    toCorrect: 'Te corrigeren',
    toImprove: 'Te verbeteren',
    part: 'Bijlage: opmerkingen bij de beoordeling',
  },
};






/** The first single-choice question of the first section and the option the wizard did not choose. */
async function otherOption(page) {
  await page.locator($('nav .bd-nav-item:not(.bd-nav-results) button')).first().click();
  const block = page.locator($('fieldset.bd-q')).filter({ has: page.locator('input[type=radio]') }).first();
  const qid = (await block.getAttribute('id')).replace(/^bd-q-/, '');
  const inputs = block.locator('input[type=radio]');
  for (let i = 0; i < (await inputs.count()); i++) {
    if (!(await inputs.nth(i).isChecked())) {
      const input = inputs.nth(i);
      const label = await block.locator(`label[for="${await input.getAttribute('id')}"]`).innerText();
      return { qid, oid: await input.getAttribute('value'), label, input, block };
    }
  }
  throw new Error('no other option');
}

async function roundTrip(lang) {
  const ui = UI[lang];
  await fs.mkdir(SHOTS, { recursive: true });
  await withApp({ name: `roundtrip-${lang}`, path: `/?lang=${lang}` }, async ({ page, context, url }) => {
    // 1. The author fills in the assessment and exports it.
    await page.locator(`${APP_SELECTOR}[lang="${lang}"]`).waitFor();
    await completeWizard(page, { q_gov_dpo_advice: 'yes', q_gov_dpo_followed: 'pending' });
    await page.locator($('[data-testid="nav-summary"]')).click();
    await page.locator($('[data-testid="summary-title"]')).fill(ui.title);
    const authored = await stored(page, (a) => a.title === ui.title);
    const sent = await exportOpen(page);

    // 2. The DPO, in a browser of their own, imports it, changes an answer and the owner of a
    //    measure, and exports.
    const dpoContext = await context.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const dpo = await dpoContext.newPage();
    const dpoConsole = await collectConsole(dpo);
    let reviewed;
    let change;
    let sid;
    let riskTarget;
    try {
      await dpo.goto(`${url}?lang=${lang}`);
      await waitForApp(dpo);
      await dpo.evaluate(() => localStorage.setItem('biodpia/default/v1/name', 'Dirk (DPO)'));
      await openManager(dpo);
      await dpo.locator($('[data-testid="import"]')).setInputFiles(sent.file);
      await dpo.locator($('[data-testid="open-imported"]')).click();
      change = await otherOption(dpo);
      await change.block.locator(`label[for="${await change.input.getAttribute('id')}"]`).click();
      await dpo.locator($('[data-testid="nav-results"]')).click();
      const rec = dpo.locator($('[data-testid="recommendation"]')).first();
      const owner = rec.locator('input[type=text]');
      sid = (await owner.getAttribute('id')).replace(/^bd-plan-/, '').replace(/-owner$/, '');
      await owner.fill('CISO (FG)');
      await owner.press('Tab');
      // The DPO's comments and evaluations: on a risk (to improve) and on the changed question
      // (to correct, with the reason); the name typed once in the field.
      const onRisk = dpo.locator($('.bd-risk-row [data-testid="review"]')).first();
      riskTarget = await onRisk.getAttribute('data-target');
      await onRisk.locator('[data-testid="review-toggle"]').click();
      await onRisk.locator('[data-testid="review-name"]').fill('Dirk (DPO)');
      await onRisk.locator('[data-testid="review-text"]').fill(ui.commentR);
      await onRisk.locator('[data-testid="review-evaluation"]').selectOption('to_improve');
      await onRisk.locator('[data-testid="review-add"]').click();
      await onRisk.locator('[data-testid="thread"]').waitFor();
      await dpo.locator($('nav .bd-nav-item:not(.bd-nav-results) button')).first().click();
      const onQuestion = dpo.locator($(`.bd-question-block:has(#bd-q-${change.qid}) [data-testid="review"]`));
      await onQuestion.locator('[data-testid="review-toggle"]').click();
      assert.equal(await onQuestion.locator('[data-testid="review-name"]').inputValue(), 'Dirk (DPO)', 'the name is typed once');
      await onQuestion.locator('[data-testid="review-text"]').fill(ui.commentQ);
      await onQuestion.locator('[data-testid="review-evaluation"]').selectOption('to_correct');
      await onQuestion.locator('[data-testid="review-add"]').click();
      await onQuestion.locator('[data-testid="thread"]').waitFor();
      // Two assessments there: the DPO's own empty one and the imported one.
      await storedItems(dpo, (xs) => xs.some((a) => a.plan?.[sid]?.owner === 'CISO (FG)' && a.answers[change.qid]?.choice === change.oid && a.review?.comments?.length === 2));
      reviewed = await exportOpen(dpo);
      assert.deepEqual(reviewed.json.review.comments.map((c) => [c.author, c.evaluation]), [['Dirk (DPO)', 'to_improve'], ['Dirk (DPO)', 'to_correct']]);
      // The name typed once in this browser (set above as the name field would) says who sent it.
      assert.equal(reviewed.json.updated_by, 'Dirk (DPO)');
      dpoConsole.assertNoErrors();
    } finally {
      await dpoContext.close();
    }
    assert.equal(reviewed.json.id, sent.json.id, 'the same assessment');

    // 3. The author imports the reviewed file: the merge is offered, and merged as two proposals.
    await openManager(page);
    await page.locator($('[data-testid="import"]')).setInputFiles(reviewed.file);
    const offer = page.locator($('[data-testid="merge-offer"]'));
    await offer.waitFor();
    await shoot(page, $('[data-testid="merge-offer"]'), `roundtrip-offer-${lang}.png`);
    await offer.locator('[data-testid="merge"]').click();
    const status = page.locator($('[data-testid="status"]'));
    await status.getByText(ui.merged).waitFor();
    assert.match(await status.innerText(), ui.mergedCount);
    const merged = await stored(page, (a) => a.review?.proposals?.length === 2);
    assert.deepEqual(merged.answers, authored.answers, 'no answer overwritten by the merge');
    assert.deepEqual(merged.plan, authored.plan, 'no plan line overwritten by the merge');
    assert.deepEqual(merged.review.comments, reviewed.json.review.comments, "the DPO's comments merged as they were");

    // Shown on the results page, in the bank's words.
    await status.locator('[data-testid="open-merged"]').click();
    const list = page.locator($('[data-testid="proposals"]'));
    await list.waitFor();
    assert.match(await list.innerText(), ui.intro);
    const items = list.locator('[data-testid="proposal"]');
    assert.equal(await items.count(), 2);
    const answerItem = list.locator(`[data-testid="proposal"][data-field="answers.${change.qid}"]`);
    const planItem = list.locator(`[data-testid="proposal"][data-field="plan.${sid}"]`);
    assert.equal(await answerItem.locator('[data-testid="proposal-new"]').innerText(), change.label);
    assert.match(await planItem.locator('[data-testid="proposal-new"]').innerText(), new RegExp(`${ui.owner}: CISO \\(FG\\)`));
    assert.match(await answerItem.innerText(), ui.by);
    await shoot(page, $('[data-testid="proposals"]'), `roundtrip-proposals-${lang}.png`);
    let violations = await runAxe(page);
    assert.deepEqual(violations, [], formatAxe(violations));

    // Signing waits for them, and says why.
    await page.locator($('[data-testid="nav-summary"]')).click();
    assert.ok(await page.locator($('[data-testid="sign"]')).isDisabled());

    // In the wizard at the question concerned: accepted there.
    await page.locator($('nav .bd-nav-item:not(.bd-nav-results) button')).first().click();
    const here = page.locator($(`.bd-question-block:has(#bd-q-${change.qid}) [data-testid="proposal-here"]`));
    await here.waitFor();
    await shoot(page, $(`#bd-q-${change.qid}`), `roundtrip-wizard-proposal-${lang}.png`);
    violations = await runAxe(page);
    assert.deepEqual(violations, [], formatAxe(violations));
    await here.locator('[data-testid="accept"]').click();
    await here.waitFor({ state: 'detached' });
    assert.ok(await page.locator($(`#bd-${change.qid}-${change.oid}`)).isChecked(), 'the accepted answer is shown');
    // The DPO's comment at the same question: the author sees it, replies and resolves it.
    const review = page.locator($(`.bd-question-block:has(#bd-q-${change.qid}) [data-testid="review"]`));
    const reviewToggle = review.locator('[data-testid="review-toggle"]');
    assert.ok((await reviewToggle.innerText()).includes(ui.oneOpen), 'the open comment is counted');
    assert.ok((await reviewToggle.innerText()).includes(ui.toCorrect), 'with its evaluation');
    await reviewToggle.click();
    const thread = review.locator('[data-testid="thread"]');
    for (const v of ['Dirk (DPO)', ui.commentQ, ui.toCorrect]) assert.ok((await thread.innerText()).includes(v), v);
    await review.locator('[data-testid="review-name"]').fill('Anna (author)');
    await thread.locator('[data-testid="review-reply-text"]').fill(ui.replyQ);
    await thread.locator('[data-testid="review-reply"]').click();
    await thread.locator('[data-testid="comment"]').nth(1).waitFor();
    await thread.locator('[data-testid="review-resolve"]').click();
    await review.locator('[data-testid="thread"][data-state="resolved"]').waitFor();
    assert.ok((await reviewToggle.innerText()).includes(ui.oneResolved));
    await shoot(page, $(`.bd-question-block:has(#bd-q-${change.qid})`), `roundtrip-wizard-comment-${lang}.png`);
    await page.locator($('[data-testid="nav-summary"]')).click();
    assert.ok((await page.locator($('[data-testid="sign-why"]')).innerText()).includes(ui.signWhy), 'signing waits for the proposal');
    // The plan line rejected on the results page.
    await page.locator($('[data-testid="nav-results"]')).click();
    await planItem.locator('[data-testid="reject"]').click();
    await list.waitFor({ state: 'detached' });
    // The DPO's comment on the risk: the author replies (it stays open).
    const onRisk = page.locator($(`.bd-risk-row [data-testid="review"][data-target="${riskTarget}"]`));
    assert.ok((await onRisk.innerText()).includes(ui.oneOpen) && (await onRisk.innerText()).includes(ui.toImprove));
    await onRisk.locator('[data-testid="review-toggle"]').click();
    assert.ok((await onRisk.locator('[data-testid="thread"]').innerText()).includes(ui.commentR));
    await onRisk.locator('[data-testid="review-reply-text"]').fill(ui.replyR);
    await onRisk.locator('[data-testid="review-reply"]').click();
    await onRisk.locator('[data-testid="comment"]').nth(1).waitFor();
    const replied = await stored(page, (a) => a.review.comments.length === 5);
    assert.deepEqual(
      replied.review.comments.map((c) => [c.author, c.resolves ?? null]),
      [['Dirk (DPO)', null], ['Dirk (DPO)', null], ['Anna (author)', null], ['Anna (author)', true], ['Anna (author)', null]],
      'two comments, a reply, a resolution and a reply, by who wrote them',
    );
    const decided = await stored(page, (a) => a.review.proposals.every((p) => p.status !== 'pending'));
    assert.deepEqual(
      decided.review.proposals.map((p) => [p.field, p.status]).sort(),
      [[`answers.${change.qid}`, 'accepted'], [`plan.${sid}`, 'rejected']].sort(),
    );
    // Nothing else changed: the answers are the author's but the accepted one, the plan is theirs.
    assert.deepEqual(decided.answers, { ...authored.answers, [change.qid]: { choice: change.oid } });
    assert.deepEqual(decided.plan, authored.plan);

    // The same file again: nothing new.
    await openManager(page);
    const before = await stored(page);
    await page.locator($('[data-testid="import"]')).setInputFiles(reviewed.file);
    await offer.locator('[data-testid="merge"]').click();
    await page.locator($('[data-testid="alerts"]')).getByText(ui.older).waitFor();
    assert.deepEqual(await stored(page), before, 'the same file again changes nothing');

    // 4. The author records the decision and signs version 1.
    await page.locator($('[data-testid="nav-summary"]')).click();
    await page.locator($('#bd-sum-so-decision')).selectOption('conditionally_approved');
    await page.locator($('#bd-sum-so-decision-conditions')).fill(`Badge and PIN for everyone (${lang})`);
    await page.locator($('#bd-sum-so-decided-by')).fill(`A. Bakker ${lang}`);
    await page.locator($('#bd-sum-so-decision-date')).fill('2027-03-01');
    const sign = page.locator($('[data-testid="sign"]'));
    await page.waitForFunction((el) => !el.disabled, await sign.elementHandle());
    await sign.click();
    const frozen = page.locator($('[data-testid="versions"] [data-testid="frozen"]'));
    await frozen.waitFor();
    const fingerprint = (await frozen.locator('code').innerText()).replace(/\s+/g, '');
    assert.match(fingerprint, /^[0-9a-f]{64}$/);

    // 5. Editing afterwards starts revision 2: an answer changed back.
    await page.locator($('.bd-main [data-testid="start-revision"]')).or(page.locator($('[data-testid="versions"] [data-testid="start-revision"]'))).first().click();
    await page.locator($('nav .bd-nav-item:not(.bd-nav-results) button')).first().click();
    const original = authored.answers[change.qid].choice;
    await page.locator($(`label[for="bd-${change.qid}-${original}"]`)).click();
    const rev2 = await stored(page, (a) => a.revision === 2 && a.answers[change.qid]?.choice === original);
    assert.equal(rev2.versions.length, 1);
    assert.equal(rev2.versions[0].fingerprint, fingerprint, 'version 1 stays as signed');

    // The printed report: the decision, the fingerprint of version 1, the change annex.
    await page.locator($('[data-testid="nav-summary"]')).click();
    const annex = page.locator($('[data-testid="summary"] [data-testid="summary-changes"]'));
    await annex.waitFor();
    assert.match(await annex.innerText(), new RegExp(ui.annex));
    await shoot(page, $('[data-testid="summary"] [data-testid="summary-changes"]'), `roundtrip-annex-screen-${lang}.png`);
    const printed = await printPdf(page, `roundtrip-${lang}`);
    const text = squash(printed.raw);
    for (const v of [ui.decision, ui.draft, ui.fingerprint, ui.annex, `Badge and PIN for everyone (${lang})`, ui.part, ui.commentQ, ui.replyQ, ui.commentR]) {
      assert.ok(text.includes(squash(v)), `"${v}" printed`);
    }
    assert.ok(text.includes(fingerprint), 'the fingerprint of version 1 printed');
    if (lang === 'nl') {
      // With comments, proposals decided and a change annex, the Dutch report is still Dutch
      // throughout (the texts typed in this test are the users' words and are taken out).
      const typed = [ui.title, 'CISO (FG)', 'Dirk (DPO)', 'Anna (author)', ui.commentQ, ui.commentR, ui.replyQ,
        ui.replyR, `Badge and PIN for everyone (${lang})`, `A. Bakker ${lang}`];
      const { terms, labels } = englishInDutch(printed.raw, typed);
      assert.deepEqual(terms, [], 'English legal terms in the Dutch PDF of the round trip');
      assert.deepEqual(labels, [], 'English texts of the bank or the UI in the Dutch PDF of the round trip');
    }
    // The annex names the question whose answer changed since version 1, with both answers.
    const annexText = squash(printed.raw.slice(printed.raw.indexOf(ui.annex.split(' ')[0])));
    assert.ok(annexText.includes(squash(change.label)), 'the answer of version 1 in the annex');
    await shootPages(printed.pdf, printed.raw, ui.annex, `roundtrip-pdf-annex-${lang}`);
  });
}

export async function authorDpoAuthorRoundTripEnglish() {
  await roundTrip('en');
}

export async function authorDpoAuthorRoundTripDutch() {
  await roundTrip('nl');
}
