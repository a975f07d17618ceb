// The printed summary in Firefox (issue 15 item 6): Debian's firefox-esr driven by
// puppeteer-core over WebDriver BiDi (no browser download), printing the same assessment to PDF
// in English and Dutch; pdftotext reads it back. Checked:
//  - the cover has page 1 to itself, and every part of the report starts a page;
//  - no heading is left at the foot of a page without what follows it;
//  - the text can be searched: every heading of the summary is in the PDF's text as the page
//    shows it (ligature glyphs such as "ﬁ" would make "fingerprint" unfindable), and the risk
//    map's labels are text;
//  - the decision and every safeguard of the action plan are printed.
// Page numbers: Firefox ESR 140 has no @page margin boxes (checked, also with
// layout.css.margin-rules.enabled), so "page / pages" comes from Firefox's own print footer
// (on by default in its print dialog; BiDi printing has none). The PDFs and 60 dpi PNGs of
// their pages are kept in target/e2e/firefox-<lang>.* for a human to look at.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import { APP_SELECTOR, ARTIFACTS, DIST, ROOT, assert, startServer } from './lib.mjs';

const run = promisify(execFile);
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const $ = (s) => `${APP_SELECTOR} ${s}`;
const squash = (s) => s.replace(/\s+/g, '');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'exports', 'archive_door_2026.11.2.json');

async function withFirefox(fn) {
  await fs.access(FIREFOX).catch(() => {
    throw new Error(`${FIREFOX} is missing: scripts/setup.sh installs Debian's firefox-esr`);
  });
  const server = await startServer({ root: DIST });
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await fn(page, server.url);
    assert.deepEqual(errors, [], 'no script error in Firefox');
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Imports the archive-door assessment and opens its summary, in `lang`. */
async function openSummary(page, url, lang) {
  await page.goto(`${url}?lang=${lang}`);
  await (await page.waitForSelector($('[data-testid="nav-assessments"]'))).click();
  const input = await page.waitForSelector($('[data-testid="import"]'));
  await input.uploadFile(FIXTURE);
  await (await page.waitForSelector($('[data-testid="open-imported"]'))).click();
  await (await page.waitForSelector($('[data-testid="nav-summary"]'))).click();
  await page.waitForSelector($('[data-testid="summary"]'));
}

async function printedSummary(lang) {
  await withFirefox(async (page, url) => {
    await openSummary(page, url, lang);
    const dom = await page.evaluate((sel) => {
      const root = document.querySelector(`${sel} [data-testid="summary"]`);
      // What prints: the document table, without the on-screen controls.
      const texts = (q) => [...root.querySelectorAll(`.bd-sum-doc ${q}`)]
        .filter((e) => !e.closest('.bd-sum-edit, .bd-sr'))
        .map((e) => e.textContent.trim()).filter(Boolean);
      return {
        docTitle: root.querySelector('.bd-sum-doctitle')?.textContent.trim(),
        verdict: root.querySelector('[data-testid="verdict"] .bd-verdict-title, .bd-sum-verdict h3, .bd-sum-verdict strong')?.textContent.trim(),
        // The first heading of each part (each a row of the document table, after the cover).
        partHeads: [...root.querySelectorAll('.bd-sum-doc > tbody > tr')].slice(1)
          .map((tr) => tr.querySelector('h3')?.textContent.trim()).filter(Boolean),
        headings: texts('h3, h4, h5'),
        safeguards: texts('.bd-sum-plan-title'),
        mapLabels: texts('.bd-hm-axis-title, .bd-hm-cell-label'),
        // Words a ligature ("ﬁ", "ﬂ", "ﬀ") would hide from a search, in the printed text.
        ligatureWords: (() => {
          const words = new Set();
          const walk = document.createTreeWalker(root.querySelector('.bd-sum-doc'), NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            if (n.parentElement.closest('.bd-sum-edit, .bd-sr')) continue;
            for (const w of n.data.match(/\p{L}*(?:fi|fl|ff)\p{L}*/gu) ?? []) words.add(w);
          }
          return [...words];
        })(),
      };
    }, APP_SELECTOR);
    assert.ok(dom.docTitle && dom.partHeads.length >= 5 && dom.safeguards.length > 0, JSON.stringify(dom).slice(0, 300));

    await fs.mkdir(ARTIFACTS, { recursive: true });
    const pdf = path.join(ARTIFACTS, `firefox-${lang}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await run('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')]);
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 << 20 });
    const pages = stdout.split('\f').filter((p) => p.trim() !== '');
    const lines = (p) => p.split('\n').map((l) => l.trim()).filter(Boolean);
    // -raw keeps the content-stream order: a table cell's wrapped lines stay together.
    const all = squash((await run('pdftotext', ['-raw', pdf, '-'], { maxBuffer: 64 << 20 })).stdout);
    assert.ok(pages.length >= 6, `several pages, got ${pages.length}`);

    // The cover alone on page 1 (line 1 of every page is the running header).
    assert.ok(squash(pages[0]).includes(squash(dom.docTitle)), 'the cover is on page 1');
    assert.ok(!squash(pages[0]).includes(squash(dom.partHeads[0])), `"${dom.partHeads[0]}" is not on the cover's page`);
    // Every part starts a page: its heading is the first line after the running header.
    for (const h of dom.partHeads) {
      assert.ok(pages.some((p) => squash(lines(p)[1] ?? '') === squash(h)), `"${h}" starts a page`);
    }
    // No heading at the foot of a page.
    const heads = new Set(dom.headings.map(squash));
    pages.forEach((p, i) => {
      const last = lines(p).at(-1);
      assert.ok(!heads.has(squash(last)), `page ${i + 1} ends with the heading "${last}"`);
    });
    // Searchable text: headings, safeguards and the risk map's labels as shown.
    for (const h of [...dom.headings, ...dom.safeguards, ...dom.mapLabels]) {
      assert.ok(all.includes(squash(h)), `"${h}" can be found in the PDF's text`);
    }
    assert.ok(dom.ligatureWords.length >= 3, `words with fi, fl or ff: ${dom.ligatureWords}`);
    // (Lower case: some labels are set in capitals by CSS.)
    const lower = all.toLowerCase();
    for (const w of dom.ligatureWords) assert.ok(lower.includes(w.toLowerCase()), `"${w}" can be found in the PDF's text`);
  });
}

export async function firefoxPrintsTheSummaryInEnglish() {
  await printedSummary('en');
}

export async function firefoxPrintsTheSummaryInDutch() {
  await printedSummary('nl');
}
