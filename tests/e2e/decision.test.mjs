// The decision as a DPO meets it in the browser: the EDPB template's outcomes, an export made
// under the previous question bank that imports and gets the new decision, planning that never
// approves, and a fresh assessment that shows no approval. The fixtures are the exports of
// tests/fixtures/exports/, also checked natively in tests/decision_migration.rs.
import path from 'node:path';
import { APP_SELECTOR, ROOT, assert, withApp } from './lib.mjs';

const $ = (sel) => `${APP_SELECTOR} ${sel}`;
const fixture = (name) => path.join(ROOT, 'tests', 'fixtures', 'exports', name);

async function openManager(page) {
  await page.locator($('[data-testid="nav-assessments"]')).click();
  await page.locator($('[data-testid="manager"]')).waitFor();
}

/** Imports a file from the assessments list and opens it. */
async function importAndOpen(page, file) {
  await openManager(page);
  await page.locator($('[data-testid="import"]')).setInputFiles(file);
  // The status names the import in the page's language; the button to open it follows it.
  await page.locator($('[data-testid="open-imported"]')).click();
}

async function decision(page) {
  await page.locator($('[data-testid="nav-results"]')).click();
  const verdict = page.locator($('[data-testid="verdict"]'));
  await verdict.waitFor();
  return verdict.innerText();
}

export async function aFreshAssessmentIsNotAssessedYet() {
  await withApp({ name: 'decision-fresh' }, async ({ page }) => {
    const text = await decision(page);
    assert.match(text, /Not assessed yet/);
    assert.doesNotMatch(text, /Approved|approved/);
  });
}

export async function theBankVaultImportedFromTheOldBankIsApprovedOnceTheNewQuestionIsAnswered() {
  await withApp({ name: 'decision-vault' }, async ({ page }) => {
    await importAndOpen(page, fixture('bank_vault_2026.11.2.json'));
    // Under bank 2026.11.2 this was "Prior consultation with the supervisory authority
    // required". The bank has since gained one question, so the decision is provisional.
    let text = await decision(page);
    assert.match(text, /Conditionally approved/);
    assert.match(text, /Provisional/);
    // Answer it (the competent supervisory authority, in the screening section).
    await page.locator($('nav .bd-nav-item button')).first().click();
    await page.locator('label[for="bd-q_competent_authority-ap"]').click();
    text = await decision(page);
    assert.match(text, /\nApproved\n/);
    assert.doesNotMatch(text, /Conditionally/);
    assert.doesNotMatch(text, /Provisional/);
    // The assessments list shows the same decision.
    await openManager(page);
    const row = page.locator($('[data-testid="assessment-row"][aria-current="true"]'));
    assert.match(await row.innerText(), /Approved/);
  });
}

export async function planningAloneNeverApprovesAndAnUnplannedMeasureBlocks() {
  await withApp({ name: 'decision-archive' }, async ({ page }) => {
    // The archive door of the DPO review: most measures planned, one required measure not.
    // Under bank 2026.11.2 this was "Proceed with the listed safeguards".
    await importAndOpen(page, fixture('archive_door_2026.11.2.json'));
    const text = await decision(page);
    assert.match(text, /Not yet approvable: required measures are not planned/);
  });
}

export async function theDecisionIsWrittenInDutchAsADpoWouldWriteIt() {
  await withApp({ name: 'decision-nl', path: '/?lang=nl' }, async ({ page }) => {
    await importAndOpen(page, fixture('archive_door_2026.11.2.json'));
    const text = await decision(page);
    assert.match(text, /Besluit\s*Nog niet goed te keuren: vereiste maatregelen zijn niet gepland/i);
    assert.match(text, /eigenaar en een uiterste datum in het actieplan/);
  });
}
