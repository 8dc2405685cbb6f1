// Times chrono-node on the articles BenchmarkTimexNews gives it, each
// parsed on its own against its publication date, as "dateline timex"
// reads them in the same benchmark run.
//
//   node chrono-bench.cjs CHRONO_DIR ARTICLES.json
//
// CHRONO_DIR holds node_modules/chrono-node (make bench installs it in a
// scratch directory); ARTICLES.json is [{"text": ..., "dct": "YYYY-MM-DD"}].
// After one untimed pass, which lets the JIT warm up, it prints
// {"version", "bytes"} as a line of JSON, then runs a timed pass for each
// line it reads and prints {"seconds", "cpu_seconds" (the CPU time of the
// whole process, its collector and compiler included), "found"}; so the
// benchmark can take turns with it, and both see the same machine.
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const { createRequire } = require("module");

const [dir, file] = process.argv.slice(2);
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
process.stdout.write(JSON.stringify({ version, bytes }) + "\n");
readline.createInterface({ input: process.stdin }).on("line", () => {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const found = pass();
  const used = process.cpuUsage(cpu);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, cpu_seconds: (used.user + used.system) / 1e6, found }) + "\n");
});
