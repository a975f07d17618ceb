// Hand-over by file (issue 16 item 2), the import side: a file of an assessment this browser has
// is recognised and the merge is offered (merge, separate copy, cancel); a reviewed file from
// another browser is merged as proposed changes and never overwrites; the same file again says
// there is nothing new; a damaged file and a signed version changed after signing are refused
// by name and change nothing. English and Dutch; the author and the DPO each have their own
// browser context (their own localStorage).
import { APP_SELECTOR, assert, formatAxe, runAxe, waitForApp, withApp } from './lib.mjs';
import { $, choose, exportOpen, openManager, snapshot, storedItems } from './storage-lib.mjs';

const UI = {
  en: {
    offer: 'This file is an assessment you have here',
    merge: 'Merge the review into “\u2068Access control\u2069”',
    nothingNew: /Everything in this file is already in “\u2068Access control\u2069”/,
    older: /This file is an older copy of “\u2068Access control\u2069”: everything in it is already here\./,
    nothingMerged: /Nothing was merged and nothing saved was changed\./,
    nothingImported: /Nothing was imported and nothing saved was changed\./,
    merged: /The review in the file was merged into “\u2068Access control\u2069”\./,
    mergedCount: /1 proposed change waits for you to accept or reject it\./,
    tampered: /Signed version 1 in this file does not match its fingerprint: it was changed after it was signed\./,
    damaged: /field “\u2068signoff\.review_date\u2069” has a value of the wrong kind/,
    wrongKind: (field) => `field “\u2068${field}\u2069” has a value of the wrong kind`,
    copy: /was imported as a new assessment/,
  },
  nl: {
    offer: 'Dit bestand is een beoordeling die u hier al hebt',
    merge: 'Samenvoegen met ‘\u2068Access control\u2069’',
    nothingNew: /Alles in dit bestand staat al in ‘\u2068Access control\u2069’/,
    older: /Dit bestand is een oudere kopie van ‘\u2068Access control\u2069’: alles wat erin staat, is hier al\./,
    nothingMerged: /Er is niets samengevoegd en niets wat al was opgeslagen, is gewijzigd\./,
    nothingImported: /Er is niets geïmporteerd en niets wat al was opgeslagen, is gewijzigd\./,
    merged: /Het bestand is samengevoegd met ‘\u2068Access control\u2069’\./,
    mergedCount: /1 voorgestelde wijziging wacht erop dat u haar overneemt of afwijst\./,
    tampered: /Ondertekende versie 1 in dit bestand klopt niet met haar vingerafdruk/,
    damaged: /het veld ‘\u2068signoff\.review_date\u2069’ heeft een waarde van de verkeerde soort/,
    wrongKind: (field) => `het veld ‘\u2068${field}\u2069’ heeft een waarde van de verkeerde soort`,
    copy: /is als nieuwe beoordeling geïmporteerd/,
  },
};




const jsonFile = (name, value) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

async function importFile(page, file) {
  await page.locator($('[data-testid="import"]')).setInputFiles(file);
}

async function handOver(lang) {
  const ui = UI[lang];
  await withApp({ name: `handover-${lang}`, path: `/?lang=${lang}` }, async ({ page, context, url }) => {
    // The author: a title and one answer, exported.
    await page.locator(`${APP_SELECTOR}[lang="${lang}"]`).waitFor();
    const answer = await choose(page, 0);
    await page.locator($('[data-testid="nav-summary"]')).click();
    await page.locator($('[data-testid="summary-title"]')).fill('Access control');
    await storedItems(page, (xs) => xs.length === 1 && xs[0].title === 'Access control');
    const sent = await exportOpen(page);
    assert.ok(sent.json.id, 'the file carries the assessment id');

    // The same file in the same browser: the merge is offered, the merge button focused.
    const before = await snapshot(page);
    await importFile(page, sent.file);
    const offer = page.locator($('[data-testid="merge-offer"]'));
    await offer.getByText(ui.offer).waitFor();
    const merge = offer.locator('[data-testid="merge"]');
    assert.equal(await merge.innerText(), ui.merge);
    assert.ok(await merge.evaluate((b) => b === b.getRootNode().activeElement), 'the default choice has focus');
    const violations = await runAxe(page);
    assert.deepEqual(violations, [], formatAxe(violations));
    // Nothing new in it: said, and nothing changed.
    await merge.click();
    const alerts = page.locator($('[data-testid="alerts"]'));
    await alerts.getByText(ui.nothingNew).waitFor();
    assert.match(await alerts.innerText(), ui.nothingMerged);
    assert.deepEqual(await snapshot(page), before, 'nothing new: storage unchanged');
    assert.equal(await offer.count(), 0, 'the offer is gone');
    // Cancel: nothing imported.
    await importFile(page, sent.file);
    await offer.locator('[data-testid="import-cancel"]').click();
    await page.locator($('[data-testid="status"]')).getByText(ui.nothingImported).waitFor();
    assert.deepEqual(await snapshot(page), before, 'cancelled: storage unchanged');

    // A damaged file and a tampered signed version: refused by name, nothing changed, no offer.
    const damaged = structuredClone(sent.json);
    damaged.signoff.review_date = 2027;
    const badAnswer = structuredClone(sent.json);
    badAnswer.answers[answer.qid] = 5;
    const tampered = structuredClone(sent.json);
    tampered.revision = 1;
    tampered.versions = [
      {
        number: 1,
        signed_at: '2027-03-01T10:00:00.000Z',
        signed_by: 'A. Bakker',
        fingerprint: '0'.repeat(64),
        content: { number: 1, signed_at: '2027-03-01T10:00:00.000Z', signed_by: 'A. Bakker', title: 'Access control' },
      },
    ];
    for (const [f, expected] of [
      [jsonFile('damaged.json', damaged), ui.damaged],
      [jsonFile('answer.json', badAnswer), ui.wrongKind(`answers.${answer.qid}`)],
      [jsonFile('tampered.json', tampered), ui.tampered],
    ]) {
      await importFile(page, f);
      await alerts.getByText(expected).waitFor();
      assert.match(await alerts.innerText(), ui.nothingImported);
      assert.equal(await offer.count(), 0, `${f.name}: no merge offered`);
      assert.deepEqual(await snapshot(page), before, `${f.name}: storage unchanged`);
    }

    // The DPO, in a browser of their own: imports (a new assessment there), changes the answer,
    // exports.
    const dpoContext = await context.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const dpo = await dpoContext.newPage();
    try {
      await dpo.goto(`${url}?lang=${lang}`);
      await waitForApp(dpo);
      await openManager(dpo);
      await importFile(dpo, sent.file);
      await dpo.locator($('[data-testid="status"]')).getByText(ui.copy).waitFor();
      assert.equal(await dpo.locator($('[data-testid="merge-offer"]')).count(), 0, 'nothing to merge into there');
      await dpo.locator($('[data-testid="open-imported"]')).click();
      const other = await choose(dpo, 1);
      assert.equal(other.qid, answer.qid);
      await storedItems(dpo, (xs) => xs.some((x) => x.answers[answer.qid]?.choice === other.oid));
      const reviewed = await exportOpen(dpo);
      assert.equal(reviewed.json.id, sent.json.id, 'the same assessment');

      // The author merges the reviewed file: one proposed change, the answer not overwritten.
      await importFile(page, reviewed.file);
      await offer.locator('[data-testid="merge"]').click();
      const status = page.locator($('[data-testid="status"]'));
      await status.getByText(ui.merged).waitFor();
      assert.match(await status.innerText(), ui.mergedCount);
      const [mine] = await storedItems(page, (xs) => xs[0]?.review?.proposals?.length === 1);
      assert.equal(mine.review.proposals.length, 1);
      assert.equal(mine.review.proposals[0].field, `answers.${answer.qid}`);
      assert.equal(mine.answers[answer.qid].choice, answer.oid, 'the answer is not overwritten');
      assert.equal(await page.locator($('[data-testid="assessment-row"]')).count(), 1, 'nothing added to the list');

      // The same file again: nothing new.
      const merged = await snapshot(page);
      await importFile(page, reviewed.file);
      await offer.locator('[data-testid="merge"]').click();
      await alerts.getByText(ui.older).waitFor();
      assert.deepEqual(await snapshot(page), merged, 'the same file again: storage unchanged');

      // Or as a separate copy: a second assessment.
      await importFile(page, reviewed.file);
      await offer.locator('[data-testid="import-copy"]').click();
      await status.getByText(ui.copy).waitFor();
      assert.equal(await page.locator($('[data-testid="assessment-row"]')).count(), 2);
    } finally {
      await dpoContext.close();
    }
  });
}

export async function aReviewedFileIsMergedAndRefusalsChangeNothingEnglish() {
  await handOver('en');
}

export async function aReviewedFileIsMergedAndRefusalsChangeNothingDutch() {
  await handOver('nl');
}
