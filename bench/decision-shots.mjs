// Screenshots of the decision on the results page, for reading calibration cases as a DPO
// would (issue 12: "look at the results of three well-designed and three enforcement cases").
// Prints what it wrote; never fails on content.
//
//   BIODPIA_SCENARIO_EXPORT=/tmp/scenario-exports cargo test --test scenarios
//   trunk build --release
//   node bench/decision-shots.mjs /tmp/scenario-exports /tmp/shots-decision 10_bank 05_phone 23_voice 01_fingerprint 03_super 18_aena
//
// For each export whose name contains one of the words, in English and Dutch: the decision
// block (`<case>-<lang>.png`) and the whole results page (`<case>-<lang>-page.png`), plus the
// decision's text (`<case>-<lang>.txt`).
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_SELECTOR, DIST, launchBrowser, startServer } from '../tests/e2e/lib.mjs';

const [exportsDir, outDir, ...words] = process.argv.slice(2);
if (!exportsDir || !outDir) {
  console.log('usage: node bench/decision-shots.mjs <exports dir> <out dir> [words...]');
  process.exit(2);
}
await fs.mkdir(outDir, { recursive: true });
const files = (await fs.readdir(exportsDir))
  .filter((f) => f.endsWith('.json'))
  .filter((f) => !words.length || words.some((w) => f.includes(w)))
  .sort();

const $ = (sel) => `${APP_SELECTOR} ${sel}`;
const server = await startServer({ root: DIST });
const browser = await launchBrowser();
try {
  for (const file of files) {
    for (const lang of ['en', 'nl']) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}/?lang=${lang}&namespace=shots`);
      await page.locator(APP_SELECTOR).waitFor();
      await page.locator($('[data-testid="nav-assessments"]')).click();
      await page.locator($('[data-testid="import"]')).setInputFiles(path.join(exportsDir, file));
      await page.locator($('[data-testid="open-imported"]')).click();
      await page.locator($('[data-testid="nav-results"]')).click();
      const decision = page.locator($('[data-testid="decision"]'));
      await decision.waitFor();
      const name = `${file.replace(/\.json$/, '')}-${lang}`;
      await decision.screenshot({ path: path.join(outDir, `${name}.png`) });
      await page.screenshot({ path: path.join(outDir, `${name}-page.png`), fullPage: true });
      await fs.writeFile(path.join(outDir, `${name}.txt`), (await decision.innerText()).replace(/[\u2068\u2069]/g, ''));
      console.log(`decision-shots: ${path.join(outDir, name)}.png`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
