// Which functions take an answer's main-thread time (issue 14): like answer-profile.mjs (the
// archive-door assessment, 20 answer changes on the necessity step) but with V8's sampling
// profiler, summing self and inclusive time per function. Function names need a wasm with its
// name section: bench/bench.sh builds one (target/prof-dist) from the release wasm before
// wasm-opt strips it. Figures only; never fails.
//
//   node bench/cpu-profile.mjs [dist] [--throttle 4] [--top 40] [--match text]
import { answerClicks, answerPage, distAndThrottle } from './answer-page.mjs';

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const [dist, throttle] = distAndThrottle(args);
const top = Number(opt('--top', 40));
const match = opt('--match', null);
const n = 20;
const { page, cdp, close } = await answerPage(dist, throttle);
try {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.evaluate(answerClicks, n);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  const self = new Map();
  const total = new Map();
  const name = (x) => x.callFrame.functionName || `(${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber})`;
  for (const [id, ms] of dt) {
    const leaf = byId.get(id);
    if (['(idle)', '(program)', '(garbage collector)'].includes(leaf.callFrame.functionName)) {
      self.set(leaf.callFrame.functionName, (self.get(leaf.callFrame.functionName) ?? 0) + ms);
      continue;
    }
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + ms);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = name(byId.get(cur));
      if (seen.has(nm)) continue;
      seen.add(nm);
      total.set(nm, (total.get(nm) ?? 0) + ms);
    }
  }
  const show = (title, m) => {
    console.log(title);
    for (const [k, ms] of [...m].filter(([k]) => !match || k.includes(match)).sort((x, y) => y[1] - x[1]).slice(0, top)) {
      console.log(`  ${(ms / n).toFixed(2).padStart(7)} ms/answer  ${k.slice(0, 150)}`);
    }
  };
  console.log(`cpu-profile: ${n} answers, CPU throttle ${throttle}x`);
  show('self time:', self);
  show('inclusive time:', total);
} finally {
  await close();
}
