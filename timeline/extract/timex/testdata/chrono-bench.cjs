// Times chrono-node on the articles BenchmarkTimexNews gives it, each
// parsed on its own against its publication date, as "dateline timex"
// reads them in the same benchmark run.
//
//   node chrono-bench.cjs CHRONO_DIR ARTICLES.json RUNS
//
// CHRONO_DIR holds node_modules/chrono-node (make bench installs it in a
// scratch directory); ARTICLES.json is [{"text": ..., "dct": "YYYY-MM-DD"}].
// One untimed pass lets the JIT warm up; then RUNS timed passes. Prints
// {"version", "bytes", "seconds" (per pass, mean), "cpu_seconds" (the CPU
// time of the whole process, its collector and compiler included: per
// pass, the least), "found"} as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

const [dir, file, runsArg] = process.argv.slice(2);
const load = createRequire(path.join(path.resolve(dir), "package.json"));
const chrono = load("chrono-node");
const version = JSON.parse(
  fs.readFileSync(path.join(dir, "node_modules", "chrono-node", "package.json"), "utf8"),
).version;

const articles = JSON.parse(fs.readFileSync(file, "utf8")).map((a) => ({
  text: a.text,
  ref: new Date(a.dct + "T00:00:00Z"),
}));
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text, "utf8"), 0);

function pass() {
  let found = 0;
  for (const a of articles) found += chrono.parse(a.text, a.ref).length;
  return found;
}

pass();
const runs = Math.max(1, Number(runsArg) || 1);
let found = 0;
let cpuSeconds = Infinity;
const start = process.hrtime.bigint();
for (let i = 0; i < runs; i++) {
  const cpu = process.cpuUsage();
  found = pass();
  const used = process.cpuUsage(cpu);
  cpuSeconds = Math.min(cpuSeconds, (used.user + used.system) / 1e6);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9 / runs;
process.stdout.write(JSON.stringify({ version, bytes, seconds, cpu_seconds: cpuSeconds, found }) + "\n");
