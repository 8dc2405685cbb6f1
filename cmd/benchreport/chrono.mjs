// Times chrono-node (the baseline of BenchmarkRealArticles) on the
// articles given on stdin as JSON {"runs": N, "articles": [{"text", "ref"}]}:
// chrono.parse on each article on its own, with its publication date as
// the reference, after one warm-up run. Prints JSON {"bytes", "seconds"
// (per run), "matches"}. Run with chrono-node installed in the current
// directory (make bench installs it in a scratch directory).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(process.cwd() + '/');
const chrono = require('chrono-node');
const input = JSON.parse(readFileSync(0, 'utf8'));
const articles = input.articles.map((a) => ({ text: a.text, ref: new Date(a.ref + 'T00:00:00Z') }));
let bytes = 0;
for (const a of articles) bytes += Buffer.byteLength(a.text);

const run = () => {
	let n = 0;
	for (const a of articles) n += chrono.parse(a.text, a.ref).length;
	return n;
};
run();
const start = process.hrtime.bigint();
let matches = 0;
for (let i = 0; i < input.runs; i++) matches = run();
const seconds = Number(process.hrtime.bigint() - start) / 1e9 / input.runs;
console.log(JSON.stringify({ bytes, seconds, matches }));
