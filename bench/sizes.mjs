// Transfer sizes for bench/bench.sh: raw, gzip -9 and brotli -q 11 of each file, and a total.
//
//   node bench/sizes.mjs "<title>" [--target-gzip BYTES] [--stretch-gzip BYTES] file...
//
// Uses the gzip and brotli command-line tools when they are installed (scripts/setup.sh
// installs brotli), else node's zlib at the same levels (sizes then differ by a few bytes).
// kB = 1000 bytes, as browsers' network panels count.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const title = args.shift() ?? 'sizes';
let target;
let stretch;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--target-gzip') target = Number(args[++i]);
  else if (args[i] === '--stretch-gzip') stretch = Number(args[++i]);
  else files.push(args[i]);
}

const has = (tool) => {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const cliGzip = has('gzip');
const cliBrotli = has('brotli');

function gzip(file, data) {
  if (cliGzip) return execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 30 }).length;
  return zlib.gzipSync(data, { level: 9 }).length;
}
function brotli(file, data) {
  if (cliBrotli) return execFileSync('brotli', ['-q', '11', '-c', file], { maxBuffer: 1 << 30 }).length;
  return zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
}

const kb = (n) => (n / 1000).toFixed(1).padStart(8);
const row = (name, r, g, b) =>
  `  ${name.padEnd(38)} ${String(r).padStart(9)} ${kb(r)} kB ${String(g).padStart(9)} ${kb(g)} kB ${String(b).padStart(9)} ${kb(b)} kB`;

console.log(`${title}`);
console.log(`  ${'file'.padEnd(38)} ${'raw'.padStart(21)} ${'gzip -9'.padStart(21)} ${'brotli -q 11'.padStart(21)}`);
const total = [0, 0, 0];
for (const file of files) {
  let data;
  try {
    data = fs.readFileSync(file);
  } catch {
    console.log(`  ${path.basename(file).padEnd(38)} missing`);
    continue;
  }
  const s = [data.length, gzip(file, data), brotli(file, data)];
  s.forEach((v, i) => (total[i] += v));
  console.log(row(path.basename(file), ...s));
}
if (files.length > 1) console.log(row('total', ...total));
if (!cliGzip || !cliBrotli) console.log(`  (node zlib used for ${[!cliGzip && 'gzip', !cliBrotli && 'brotli'].filter(Boolean).join(' and ')})`);
if (target) {
  const ok = total[1] <= target;
  const st = stretch ? `; stretch ${kb(stretch).trim()} kB: ${total[1] <= stretch ? 'met' : 'NOT met'}` : '';
  console.log(`  target: total gzip ${kb(total[1]).trim()} kB, at most ${kb(target).trim()} kB: ${ok ? 'met' : 'NOT met'}${st}`);
}
