// The decision record and a signed version (issue 15 item 3, issue 16 item 3), in English and
// in Dutch: the whole wizard is answered, the record is filled in on the summary, the DPO's
// advice status is the same in the wizard and the record, and recording the decision signs
// and freezes the revision: read-only in the summary and the wizard, the SHA-256 fingerprint on
// the screen, in the printed PDF and in the browser's stored copy. Starting a new revision makes
// it editable again while signed version 1 stays available and printable.
// Screenshots (screen and PDF pages) go to /tmp/shots/record-*.png (E2E_SHOTS overrides).
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_SELECTOR, SHOTS, assert, completeWizard, printPdf as print, shoot, shootPages, squash, withApp } from './lib.mjs';

const A = APP_SELECTOR;

const UI = {
  en: {
    partly: 'Partly',
    signed: /Version 1 signed on \d{1,2} [A-Z][a-z]+ \d{4} by A\. Bakker en/,
    running: 'Version 1 (signed) · SHA-256',
    draft: 'Revision 2 (draft)',
    date: '1 March 2027',
    fingerprint: 'SHA-256 fingerprint:',
    decision: 'Conditionally approved',
  },
  nl: {
    partly: 'Gedeeltelijk',
    signed: /Versie 1 vastgesteld op \d{1,2} [a-z]+ \d{4} door A\. Bakker nl/,
    running: 'Versie 1 (vastgesteld) · SHA-256',
    draft: 'Herziening 2 (concept)',
    date: '1 maart 2027',
    fingerprint: 'SHA-256-controlegetal:',
    decision: 'Goedgekeurd onder voorwaarden',
  },
};




/** The stored copy of the open assessment, as JSON. */
/** The one stored assessment, once `ready` holds of it (autosave waits SAVE_DELAY_MS after a change). */
async function stored(page, ready = () => true) {
  for (let i = 0; ; i++) {
    const all = await page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const found = all.filter(([k]) => /\/a\//.test(k)).map(([, v]) => JSON.parse(v));
    assert.equal(found.length, 1, 'one assessment stored');
    if (ready(found[0]) || i >= 50) return found[0];
    await page.waitForTimeout(100);
  }
}

async function recordAndSign(lang) {
  const ui = UI[lang];
  await fs.mkdir(SHOTS, { recursive: true });
  await withApp({ name: `record-${lang}`, path: `/?lang=${lang}&org=Gemeente%20Voorbeeld` }, async ({ page }) => {
    await page.locator(`${A}[lang="${lang}"]`).waitFor();
    // The DPO's advice is sought, and "not yet received" in the wizard.
    await completeWizard(page, { q_gov_dpo_advice: 'yes', q_gov_dpo_followed: 'pending' });

    await page.locator(`${A} [data-testid="nav-summary"]`).click();
    const summary = page.locator(`${A} [data-testid="summary"]`);
    await summary.waitFor();
    // Not yet signable: the decision is not recorded.
    const sign = page.locator(`${A} [data-testid="sign"]`);
    assert.ok(await sign.isDisabled(), 'signing needs the decision');
    // The record says what the wizard said, then "partly".
    assert.equal(await page.locator(`${A} #bd-sum-so-followed`).inputValue(), 'pending', 'the record holds the wizard answer');
    await page.locator(`${A} #bd-sum-so-followed`).selectOption('partly_reasons');
    await page.locator(`${A} #bd-sum-so-reasons`).fill(`Monthly log review only from 2027 (${lang})`);
    await page.locator(`${A} #bd-sum-so-decision`).selectOption('conditionally_approved');
    await page.locator(`${A} #bd-sum-so-decision-conditions`).fill(`Badge and PIN for everyone before go-live (${lang})`);
    await page.locator(`${A} #bd-sum-so-decided-by`).fill(`A. Bakker ${lang}`);
    await page.locator(`${A} #bd-sum-so-decided-by-role`).fill('Gemeentesecretaris');
    await page.locator(`${A} #bd-sum-so-decision-date`).fill('2027-03-01');
    await page.locator(`${A} #bd-sum-so-dpo-name`).fill('K. Smit');
    await page.locator(`${A} #bd-sum-so-dpo-advice-date`).fill('2027-02-12');
    await page.locator(`${A} #bd-sum-so-views-summary`).fill(`The works council agreed (${lang})`);
    await page.locator(`${A} #bd-sum-so-kept-under-review-by`).fill('CISO');
    await shoot(page, `${A} [data-testid="summary-signoff"]`, `record-screen-${lang}.png`);

    // The wizard shows the record's status for the same question.
    await page.locator(`${A} nav .bd-nav-item:not(.bd-nav-results)`).last().click();
    assert.ok(await page.locator(`${A} #bd-q_gov_dpo_followed-partly_reasons`).isChecked(), 'the wizard shows the record value');
    await page.locator(`${A} #bd-q-q_gov_dpo_followed [data-testid="in-record"]`).waitFor();
    await page.locator(`${A} [data-testid="nav-summary"]`).click();
    await summary.waitFor();

    // Sign.
    assert.ok(!(await sign.isDisabled()), 'the decision is recorded: signing is possible');
    await sign.click();
    const frozen = page.locator(`${A} [data-testid="versions"] [data-testid="frozen"]`);
    await frozen.waitFor();
    assert.equal(await page.locator(`${A} #bd-sum-so-decision`).count(), 0, 'the signed record has no controls');
    const shown = (await frozen.locator('code').innerText()).replace(/\s+/g, '');
    assert.match(shown, /^[0-9a-f]{64}$/, 'a SHA-256 fingerprint is shown');
    assert.match(await frozen.innerText(), ui.signed, 'who signed and when (the time of signing)');
    const saved = await stored(page, (x) => x.versions?.length === 1);
    assert.equal(saved.versions.length, 1, 'the signed version is kept in the browser');
    assert.equal(saved.versions[0].fingerprint, shown, 'with the fingerprint shown');
    assert.equal(saved.revision, 1);
    await shoot(page, `${A} [data-testid="versions"]`, `record-signed-${lang}.png`);

    // Printed: the record, the version and its fingerprint.
    const signed = await print(page, `record-signed-${lang}`);
    const text = squash(signed.raw);
    assert.match(signed.raw.replace(/\s+/g, ' '), ui.signed, 'who signed and when, printed');
    for (const v of [ui.fingerprint, ui.decision, ui.date, `Badge and PIN for everyone before go-live (${lang})`, `The works council agreed (${lang})`]) {
      assert.ok(text.includes(squash(v)), `"${v}" printed`);
    }
    assert.ok(text.includes(shown), 'the whole fingerprint printed');
    assert.ok(text.includes(squash(`${ui.running} ${shown.slice(0, 8)}`)), 'the running header names the signed version');
    await shootPages(signed.pdf, signed.raw, ui.fingerprint, `record-pdf-${lang}`);

    // The wizard is read-only too.
    await page.locator(`${A} nav .bd-nav-item:not(.bd-nav-results)`).first().click();
    await page.locator(`${A} .bd-main [data-testid="frozen"]`).waitFor();
    const fields = page.locator(`${A} .bd-main fieldset.bd-section-fields`).first();
    assert.notEqual(await fields.getAttribute('disabled'), null, 'the questions are in a disabled fieldset');
    assert.ok(await fields.locator('input').first().isDisabled(), 'their inputs are disabled');
    await page.screenshot({ path: path.join(SHOTS, `record-wizard-frozen-${lang}.png`) });

    // A new revision: editable again, the signed version kept and printable.
    await page.locator(`${A} .bd-main [data-testid="start-revision"]`).click();
    assert.ok(!(await fields.locator('input').first().isDisabled()), 'revision 2 is editable');
    await page.locator(`${A} [data-testid="nav-summary"]`).click();
    await summary.waitFor();
    await page.locator(`${A} #bd-sum-so-decided-by`).fill(`B. de Vries ${lang}`);
    const draft = await print(page, `record-draft-${lang}`);
    assert.ok(squash(draft.raw).includes(squash(ui.draft)), 'the draft revision says what it is');
    assert.ok(squash(draft.raw).includes(shown), 'and the fingerprint of the version it follows');
    const after = await stored(page, (x) => x.revision === 2);
    assert.equal(after.revision, 2);
    assert.equal(after.versions.length, 1);
    assert.equal(after.versions[0].fingerprint, shown, 'the signed version is unchanged');

    await page.locator(`${A} [data-testid="show-version"]`).click();
    await page.locator(`${A} [data-testid="viewing-version"]`).waitFor();
    assert.equal(await page.locator(`${A} #bd-sum-so-decided-by`).count(), 0, 'the signed version is read-only');
    const old = await print(page, `record-version1-${lang}`);
    const oldText = squash(old.raw);
    assert.ok(oldText.includes(squash(`A. Bakker ${lang}`)) && !oldText.includes(squash(`B. de Vries ${lang}`)), 'version 1 prints as signed');
    assert.ok(oldText.includes(shown), 'with its fingerprint');
    await page.locator(`${A} [data-testid="back-to-working"]`).click();
    assert.equal(await page.locator(`${A} #bd-sum-so-decided-by`).inputValue(), `B. de Vries ${lang}`, 'back to revision 2');
  });
}

export async function decisionRecordSignedAndFrozenEnglish() {
  await recordAndSign('en');
}

export async function decisionRecordSignedAndFrozenDutch() {
  await recordAndSign('nl');
}

// Advice not followed (the DPO fix of the decision record): with the reasons recorded (the
// wizard fills them in) the results and the print show a documented deviation and no risk
// from it; with the reasons removed in the record, the same answer raises unlawful processing
// and both say so.
const DEVIATION = {
  en: {
    named: 'Advice not followed',
    documented: 'a documented deviation from the advice',
    missing: 'so this answer raises a risk',
  },
  nl: {
    named: 'Advies niet opgevolgd',
    documented: 'een gedocumenteerde afwijking van het advies',
    missing: 'dus levert dit antwoord een risico op',
  },
};

async function adviceNotFollowed(lang) {
  const d = DEVIATION[lang];
  await withApp({ name: `deviation-${lang}`, path: `/?lang=${lang}&org=Gemeente%20Voorbeeld` }, async ({ page }) => {
    await page.locator(`${A}[lang="${lang}"]`).waitFor();
    await completeWizard(page, { q_gov_dpo_advice: 'yes', q_gov_dpo_followed: 'not_followed' });
    const deviation = page.locator(`${A} [data-testid="deviation"]`);
    await deviation.waitFor();
    let text = squash(await deviation.innerText());
    assert.ok(text.includes(squash(d.named)) && text.includes(squash(d.documented)), `documented on the results: ${text}`);

    await page.locator(`${A} [data-testid="nav-summary"]`).click();
    await page.locator(`${A} [data-testid="summary"]`).waitFor();
    assert.notEqual(await page.locator(`${A} #bd-sum-so-reasons`).inputValue(), '', 'the wizard answer is the record reasons');
    const documented = squash((await print(page, `deviation-documented-${lang}`)).raw);
    assert.ok(documented.includes(squash(d.documented)), 'printed: a documented deviation');

    await page.locator(`${A} #bd-sum-so-reasons`).fill('');
    await page.locator(`${A} [data-testid="nav-results"]`).click();
    await deviation.waitFor();
    text = squash(await deviation.innerText());
    assert.ok(text.includes(squash(d.missing)), `no reasons on the results: ${text}`);
    await page.locator(`${A} [data-testid="nav-summary"]`).click();
    await page.locator(`${A} [data-testid="summary"]`).waitFor();
    const missing = squash((await print(page, `deviation-missing-${lang}`)).raw);
    assert.ok(missing.includes(squash(d.missing)) && !missing.includes(squash(d.documented)), 'printed: no reasons, a risk');
  });
}

export async function adviceNotFollowedIsARiskOnlyWithoutReasonsEnglish() {
  await adviceNotFollowed('en');
}

export async function adviceNotFollowedIsARiskOnlyWithoutReasonsDutch() {
  await adviceNotFollowed('nl');
}
