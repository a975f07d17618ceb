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

/** The decision block of the results page as text, once it shows `title`. */
async function decisionText(page, title) {
  const block = page.locator($('[data-testid="decision"]'));
  await block.locator('.bd-verdict-title', { hasText: title }).waitFor();
  return block.innerText();
}

/** One line of the action plan on the results page: status, owner, due date. */
async function plan(page, safeguard, owner, due) {
  await page.locator($(`#bd-plan-${safeguard}-status`)).selectOption('planned');
  await page.locator($(`#bd-plan-${safeguard}-owner`)).fill(owner);
  await page.locator($(`#bd-plan-${safeguard}-due`)).fill(due);
}

// The archive door: two required measures not planned (blocking), the rest planned with owner
// and due date, and a contradiction between the UAVG 29 answer and the alternative offered to
// everyone. Planning the two in the results page's action plan gives a conditional approval
// that lists them with the owner and date just entered.
const DOOR = {
  en: {
    notPlanned: 'Not yet approvable: required measures are not planned',
    conditional: 'Conditionally approved',
    conditions: 'Conditions: required measures not yet in place',
    blocking: 'Not planned: blocks approval',
    planned: 'Planned',
    owner: 'Owner',
    due: 'Due date',
    dueMarch: '1 March 2027',
    dueFeb: '15 February 2027',
    access: 'Need-to-know access for named roles',
    encryption: 'Encryption at rest and in transit, tamper-evident access logs',
    conflicts: 'Points to resolve',
    uavg29: /Could the same level of security be achieved without biometrics.*→ No/,
    offered: /Is a non-biometric alternative actively offered to everyone.*→ Yes/,
    why: 'Why this decision',
    whatIf: /With the 5 required measures in place, the decision would be: conditionally approved\./,
  },
  nl: {
    notPlanned: 'Nog niet goed te keuren: vereiste maatregelen zijn niet gepland',
    conditional: 'Goedgekeurd onder voorwaarden',
    conditions: 'Voorwaarden: vereiste maatregelen die nog niet zijn genomen',
    blocking: 'Niet gepland: blokkeert goedkeuring',
    planned: 'Gepland',
    owner: 'Eigenaar',
    due: 'Uiterste datum',
    dueMarch: '1 maart 2027',
    dueFeb: '15 februari 2027',
    access: 'Toegang alleen voor benoemde functies die het nodig hebben',
    encryption: 'Versleuteling bij opslag en transport, manipulatiebestendige toegangslogs',
    conflicts: 'Op te lossen punten',
    uavg29: /Kan hetzelfde beveiligingsniveau worden bereikt zonder biometrie.*→ Nee/,
    offered: /Wordt iedereen actief een niet-biometrisch alternatief aangeboden.*→ Ja/,
    why: 'Waarom dit besluit',
    whatIf: /Als de 5 vereiste maatregelen zijn genomen, wordt het besluit: goedgekeurd onder voorwaarden\./,
  },
};

async function conditionsContradictionsAndWhatIfs(lang) {
  const w = DOOR[lang];
  await withApp({ name: `decision-conditions-${lang}`, path: `/?lang=${lang}` }, async ({ page }) => {
    await importAndOpen(page, fixture('archive_door_2026.11.2.json'));
    await page.locator($('[data-testid="nav-results"]')).click();
    let text = (await decisionText(page, w.notPlanned)).replace(/[\u2068\u2069]/g, '');
    // Every required measure not in place; the unplanned ones block approval.
    assert.ok(text.includes(w.conditions), text);
    const conditions = page.locator($('[data-testid="condition"]'));
    const access = conditions.filter({ hasText: w.access });
    assert.match(await access.innerText(), new RegExp(w.blocking));
    const encryption = await conditions.filter({ hasText: w.encryption }).innerText();
    assert.ok(encryption.includes(w.planned) && encryption.includes('Facilitair bedrijf') && encryption.includes(w.dueMarch),
      encryption);
    // The contradiction names both answers.
    const conflict = (await page.locator($('[data-testid="contradiction"]')).first().innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes(w.conflicts));
    assert.match(conflict, w.uavg29);
    assert.match(conflict, w.offered);
    // What would change the decision.
    assert.ok(text.includes(w.why));
    assert.match(text, w.whatIf);

    // Plan the two blocking measures with an owner and a due date.
    await plan(page, 's_access_control', 'ICT-beheer', '2027-02-15');
    await plan(page, 's_ai_act_classification', 'Inkoop', '2027-04-30');
    text = await decisionText(page, w.conditional);
    assert.doesNotMatch(text, new RegExp(w.blocking));
    const planned = (await conditions.filter({ hasText: w.access }).innerText()).replace(/\s+/g, ' ');
    assert.ok(planned.includes(w.planned) && planned.includes(`${w.owner}: ICT-beheer`) && planned.includes(`${w.due}: ${w.dueFeb}`),
      planned);
    // The summary and the assessments list show the same decision.
    await page.locator($('[data-testid="to-summary"]')).click();
    assert.match(await page.locator($('[data-testid="summary-verdict"]')).innerText(), new RegExp(w.conditional));
    await openManager(page);
    const row = page.locator($('[data-testid="assessment-row"][aria-current="true"]'));
    assert.match(await row.innerText(), new RegExp(w.conditional));
  });
}

export async function conditionsWithOwnerAndDueDateContradictionsAndWhatIfsInEnglish() {
  await conditionsContradictionsAndWhatIfs('en');
}

export async function conditionsWithOwnerAndDueDateContradictionsAndWhatIfsInDutch() {
  await conditionsContradictionsAndWhatIfs('nl');
}
