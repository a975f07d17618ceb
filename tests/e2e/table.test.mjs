// Table questions (issue 15) end to end, in English and Dutch: rows are added, filled in and
// removed with the mouse and with the keyboard, each cell labelled for screen readers; a reload
// keeps them; export then import keeps them; the summary prints them as a table.
// Screenshots of the input and of the printed table go to /tmp/shots/table-*.png.
import fs from 'node:fs/promises';
import { APP_SELECTOR, assert, printToText, withApp } from './lib.mjs';
import { $, openManager } from './storage-lib.mjs';

const SHOTS = '/tmp/shots';

const TEXTS = {
  en: {
    empty: 'No rows yet.',
    rows: (n) => `${n} ${n === 1 ? 'row' : 'rows'}; at most 20.`,
    cell: 'Organisation, row 1',
    remove: 'Remove row 2',
    headers: ['Organisation', 'Role', 'Contact point'],
    roles: { controller: 'Controller', processor: 'Processor', sub_processor: 'Sub-processor' },
    imported: 'was imported as a separate copy',
    partial: 'Partially implemented',
  },
  nl: {
    empty: 'Nog geen rijen.',
    rows: (n) => `${n} ${n === 1 ? 'rij' : 'rijen'}; hoogstens 20.`,
    cell: 'Organisatie, rij 1',
    remove: 'Rij 2 verwijderen',
    headers: ['Organisatie', 'Rol', 'Aanspreekpunt'],
    roles: { controller: 'Verwerkingsverantwoordelijke', processor: 'Verwerker', sub_processor: 'Subverwerker' },
    imported: 'is als aparte kopie geïmporteerd',
    partial: 'Gedeeltelijk uitgevoerd',
  },
};

const ROWS = [
  { name: 'Gemeente Utrecht', role: 'controller', contact: 'fg@utrecht.example' },
  { name: 'Acme Biometrics BV', role: 'processor', contact: 'privacy@acme.example' },
  { name: 'Hosting “Noord” 🙂', role: 'sub_processor', contact: 'Amsterdam' },
];

/** The id of the focused element, looking into shadow roots. */
const focusedId = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.id || el?.getAttribute('data-testid') || el?.tagName;
  });

/** The rows of the q_parties input as they are shown, one object per row. */
async function shownRows(page) {
  const out = [];
  const rows = page.locator($('#bd-q-q_parties tbody tr'));
  for (let i = 0; i < (await rows.count()); i++) {
    out.push({
      name: await page.locator(`#bd-q_parties-${i}-name`).inputValue(),
      role: await page.locator(`#bd-q_parties-${i}-role`).inputValue(),
      contact: await page.locator(`#bd-q_parties-${i}-contact`).inputValue(),
    });
  }
  return out;
}

async function openDescription(page) {
  await page.locator($('nav .bd-nav-item button')).nth(1).click();
  await page.locator($('#bd-q-q_parties')).waitFor();
}

async function tableRun(lang) {
  const t = TEXTS[lang];
  await withApp({ name: `table-${lang}` }, async ({ page }) => {
    await page.locator($('[data-testid="lang"]')).selectOption(lang);
    await page.locator(`${APP_SELECTOR}[lang="${lang}"]`).waitFor();
    // An answer that raises risks, so that the action plan has measures (see the end).
    await page.locator('label[for="bd-q_identification_mode-unsure"]').click();
    await openDescription(page);
    const q = page.locator($('#bd-q-q_parties'));
    assert.match(await q.innerText(), new RegExp(t.empty));
    const add = q.locator('[data-testid="table-add"]');

    // With the mouse: add a row; the focus goes to its first cell, labelled "column, row n".
    await add.click();
    assert.equal(await focusedId(page), 'bd-q_parties-0-name');
    assert.equal(await page.locator('#bd-q_parties-0-name').getAttribute('aria-label'), t.cell);
    await page.locator('#bd-q_parties-0-name').fill(ROWS[0].name);
    await page.locator('#bd-q_parties-0-role').selectOption(ROWS[0].role);
    await page.locator('#bd-q_parties-0-contact').fill(ROWS[0].contact);

    // With the keyboard alone: Enter on "Add a row", type, Tab to the role, choose, Tab on.
    await add.focus();
    await page.keyboard.press('Enter');
    assert.equal(await focusedId(page), 'bd-q_parties-1-name');
    await page.keyboard.type(ROWS[1].name);
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'bd-q_parties-1-role');
    await page.locator('#bd-q_parties-1-role').selectOption(ROWS[1].role);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ROWS[1].contact);
    await page.keyboard.press('Tab');
    assert.equal(await q.locator('button[aria-label]').nth(1).getAttribute('aria-label'), t.remove);
    assert.ok(await q.locator('button[aria-label]').nth(1).evaluate((b) => b.matches(':focus')), 'Tab reaches the remove button');

    // A third row, removed again with the keyboard: the focus goes back to "Add a row".
    await add.click();
    await page.locator('#bd-q_parties-2-name').fill('weg');
    await q.locator('button[aria-label]').nth(2).focus();
    await page.keyboard.press('Enter');
    assert.equal(await q.locator('tbody tr').count(), 2);
    assert.equal(await focusedId(page), 'table-add');
    await add.click();
    await page.locator('#bd-q_parties-2-name').fill(ROWS[2].name);
    await page.locator('#bd-q_parties-2-role').selectOption(ROWS[2].role);
    await page.locator('#bd-q_parties-2-contact').fill(ROWS[2].contact);
    assert.equal(await q.locator('.bd-counter').innerText(), t.rows(3));
    assert.deepEqual(await shownRows(page), ROWS);
    await fs.mkdir(SHOTS, { recursive: true });
    await q.screenshot({ path: `${SHOTS}/table-input-${lang}.png` });

    // Reload: the rows are back (saved as they were typed).
    await page.waitForFunction(
      (name) => Object.values(localStorage).some((v) => v.includes(name)),
      ROWS[2].contact,
    );
    await page.reload();
    // The language is the page's choice, not the assessment's: chosen again.
    await page.locator(APP_SELECTOR).waitFor();
    await page.locator($('[data-testid="lang"]')).selectOption(lang);
    await page.locator(`${APP_SELECTOR}[lang="${lang}"]`).waitFor();
    await openDescription(page);
    assert.deepEqual(await shownRows(page), ROWS, 'rows kept after a reload');

    // Export, then import as a new assessment: the same rows.
    await openManager(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator($('[data-testid="export"]')).first().click(),
    ]);
    const exported = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
    assert.equal(exported.format, 6);
    assert.deepEqual(exported.answers.q_parties, { table: ROWS });
    await page.locator($('[data-testid="import"]')).setInputFiles(await download.path());
    // The file is of the assessment in this browser: the merge is offered; a copy is imported.
    await page.locator($('[data-testid="merge-offer"] [data-testid="import-copy"]')).click();
    await page.locator($('[data-testid="status"]')).getByText(t.imported).waitFor();
    await page.locator($('[data-testid="open-imported"]')).click();
    await openDescription(page);
    assert.deepEqual(await shownRows(page), ROWS, 'rows kept by export and import');

    // The summary prints the table: headers, texts, the labels of the choices.
    await page.locator($('[data-testid="nav-summary"]')).click();
    const printed = page.locator($('[data-testid="summary"] [data-testid="summary-table-q_parties"]'));
    await printed.waitFor();
    const headers = await printed.locator('thead th').allInnerTexts();
    assert.deepEqual(headers, t.headers);
    const cells = await printed.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.innerText)),
    );
    assert.deepEqual(
      cells,
      ROWS.map((r) => [r.name, t.roles[r.role], r.contact]),
    );
    await page.locator($('[data-testid="summary"] [data-section="0"]')).screenshot({ path: `${SHOTS}/table-summary-${lang}.png` });
    // And so does the PDF: every cell, in row order.
    const { text } = await printToText(page);
    await page.emulateMedia({ media: 'screen' });
    const flat = text.replace(/\s+/g, ' ');
    let at = flat.indexOf(t.headers[2]);
    assert.ok(at >= 0, 'the printed table has its headers');
    for (const r of ROWS.slice(0, 2)) {
      for (const cell of [r.name, t.roles[r.role], r.contact]) {
        const next = flat.indexOf(cell, at);
        assert.ok(next > at, `printed, in order: ${cell}`);
        at = next;
      }
    }

    // The EDPB template's "partially implemented" in the action plan: chosen on the results
    // page, shown so in the summary.
    await page.locator($('[data-testid="nav-results"]')).click();
    await page.locator($('.bd-plan select')).first().selectOption('partial');
    await page.locator($('[data-testid="nav-summary"]')).click();
    const planRow = page.locator($('[data-testid="summary-plan-row"]')).filter({ hasText: t.partial });
    await planRow.first().waitFor();
    assert.equal(await planRow.locator('select').first().inputValue(), 'partial');
  });
}

export const tableRowsAreAddedKeptExportedAndPrintedInEnglish = () => tableRun('en');
export const tableRowsAreAddedKeptExportedAndPrintedInDutch = () => tableRun('nl');
