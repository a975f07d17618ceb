// Where the main thread's time goes when an answer changes (issue 14): one headless Chromium
// page with the archive-door assessment imported, 20 answer changes on one wizard step, each
// from the click to the next frame's commit, traced; prints the median main-thread CPU per
// answer and the trace events that take it (thread time, summed per event name, nested events
// counted in their parents too). Figures only; never fails.
//
//   node bench/answer-profile.mjs [dist] [--throttle 4]
import path from 'node:path';
import { APP_SELECTOR, ROOT, launchBrowser, startServer } from '../tests/e2e/lib.mjs';

const args = process.argv.slice(2);
const dist = path.resolve(args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--throttle') ?? 'dist');
const throttle = Number(args[args.indexOf('--throttle') + 1] ?? 1) || 1;
const $ = (s) => `${APP_SELECTOR} ${s}`;
const server = await startServer({ root: dist });
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(`${server.url}?lang=en`);
  await page.locator($('[data-testid="nav-assessments"]')).click();
  await page.locator($('[data-testid="import"]')).setInputFiles(path.join(ROOT, 'tests/fixtures/exports/archive_door_2026.11.2.json'));
  await page.locator($('[data-testid="open-imported"]')).click();
  // The necessity step: several single-choice questions, all answered.
  await page.locator($('nav .bd-nav-item')).nth(3).click();
  await page.waitForTimeout(3000);
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  await page.evaluate(async (n) => {
    const radios = [...document.querySelectorAll('#biodpia .bd-question input[type=radio]')];
    const q = radios[0].name;
    const [a, b] = radios.filter((r) => r.name === q);
    for (let i = 0; i < n; i++) {
      performance.mark(`c${i}`);
      (i % 2 ? a : b).click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      performance.mark(`f${i}`);
      await new Promise((r) => setTimeout(r, 120));
    }
  }, 20);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents ?? trace;
  const m0 = events.find((e) => e.name === 'c0');
  const main = events.filter((e) => e.pid === m0.pid && e.tid === m0.tid && e.ph === 'X');
  const marks = Object.fromEntries(events.filter((e) => e.cat?.includes('user_timing')).map((e) => [e.name, e.ts]));
  const per = [];
  const byName = new Map();
  for (let i = 0; marks[`c${i}`]; i++) {
    const [from, to] = [marks[`c${i}`], marks[`f${i}`]];
    const inside = main.filter((e) => e.ts >= from && e.ts < to);
    per.push(inside.filter((e) => e.name === 'RunTask').reduce((s, e) => s + (e.tdur ?? e.dur), 0) / 1000);
    for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? e.dur) / 1000);
  }
  const n = per.length;
  per.sort((x, y) => x - y);
  console.log(`answer-profile: ${n} answers, CPU throttle ${throttle}x; main-thread CPU per answer (click -> frame): median ${per[n >> 1].toFixed(2)} ms, p95 ${per[Math.min(n - 1, Math.floor(n * 0.95))].toFixed(2)} ms`);
  for (const [name, ms] of [...byName].sort((x, y) => y[1] - x[1]).slice(0, 18)) {
    console.log(`  ${name.padEnd(34)} ${(ms / n).toFixed(2).padStart(7)} ms per answer`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
