// The summary as a Word document. A completed assessment, with title, action plan and sign-off
// typed on the summary page, is downloaded with "Download as Word (.docx)" (built in the browser:
// no request leaves the page); LibreOffice (soffice, installed by scripts/setup.sh) converts
// the file to text and to PDF. Checked, in English and in Dutch: the file name, that LibreOffice
// reads it, and that its text holds the decision, every risk, every measure of the action plan
// with its status and owner, and the sign-off, as the summary page shows them, and the annex of
// review comments (a comment with its evaluation, a reply, resolved) after section 6.
// The .docx, the PDF and 60 dpi PNGs of its pages are kept in target/e2e/ (docx-<lang>*).
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { APP_SELECTOR, ARTIFACTS, assert, completeWizard, withApp } from './lib.mjs';

const run = promisify(execFile);
const A = APP_SELECTOR;

const UI = {
  en: { button: 'Download as Word (.docx)', due: '15 December 2026', review: '31 March 2027',
    whole: ['Priority', 'Must', 'negligible', 'limited', 'significant', 'maximum', 'Likelihood', 'Severity'],
    annex: 'Annex: review comments', annexA: 'Annex A. Other answers', toCorrect: 'To correct', resolved: 'Resolved', markedResolved: 'Marked resolved.',
    sections: ['0 Overview of the processing', '2.1 Lawfulness', '2.3.e Security (GDPR Art. 32)', '3 Considerations on necessity and proportionality', '6 Conclusion and decision'] },
  nl: { button: 'Downloaden als Word (.docx)', due: '15 december 2026', review: '31 maart 2027',
    whole: ['Prioriteit', 'Noodzakelijk', 'verwaarloosbaar', 'beperkt', 'aanzienlijk', 'maximaal', 'Waarschijnlijkheid', 'Ernst'],
    annex: 'Bijlage: opmerkingen bij de beoordeling', annexA: 'Bijlage A. Overige antwoorden', toCorrect: 'Te corrigeren', resolved: 'Opgelost', markedResolved: 'Gemarkeerd als opgelost.',
    sections: ['0 Overzicht van de verwerking', '2.1 Rechtmatigheid', '2.3.e Beveiliging (art. 32 AVG)', '3 Noodzakelijkheid en evenredigheid', '6 Conclusie en besluit'] },
};

/** soffice, or a clear failure: the test needs LibreOffice and setup.sh installs it. */
async function soffice() {
  try {
    await run('soffice', ['--version']);
  } catch (err) {
    throw new Error(
      `soffice (LibreOffice) is not available (${err.code ?? err.message}): run scripts/setup.sh, ` +
        'which installs Debian\'s libreoffice-writer-nogui',
    );
  }
  return 'soffice';
}

/** Converts `file` with LibreOffice to `format` (e.g. "txt:Text", "pdf") in `dir`; returns the output path. */
async function convert(file, format, dir) {
  // An own profile: no clash with another LibreOffice running on the machine.
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'biodpia-lo-'));
  try {
    await run(
      await soffice(),
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', dir, file],
      { timeout: 120_000 },
    );
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  const out = path.join(dir, `${path.basename(file, '.docx')}.${format.split(':')[0]}`);
  await fs.access(out).catch(() => {
    throw new Error(`LibreOffice wrote no ${out}: it could not read ${file}`);
  });
  return out;
}

async function wordDocument(lang) {
  await soffice();
  const ui = UI[lang];
  await withApp({ name: `docx-${lang}`, path: `/?lang=${lang}&org=Gemeente%20Voorbeeld` }, async ({ page, requests }) => {
    await page.locator(`${A}[lang="${lang}"]`).waitFor();
    await completeWizard(page);

    // A review comment with an evaluation on the first question, a reply, resolved: the
    // document's annex of review comments holds them.
    const reviewer = `Dirk de Vries (${lang === 'en' ? 'DPO' : 'FG'})`;
    const comment = `Name the doors ${lang}.`;
    const reply = `Only the main entrance ${lang}.`;
    await page.locator(`${A} nav .bd-nav-item:not(.bd-nav-results) button`).first().click();
    const q = page.locator(`${A} .bd-question-block [data-testid="review"]`).first();
    await q.locator('[data-testid="review-toggle"]').click();
    await q.locator('[data-testid="review-name"]').fill(reviewer);
    await q.locator('[data-testid="review-text"]').fill(comment);
    await q.locator('[data-testid="review-evaluation"]').selectOption('to_correct');
    await q.locator('[data-testid="review-add"]').click();
    const thread = q.locator('[data-testid="thread"]');
    await thread.locator('[data-testid="review-reply-text"]').fill(reply);
    await thread.locator('[data-testid="review-reply"]').click();
    await thread.locator('[data-testid="comment"]').nth(1).waitFor();
    await thread.locator('[data-testid="review-resolve"]').click();
    await q.locator('[data-testid="thread"][data-state="resolved"]').waitFor();

    await page.locator(`${A} [data-testid="nav-summary"]`).click();
    const summary = page.locator(`${A} [data-testid="summary"]`);
    await summary.waitFor();

    // Title, sign-off and every editable line of the action plan, typed as a user would.
    const title = `Toegang <vingerafdruk> & "badge" ${lang.toUpperCase()}`;
    await page.locator(`${A} [data-testid="summary-title"]`).fill(title);
    const signoff = {
      '#bd-sum-so-measures': `Jan Jansen, directeur ${lang}`,
      '#bd-sum-so-residual': `Petra de Vries, CISO ${lang}`,
      '#bd-sum-so-advice': `Advies van de FG ${lang}: akkoord onder voorwaarden.`,
      '#bd-sum-so-reasons': `Redenen ${lang}`,
    };
    for (const [sel, value] of Object.entries(signoff)) await page.locator(`${A} ${sel}`).fill(value);
    await page.locator(`${A} #bd-sum-so-followed`).selectOption('partly_reasons');
    await page.locator(`${A} #bd-sum-so-review`).fill('2027-03-31');
    const rows = page.locator(`${A} [data-testid="summary-plan-row"]`);
    const n = await rows.count();
    assert.ok(n >= 2, `the answers lead to an action plan, got ${n} rows`);
    let edited = 0;
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      if ((await row.locator('select').count()) === 0) continue;
      // Every other line planned with an owner and a due date; the others stay as they are.
      if (i % 2 === 0) {
        await row.locator('select').selectOption('planned');
        await row.locator('input[type=text]').fill(`Owner-${lang}-${i}`);
        await row.locator('input[type=date]').fill('2026-12-15');
        edited++;
      }
    }
    assert.ok(edited > 0, 'some action plan line can be edited');

    // What the summary page shows, which the document must hold.
    const verdict = (await summary.locator('[data-testid="summary-verdict"] .bd-sum-verdict-title').innerText()).trim();
    const risks = (await summary.locator('.bd-sum-risks .bd-sum-risk-title').allInnerTexts()).map((s) => s.trim());
    assert.ok(risks.length > 0, 'the answers raise risks');
    const plan = [];
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const name = (await row.locator('.bd-sum-plan-title').innerText()).trim();
      const select = row.locator('select');
      const status = (await select.count())
        ? (await select.locator('option:checked').innerText()).trim()
        : (await row.locator('td').nth(2).locator('.bd-sum-line').first().innerText()).trim();
      const owner = (await row.locator('input[type=text]').count()) ? await row.locator('input[type=text]').inputValue() : '';
      plan.push({ name, status, owner });
    }
    const labels = await summary.locator('[data-testid="summary-signoff"] tbody th').allInnerTexts();
    // The EDPB template's headings as the summary shows them, in order.
    const headings = (await summary.locator('.bd-sum-tpl h3, .bd-sum-tpl h4, .bd-sum-tpl h5').allInnerTexts()).map((h) => h.trim());
    assert.ok(headings.length >= 45, `the template's headings, got ${headings.length}`);
    for (const h of ui.sections) assert.ok(headings.includes(h), `the summary has "${h}"`);
    assert.ok(labels.length >= 6, `the decision record has its lines, got ${labels.length}`);
    // 2.3.a: the eight principles of the template, each heading its measures.
    const principles = (await summary.locator('.bd-sum-measures .bd-sum-group th').allInnerTexts()).map((p) => p.trim());
    assert.equal(principles.length, 8, `the eight principles of 2.3.a: ${principles}`);

    // The download: built in the page, no request.
    const before = requests.urls.length;
    const button = page.locator(`${A} [data-testid="summary-docx"]`);
    assert.equal((await button.innerText()).trim(), ui.button);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    assert.match(download.suggestedFilename(), /^biodpia-toegang-vingerafdruk-badge-(en|nl)-\d{4}-\d{2}-\d{2}\.docx$/);
    assert.deepEqual(requests.urls.slice(before).filter((u) => !u.startsWith('blob:')), [], 'no request for the document');
    await fs.mkdir(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `docx-${lang}.docx`);
    await download.saveAs(file);
    const head = (await fs.readFile(file)).subarray(0, 4);
    assert.deepEqual([...head], [0x50, 0x4b, 0x03, 0x04], 'a zip file');

    // LibreOffice reads it: as text, and as PDF pages to look at.
    const txt = await fs.readFile(await convert(file, 'txt:Text', ARTIFACTS), 'utf8');
    const pdf = await convert(file, 'pdf', ARTIFACTS);
    await run('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')]);
    const info = (await run('pdfinfo', [pdf])).stdout;
    assert.match(info, /Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)/, 'A4 pages');
    const lines = txt.split(/\r?\n/).map((l) => l.trim());
    const has = (s) => lines.includes(s);

    // The words of the narrow table columns (priority, risk levels, the map's axes) are never
    // broken inside, as LibreOffice lays the pages out: each is found as a whole word, and no line
    // of the PDF's text ends in the start of one whose rest follows on the next lines.
    const pdfText = (await run('pdftotext', [pdf, '-'])).stdout;
    const pdfLines = pdfText.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    const letter = /\p{L}/u;
    for (const word of ui.whole) {
      assert.ok(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u').test(pdfText), `"${word}" whole in the PDF`);
      for (let i = 0; i + 1 < pdfLines.length; i++) {
        const line = pdfLines[i];
        for (let k = 1; k < word.length; k++) {
          if (!line.endsWith(word.slice(0, k)) || letter.test(line.at(-k - 1) ?? ' ')) continue;
          // The rest of the word over the next lines, a piece per line.
          let rest = word.slice(k);
          let j = i + 1;
          let broken = false;
          while (j < pdfLines.length && rest !== '') {
            const next = pdfLines[j];
            if (next.startsWith(rest) && !letter.test(next.charAt(rest.length))) {
              broken = true;
              break;
            }
            if (!rest.startsWith(next)) break;
            rest = rest.slice(next.length);
            j++;
          }
          assert.ok(!broken, `"${word}" broken over lines: ${JSON.stringify(pdfLines.slice(i, j + 1))}`);
        }
      }
    }

    assert.ok(has(title), `title "${title}" as typed`);
    assert.ok(has('Gemeente Voorbeeld'), 'organisation');
    assert.ok(has(verdict), `decision "${verdict}"`);
    for (const r of risks) assert.ok(has(r), `risk "${r}"`);
    for (const { name, status, owner } of plan) {
      // A table row: the safeguard's cell, then its status, then its owner.
      const at = lines.findIndex((l, i) => l === name && lines[i + 1] === status && lines[i + 2] === owner);
      assert.ok(at >= 0, `action plan row "${name}" / "${status}" / "${owner}"`);
    }
    assert.ok(has(ui.due), 'due date as the language writes it');
    for (const label of labels) assert.ok(has(label.trim()), `sign-off line "${label}"`);
    for (const value of Object.values(signoff)) assert.ok(has(value), `sign-off value "${value}"`);
    assert.ok(has(ui.review), 'review date');
    // The same eight principles in the same order in 2.3.a.
    let p = lines.findIndex((l) => l.startsWith('2.3.a'));
    for (const principle of principles) {
      const at = lines.indexOf(principle, p + 1);
      assert.ok(at > p, `principle "${principle}" in 2.3.a of the document, in order`);
      p = at;
    }
    // The annex of review comments, after section 6 and before annex A: the thread resolved,
    // the comment with its evaluation, the reply, who wrote them.
    const six = lines.indexOf(ui.sections.at(-1));
    const annex = lines.indexOf(ui.annex);
    assert.ok(six >= 0 && annex > six, `"${ui.annex}" after "${ui.sections.at(-1)}"`);
    assert.ok(lines.indexOf(ui.annexA, annex) > annex, `"${ui.annex}" before "${ui.annexA}"`);
    const inAnnex = lines.slice(annex, lines.indexOf(ui.annexA, annex));
    const at = (s) => inAnnex.findIndex((l) => l === s || l.endsWith(s));
    assert.ok(at(ui.resolved) > 0, `the thread is "${ui.resolved}"`);
    const by = inAnnex.findIndex((l) => l.includes(reviewer) && l.endsWith(`· ${ui.toCorrect}`));
    assert.ok(by > at(ui.resolved), `"${reviewer}, <date> · ${ui.toCorrect}" in:\n${inAnnex.join('\n')}`);
    assert.equal(inAnnex[by + 1], comment, 'the comment under its author');
    assert.ok(at(reply) > by + 1, 'the reply after the comment');
    assert.ok(at(ui.markedResolved) > at(reply), `"${ui.markedResolved}" after the reply`);
    // The same outline: every heading of the summary, in the same order.
    let from = 0;
    for (const h of headings) {
      const at = lines.indexOf(h, from);
      assert.ok(at >= 0, `heading "${h}" in the document after line ${from}`);
      from = at + 1;
    }
  });
}

export async function wordDocumentInEnglish() {
  await wordDocument('en');
}

export async function wordDocumentInDutch() {
  await wordDocument('nl');
}
