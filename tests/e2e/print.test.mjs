// The printed summary a DPO signs and files. A completed assessment (every visible question
// answered by clicking, long texts typed into every text question) is printed to PDF by
// headless Chromium with print media, exactly as "Save as PDF" does; pdftotext then reads
// the PDF back. Checked, in English and in Dutch:
//  - printing from the results page (not the summary step) still prints the summary;
//  - the verdict, the score, every recommended safeguard and every cited finding (as listed
//    on the results page) are in the PDF, with title, organisation, plan and sign-off data
//    typed on the summary page;
//  - no interactive chrome: no Next/Back/Print buttons, no navigation, no form fields;
//  - every long text is printed completely (whitespace aside) up to its end marker, and no
//    word lies outside the printable width of the A4 page;
//  - the running header and "page / pages" are on every page.
// The PDFs and 60 dpi PNGs of their pages are kept in target/e2e/ for a human to look at.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { englishInDutch } from './dutch-terms.mjs';
import { APP_SELECTOR, ARTIFACTS, assert, formatAxe, runAxe, withApp } from './lib.mjs';

const run = promisify(execFile);
const A = APP_SELECTOR;

const UI = {
  en: {
    chrome: ['Next', 'Back', 'See results', 'Print / save as PDF', 'Skip to content', 'Current risk', 'Back to results', 'Start a new assessment'],
    answered: /\d+ of \d+ answered/,
    docTitle: 'Data protection impact assessment (DPIA)',
    due: '15 December 2026',
    signoff: ['Decision record', 'Decision of the controller', 'Decided by', 'Date of the decision', 'Measures approved by', 'Residual risk accepted by', 'Data protection officer (name)', 'Advice of the data protection officer (DPO)', "Date of the DPO's advice", 'DPO advice followed', 'DPO advice accepted or overruled by', 'Views of data subjects or their representatives (GDPR Art. 35(9))', 'Consultation responses reviewed by', 'This DPIA is kept under review by', 'Review date'],
    record: { decision: 'Conditionally approved', partly: 'Partly', pending: 'Advice requested but not yet received', review: '31 March 2027', decided: '1 March 2027', advised: '12 February 2027' },
    // The EDPB DPIA template's sections, in order (each starts a page), and some of its fields.
    sections: ['0 Overview of the processing', '1 Systematic description of the processing', '2 Analysis of compliance',
      '3 Considerations on necessity and proportionality', '4 Risk assessment and management', '5 Involvement of interested parties',
      '6 Conclusion and decision', 'Annex A. Other answers', 'Annex B. Regulator findings cited'],
    fields: ['0.5 DPIA technical sheet', '1.1.a Processed personal data', '2.1 Lawfulness', '2.3.b Data subject rights', '2.3.e Security (GDPR Art. 32)',
      '3.2 Necessity', '3.3 Proportionality', '4.1.c Inherent risk', '4.2.c Plan: activities, owners and timelines', '5.1 Advice of the data protection officer (DPO)'],
    // The eight rows of 2.3.a, in the template's order.
    principlesField: '2.3.a Principles (GDPR Art. 5(1))',
    principles: ['Fairness (GDPR Art. 5(1)(a))', 'Transparency (GDPR Art. 5(1)(a))', 'Purpose limitation (GDPR Art. 5(1)(b))',
      'Data minimisation (GDPR Art. 5(1)(c))', 'Accuracy (GDPR Art. 5(1)(d))', 'Storage limitation (GDPR Art. 5(1)(e))',
      'Integrity and confidentiality (GDPR Art. 5(1)(f))', 'Accountability (GDPR Art. 5(2))'],
    // The five rows of 2.3.b.
    rights: ['Information (GDPR Arts. 12 to 14)', 'Access and data portability (GDPR Arts. 15 and 20)',
      'Rectification and erasure (GDPR Arts. 16, 17 and 19)', 'Objection and restriction of processing (GDPR Arts. 18, 19 and 21)',
      'Automated individual decisions (GDPR Art. 22)'],
  },
  nl: {
    chrome: ['Volgende', 'Vorige', 'Naar de uitkomst', 'Afdrukken / opslaan als pdf', 'Naar de inhoud', 'Huidig risico', 'Terug naar de uitkomst', 'Nieuwe beoordeling starten'],
    answered: /\d+ van \d+ beantwoord/,
    docTitle: 'Gegevensbeschermingseffectbeoordeling (DPIA)',
    due: '15 december 2026',
    signoff: ['Besluit en vaststelling', 'Besloten door', 'Datum van het besluit', 'Maatregelen goedgekeurd door', 'Restrisico aanvaard door', 'Naam van de FG', 'Advies van de functionaris voor gegevensbescherming (FG)', 'Datum van het advies van de FG', 'Advies van de FG opgevolgd', 'Advies van de FG aanvaard of terzijde gelegd door', 'Standpunten van betrokkenen of hun vertegenwoordigers (art. 35 lid 9 AVG)', 'Reacties uit de raadpleging beoordeeld door', 'Deze DPIA wordt bewaakt door', 'Datum herbeoordeling'],
    record: { decision: 'Goedgekeurd onder voorwaarden', partly: 'Gedeeltelijk', pending: 'Advies gevraagd maar nog niet ontvangen', review: '31 maart 2027', decided: '1 maart 2027', advised: '12 februari 2027' },
    sections: ['0 Overzicht van de verwerking', '1 Systematische beschrijving van de verwerking', '2 Analyse van de naleving',
      '3 Noodzakelijkheid en evenredigheid', '4 Risicobeoordeling en risicobeheersing', '5 Betrokkenheid van belanghebbenden',
      '6 Conclusie en besluit', 'Bijlage A. Overige antwoorden', 'Bijlage B. Aangehaalde besluiten van toezichthouders'],
    fields: ['0.5 Gegevens over deze DPIA', '1.1.a Verwerkte persoonsgegevens', '2.1 Rechtmatigheid', '2.3.b Rechten van betrokkenen', '2.3.e Beveiliging (art. 32 AVG)',
      '3.2 Noodzakelijkheid', '3.3 Evenredigheid', '4.1.c Inherent risico', '4.2.c Uitvoering: activiteiten, verantwoordelijken en termijnen', '5.1 Advies van de functionaris voor gegevensbescherming (FG)'],
    principlesField: '2.3.a Beginselen (art. 5 lid 1 AVG)',
    principles: ['Behoorlijkheid (art. 5 lid 1 onder a AVG)', 'Transparantie (art. 5 lid 1 onder a AVG)', 'Doelbinding (art. 5 lid 1 onder b AVG)',
      'Minimale gegevensverwerking (art. 5 lid 1 onder c AVG)', 'Juistheid (art. 5 lid 1 onder d AVG)', 'Opslagbeperking (art. 5 lid 1 onder e AVG)',
      'Integriteit en vertrouwelijkheid (art. 5 lid 1 onder f AVG)', 'Verantwoordingsplicht (art. 5 lid 2 AVG)'],
    rights: ['Informatie (art. 12 tot en met 14 AVG)', 'Inzage en overdraagbaarheid (art. 15 en 20 AVG)',
      'Rectificatie en gegevenswissing (art. 16, 17 en 19 AVG)', 'Bezwaar en beperking van de verwerking (art. 18, 19 en 21 AVG)',
      'Geautomatiseerde individuele besluitvorming (art. 22 AVG)'],
  },
};

/**
 * Answers chosen in the wizard rather than by hash: the DPO's advice is sought and "not yet
 * received" there, and the decision record then says "partly followed" (the DPO review's
 * case): the printout must show only the record's status.
 */
const WIZARD_CHOICE = { q_gov_dpo_advice: 'yes', q_gov_dpo_followed: 'pending' };

/** All whitespace removed: line wrapping in the PDF must not matter. */
const squash = (s) => s.replace(/\s+/g, '');
/** Without the bidi isolation marks around a user's text. */
const unmark = (s) => s.replace(/[\u2066-\u2069]/g, '');

/** A deterministic small hash, to spread the chosen options over the bank. */
function hash(s) {
  let h = 7;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

/**
 * `max` characters of prose in paragraphs, with one very long unbroken token (which must
 * wrap, not overflow), ending in a unique marker.
 */
function longText(tag, max) {
  const end = ` END-OF-${tag}`;
  const parts = [];
  let n = 0;
  let len = 0;
  while (len < max) {
    n++;
    let p = `${tag} sentence ${n}: enrolment happens at the staff entrance, templates are stored on the badge and matched on the reader.`;
    if (n % 4 === 0) p += '\n\n';
    else if (n % 7 === 0) p += '\n';
    else p += ' ';
    if (n === 3) p += `Token${'abcdefghij'.repeat(30)} `;
    parts.push(p);
    len += p.length;
  }
  return parts.join('').slice(0, max - end.length) + end;
}

/** Answers every visible, unanswered question of the current section; returns the texts typed. */
async function answerSection(page, lang) {
  const typed = [];
  for (let round = 0; round < 10; round++) {
    let changed = 0;
    // Tables may stay empty (tests/e2e/table.test.mjs prints them).
    for (const fs_ of await page.locator(`${A} .bd-main fieldset.bd-q:not(.bd-q-table)`).all()) {
      if ((await fs_.locator('input:checked').count()) > 0) continue;
      const qid = (await fs_.getAttribute('id')).replace(/^bd-q-/, '');
      const inputs = await fs_.locator('input[type=radio], input[type=checkbox]').all();
      const chosen = WIZARD_CHOICE[qid] && fs_.locator(`#bd-${qid}-${WIZARD_CHOICE[qid]}`);
      const target = chosen ?? inputs[hash(qid + lang) % inputs.length];
      await fs_.locator(`label[for="${await target.getAttribute('id')}"]`).click();
      changed++;
    }
    for (const area of await page.locator(`${A} .bd-main textarea`).all()) {
      if ((await area.inputValue()) !== '') continue;
      const id = await area.getAttribute('id');
      const max = Number(await area.getAttribute('maxlength'));
      const text = longText(`${lang.toUpperCase()}-${id.replace(/^bd-/, '')}`, max);
      await area.fill(text);
      assert.equal(await area.inputValue(), text, `${id} took the whole text`);
      typed.push(text);
      changed++;
    }
    if (changed === 0) break;
  }
  return typed;
}

/** Clicks through every section; returns every text typed. */
async function completeWizard(page, lang) {
  const sections = await page.locator(`${A} nav .bd-nav-item:not(.bd-nav-results)`).count();
  assert.ok(sections >= 8, `expected at least 8 sections, found ${sections}`);
  const typed = [];
  for (let i = 0; i < sections; i++) {
    typed.push(...(await answerSection(page, lang)));
    await page.locator(`${A} [data-testid="next"]`).click();
  }
  await page.locator(`${A} [data-testid="verdict"]`).waitFor();
  return typed;
}

async function pdfToText(pdf, ...args) {
  const { stdout } = await run('pdftotext', [...args, pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Prints the page to `name`.pdf in target/e2e with print media, as "Save as PDF" does. */
async function printPdf(page, name) {
  await fs.mkdir(ARTIFACTS, { recursive: true });
  const pdf = path.join(ARTIFACTS, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const info = (await run('pdfinfo', [pdf])).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  // -raw keeps the content-stream order: a table cell's wrapped lines stay together.
  const raw = await pdfToText(pdf, '-raw');
  return { pdf, info, pages, raw, text: raw.replace(/\s+/g, ' ') };
}

/** Every word's box lies within the printable width of its page (A4, 14 mm side margins). */
async function assertNothingOverflows(pdf) {
  const bbox = await pdfToText(pdf, '-bbox');
  const pageW = Number(/<page width="([\d.]+)"/.exec(bbox)[1]);
  const margin = (14 / 25.4) * 72;
  const out = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
    .filter((m) => Number(m[1]) < margin - 2 || Number(m[2]) > pageW - margin + 2)
    .map((m) => `${m[3]} (${m[1]}-${m[2]})`);
  assert.deepEqual(out.slice(0, 10), [], `words outside the printable width ${margin.toFixed(0)}-${(pageW - margin).toFixed(0)} pt`);
}

/** Renders every page at 60 dpi next to the PDF, for looking at. */
async function renderPages(pdf) {
  const prefix = pdf.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-png', '-r', '60', pdf, prefix]);
}

async function printedSummary(lang) {
  const ui = UI[lang];
  await withApp({ name: `print-${lang}`, path: `/?lang=${lang}&org=Gemeente%20Voorbeeld` }, async ({ page }) => {
    await page.locator(`${A}[lang="${lang}"]`).waitFor();
    const typed = await completeWizard(page, lang);

    // What the results page shows is what the printout must carry.
    const verdict = (await page.locator(`${A} [data-testid="verdict"] .bd-verdict-title`).innerText()).trim();
    const score = (await page.locator(`${A} [data-testid="score"] .bd-score-num`).innerText()).trim();
    const safeguards = await page.locator(`${A} [data-testid="recommendation"] h4`).allInnerTexts();
    const findings = await page.locator(`${A} .bd-finding h4`).allInnerTexts();
    assert.ok(safeguards.length > 0, 'the answers lead to recommended safeguards');
    assert.ok(findings.length > 0, 'the answers cite regulator findings');

    // 1. Printing from the results step prints the summary, not the results page.
    const fromResults = await printPdf(page, `print-${lang}-from-results`);
    assert.ok(fromResults.text.includes(ui.docTitle), 'printing from the results page prints the summary');
    assert.ok(fromResults.text.includes(verdict));

    // 2. The summary step: details, action plan and sign-off, edited on screen.
    // Through the results page's button in one language, the navigation in the other.
    await page.locator(`${A} [data-testid="${lang === 'nl' ? 'to-summary' : 'nav-summary'}"]`).click();
    const summary = page.locator(`${A} [data-testid="summary"]`);
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'bd-summary-title', 'focus moves to the summary heading');
    assert.equal(await page.locator(`${A} [data-testid="summary-org"]`).inputValue(), 'Gemeente Voorbeeld', 'organisation defaults to the host option');
    const title = `Toegang met vingerafdruk ${lang.toUpperCase()} — hoofdkantoor`;
    await page.locator(`${A} [data-testid="summary-title"]`).fill(title);
    await page.locator(`${A} #bd-sum-so-measures`).fill(`Jan Jansen, directeur ${lang}`);
    await page.locator(`${A} #bd-sum-so-residual`).fill(`Petra de Vries, CISO ${lang}`);
    const advice = longText(`${lang.toUpperCase()}-ADVICE`, 5000);
    await page.locator(`${A} #bd-sum-so-advice`).fill(advice);
    await page.locator(`${A} #bd-sum-so-followed`).selectOption('partly_reasons');
    await page.locator(`${A} #bd-sum-so-review`).fill('2027-03-31');
    // The rest of the decision record (what is typed, for the checks below).
    const recordTyped = [`Badge-and-PIN route before go-live ${lang}`, `Mr. A. Bakker ${lang}`, `Gemeentesecretaris ${lang}`, `Drs. K. Smit ${lang}`,
      `Log review starts in 2027 ${lang}`, `College van B en W ${lang}`, `The works council agreed on condition of a badge route ${lang}`,
      `P. Jansen, privacy counsel ${lang}`, `Information security team ${lang}`];
    await page.locator(`${A} #bd-sum-so-decision`).selectOption('conditionally_approved');
    await page.locator(`${A} #bd-sum-so-decision-conditions`).fill(`Badge-and-PIN route before go-live ${lang}`);
    await page.locator(`${A} #bd-sum-so-decided-by`).fill(`Mr. A. Bakker ${lang}`);
    await page.locator(`${A} #bd-sum-so-decided-by-role`).fill(`Gemeentesecretaris ${lang}`);
    await page.locator(`${A} #bd-sum-so-decision-date`).fill('2027-03-01');
    await page.locator(`${A} #bd-sum-so-dpo-name`).fill(`Drs. K. Smit ${lang}`);
    await page.locator(`${A} #bd-sum-so-dpo-advice-date`).fill('2027-02-12');
    await page.locator(`${A} #bd-sum-so-reasons`).fill(`Log review starts in 2027 ${lang}`);
    await page.locator(`${A} #bd-sum-so-dpo-advice-decided-by`).fill(`College van B en W ${lang}`);
    await page.locator(`${A} #bd-sum-so-views-summary`).fill(`The works council agreed on condition of a badge route ${lang}`);
    await page.locator(`${A} #bd-sum-so-consultation-reviewed-by`).fill(`P. Jansen, privacy counsel ${lang}`);
    await page.locator(`${A} #bd-sum-so-kept-under-review-by`).fill(`Information security team ${lang}`);
    const firstOwner = page.locator(`${A} [data-testid="summary-plan-row"] input[type=text]`).first();
    await firstOwner.fill(`Owner-${lang}-0001`);
    await page.locator(`${A} [data-testid="summary-plan-row"] input[type=date]`).first().fill('2026-12-15');
    await page.locator(`${A} [data-testid="summary-plan-row"] select`).first().selectOption('planned');
    await page.locator(`${A} [data-testid="summary-doc-title"]`, { hasText: title }).waitFor();
    // What a measure changes is worked out against the action plan, so planning one can change
    // the others' priority: read the recommendations and the decision again as the results
    // page now shows them, and come back.
    await page.locator(`${A} [data-testid="nav-results"]`).click();
    const decisionNow = (await page.locator(`${A} [data-testid="verdict"] .bd-verdict-title`).innerText()).trim();
    const safeguardsNow = await page.locator(`${A} [data-testid="recommendation"] h4`).allInnerTexts();
    await page.locator(`${A} [data-testid="nav-summary"]`).click();
    await summary.waitFor();
    const runningTitle = await summary.locator('.bd-sum-running-title').innerText();
    const runningMeta = await summary.locator('.bd-sum-running-meta').innerText();
    const tableHeads = await summary.locator('table.bd-sum-table > thead').allInnerTexts();

    const out = await printPdf(page, `print-${lang}`);
    await renderPages(out.pdf);
    const { text, raw, info, pages } = out;

    assert.match(info, /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/, 'A4 pages');
    assert.doesNotMatch(info, /Form:\s+AcroForm/, 'no form fields in the PDF');
    assert.ok(pages >= 5, `a complete assessment takes several pages, got ${pages}`);

    assert.ok(text.includes(ui.docTitle));
    assert.ok(text.includes(decisionNow), `decision "${decisionNow}" printed`);
    assert.match(text, new RegExp(`(^|\\s)${score}\\s?/100`), `score ${score}/100 printed`);
    for (const s of safeguardsNow) assert.ok(squash(raw).includes(squash(s)), `safeguard "${s}" printed`);
    for (const f of findings) {
      // "Authority (CC), date: subject": each part on its own, whatever the line breaks.
      const [, authority, subject] = /^(.*?) \(.*?\), .*?: (.*)$/.exec(f);
      assert.ok(squash(raw).includes(squash(authority)), `finding authority "${authority}" printed`);
      assert.ok(squash(raw).includes(squash(subject)), `finding subject "${subject}" printed`);
      assert.ok(squash(raw).includes(squash(f)), `finding "${f}" printed as one heading`);
    }
    const all = squash(raw);
    const has = (s) => all.includes(squash(s));
    assert.ok(has(title), 'title printed');
    assert.ok(has('Gemeente Voorbeeld'), 'organisation printed');
    assert.ok(has(`Owner-${lang}-0001`) && has(ui.due), 'action plan owner and due date printed');
    assert.ok(has(`Jan Jansen, directeur ${lang}`) && has(`Petra de Vries, CISO ${lang}`), 'sign-off names printed');
    for (const label of ui.signoff) assert.ok(has(label), `decision record label "${label}" printed`);
    // The decision record as typed, dates as the language writes them.
    const r = ui.record;
    for (const v of [r.review, r.decided, r.advised]) assert.ok(has(v), `date "${v}" printed`);
    assert.ok(!has('2027-03-31') && !has('2027-03-01'), 'no ISO date printed in the record');
    for (const v of recordTyped) {
      assert.ok(has(v), `decision record value "${v}" printed`);
    }
    assert.ok(has(r.decision), `the controller's decision "${r.decision}" printed`);
    // One DPO status on every page: the record's ("partly"), never the wizard's old "pending".
    assert.ok(has(r.partly), 'the DPO advice status printed');
    assert.ok(!has(r.pending), `"${r.pending}" is not printed anywhere`);

    // The report follows the EDPB DPIA template: its sections in order, each at the top of a
    // page (the first line after the running header), its fields in the body.
    const pageTexts = raw.split('\f').filter((p) => p.trim() !== '');
    let from = 0;
    for (const h of ui.sections) {
      const at = all.indexOf(squash(h), from);
      assert.ok(at >= 0, `section "${h}" printed after the one before`);
      from = at;
      // The page's text without its running header and page number (isolation marks aside).
      const bare = (p, i) => [runningTitle, runningMeta].map(unmark).reduce((x, s) => x.split(squash(s)).join(''), unmark(squash(p)))
        .replace(`${i + 1}/${pageTexts.length}`, '');
      const page = pageTexts.findIndex((p) => squash(p).includes(squash(h)));
      assert.ok(bare(pageTexts[page], page).startsWith(squash(h)), `"${h}" starts page ${page + 1}: ${bare(pageTexts[page], page).slice(0, 80)}`);
    }
    for (const f of ui.fields) assert.ok(has(f), `field "${f}" printed`);
    // 2.3.a: the measures under the eight principles, in the template's order, before 2.3.b.
    let at = all.indexOf(squash(ui.principlesField));
    assert.ok(at >= 0, `"${ui.principlesField}" printed`);
    for (const p of ui.principles) {
      const next = all.indexOf(squash(p), at);
      assert.ok(next > at, `principle "${p}" printed in 2.3.a after the one before`);
      at = next;
    }
    assert.ok(at < all.indexOf(squash(ui.fields[3])), 'the principles come before 2.3.b');
    // 2.3.b: the rights in the template's five rows, in order, before 2.3.c.
    at = all.indexOf(squash(ui.fields[3]));
    for (const r of ui.rights) {
      const next = all.indexOf(squash(r), at);
      assert.ok(next > at, `rights row "${r}" printed in 2.3.b after the one before`);
      at = next;
    }
    assert.ok(at < all.indexOf(squash(ui.fields[4])), 'the rights come before 2.3.e');

    // No word of the action plan is broken inside its column without a hyphen
    // ("Noodzake/lijk"): every word of its rows, as the page shows them, is whole in the PDF.
    // (A split whose two parts are words of their own, "gebruik / en", is two words.)
    const words = (await summary.locator('[data-testid="summary-plan-row"]').allInnerTexts())
      .join(' ').split(/[^\p{L}]+/u).filter(Boolean);
    const known = new Set(words.map((w) => w.toLowerCase()));
    const planWords = new Set(words.filter((w) => w.length >= 6));
    assert.ok(planWords.size > 5, 'the action plan has words to check');
    const broken = [];
    for (const w of planWords) {
      for (let k = 2; k <= w.length - 2; k++) {
        const [a, b] = [w.slice(0, k), w.slice(k)];
        if (known.has(a.toLowerCase()) && known.has(b.toLowerCase())) continue;
        if (new RegExp(`(?<!\\p{L})${a}\\n${b}(?!\\p{L})`, 'u').test(raw)) broken.push(`${a}/${b}`);
      }
    }
    assert.deepEqual(broken, [], 'words broken inside an action plan column');
    // A Dutch report is Dutch throughout: no English legal term, no English text of the bank
    // or the UI (what the user typed aside).
    if (lang === 'nl') {
      const user = [...typed, advice, title, `Owner-${lang}-0001`, `Jan Jansen, directeur ${lang}`, `Petra de Vries, CISO ${lang}`, ...recordTyped];
      const { terms, labels } = englishInDutch(raw, user);
      assert.deepEqual(terms, [], 'English legal terms in the Dutch PDF');
      assert.deepEqual(labels, [], 'English texts of the bank or the UI in the Dutch PDF');
    }

    // No interactive chrome.
    for (const label of ui.chrome) {
      const re = new RegExp(`(^|\\s)${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\s|$)`);
      assert.doesNotMatch(text, re, `"${label}" (a button or navigation label) is not printed`);
    }
    assert.doesNotMatch(text, ui.answered, 'the progress bar is not printed');

    // The running header and the page numbers are on every page.
    const perPage = raw.split('\f').filter((p) => p.trim() !== '');
    assert.equal(perPage.length, pages);
    perPage.forEach((p, i) => {
      assert.ok(squash(p).includes(squash(runningTitle)), `running header title on page ${i + 1}`);
      assert.ok(squash(p).includes(squash(runningMeta)), `running header details on page ${i + 1}`);
      assert.ok(squash(p).includes(`${i + 1}/${pages}`), `page number ${i + 1}/${pages} on page ${i + 1}`);
    });

    // Every long text completely, in order: what a page break puts in the middle of a text
    // (running header, page number, the repeated header row of a table) is taken out first.
    const cut = (p, s) => p.split(squash(s)).join('');
    const body = perPage
      .map((p, i) => [runningTitle, runningMeta, ...tableHeads].reduce(cut, squash(p)).replace(`${i + 1}/${pages}`, ''))
      .join('');
    // The DPO's advice typed in the wizard is the record's advice: the one typed in the record
    // afterwards replaced it, everywhere.
    const wizardAdvice = typed.find((t) => t.endsWith('-q_gov_dpo_summary'));
    assert.ok(wizardAdvice, 'the wizard asked for the DPO advice');
    assert.ok(!body.includes(squash(wizardAdvice.slice(wizardAdvice.lastIndexOf(' END-OF-') + 1))), 'the replaced advice is not printed');
    for (const t of [...typed.filter((t) => t !== wizardAdvice), advice]) {
      const end = t.slice(t.lastIndexOf(' END-OF-') + 1);
      assert.ok(body.includes(end), `end marker ${end} printed`);
      assert.ok(body.includes(squash(t)), `the whole text ending ${end} printed (${t.length} characters)`);
    }
    await assertNothingOverflows(out.pdf);
  });
}

export async function printedSummaryEnglish() {
  await printedSummary('en');
}

export async function printedSummaryDutch() {
  await printedSummary('nl');
}

export async function summaryPageIsAccessible() {
  await withApp({ name: 'print-axe', path: '/?lang=nl' }, async ({ page }) => {
    await answerSection(page, 'nl');
    await page.locator(`${A} [data-testid="nav-summary"]`).click();
    await page.locator(`${A} [data-testid="summary"]`).waitFor();
    const violations = await runAxe(page);
    assert.deepEqual(violations.map((v) => v.id), [], formatAxe(violations));
    // The risk map is one image with a text alternative, and its legend is text.
    const map = page.locator(`${A} [data-testid="heatmap"] svg[role="img"]`);
    assert.equal(await map.count(), 1);
    assert.match(await page.locator(`${A} #bd-hm-desc`).textContent(), /\S/);
  });
}

/**
 * Ctrl+P from a wizard step prints the summary as it is now: the print copy is brought up to
 * date before printing (it is not rendered on every answer). An answer is given and changed on
 * the first section, and each time the PDF is printed at once (no waiting): the annex of
 * answers carries the answer just chosen, and the cover the live score.
 */
export async function printingFromAWizardStepPrintsTheCurrentAnswers() {
  await withApp({ name: 'print-current', path: '/?lang=en' }, async ({ page }) => {
    // A single-choice question of the first section with two options of different labels.
    const question = page.locator(`${A} .bd-main fieldset.bd-q`).filter({ has: page.locator('input[type=radio]') }).first();
    const text = (await question.locator('legend').innerText()).trim();
    const labels = await question.locator('.bd-option label').allInnerTexts();
    const [first, second] = labels.map((l) => l.trim()).filter((l, i, all) => all.indexOf(l) === i);
    assert.ok(first && second && first !== second, `two options to choose between in "${text}"`);
    const live = page.locator(`${A} [data-testid="live-risk"] .bd-live-score`);
    for (const [n, label] of [first, second, first].entries()) {
      const before = await live.innerText();
      await question.locator('label', { hasText: label }).first().click();
      if (n === 0) await page.waitForFunction((b) => document.querySelector('#biodpia [data-testid="live-risk"] .bd-live-score')?.textContent !== b, before);
      const score = /(\d+)\/100/.exec(await live.innerText())?.[1];
      const { raw } = await printPdf(page, `print-current-${n}`);
      const all = squash(raw);
      assert.ok(all.includes(squash('Data protection impact assessment (DPIA)')), 'the summary is printed');
      // Annex A: the question, then the answer chosen just now.
      assert.ok(all.includes(squash(text) + squash(label)), `printout ${n} shows "${label}" as the answer to "${text}"`);
      const other = label === first ? second : first;
      assert.ok(!all.includes(squash(text) + squash(other)), `printout ${n} no longer shows "${other}"`);
      assert.ok(score && all.includes(`${score}/100`), `printout ${n} carries the live score ${score}/100`);
    }
    // Still on the wizard step, nothing of it printed.
    assert.equal(await page.locator(`${A} [data-testid="summary"]`).count(), 0);
  });
}
