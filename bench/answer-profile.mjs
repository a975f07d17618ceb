// Where the main thread's time goes when an answer changes (issue 14): one headless Chromium
// page with the archive-door assessment imported, 20 answer changes on one wizard step, each
// from the click to the next frame's commit, traced; prints the median main-thread CPU per
// answer and the trace events that take it (thread time, summed per event name, nested events
// counted in their parents too). Figures only; never fails.
//
//   node bench/answer-profile.mjs [dist] [--throttle 4]
import { answerClicks, answerPage, distAndThrottle } from './answer-page.mjs';

const [dist, throttle] = distAndThrottle(process.argv.slice(2));
const { browser, page, close } = await answerPage(dist, throttle);
try {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  await page.evaluate(answerClicks, 20);
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
} finally {
  await close();
}
