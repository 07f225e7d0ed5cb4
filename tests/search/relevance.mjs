// Runs a relevance suite against a built index with the same engine the browser uses.
//   node tests/search/relevance.mjs <built site> <queries.json>
// Prints one JSON line per query, then a summary line (JSON, with MRR and the share of top-3 hits),
// and exits 1 when any expectation fails.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { check, reciprocalRank, summary } from "./relevance_expectations.mjs";

const [site, queriesFile] = process.argv.slice(2);
const { SearchIndex } = await import(pathToFileURL(path.resolve(site, "assets/search/engine.js")).href);
const index = new SearchIndex("/search/", (url) => readFile(path.join(site, url), "utf8"));
const queries = JSON.parse(await readFile(queriesFile, "utf8"));

let failures = 0;
const ranks = [];
for (const query of queries) {
  const answer = await index.search(query, 50);
  const results = {
    services: answer.services.map((hit) => ({ url: hit.u, ages: hit.a })),
    pages: answer.pages.map((hit) => ({ url: hit.u })),
    glossary: answer.glossary.map((hit) => ({ url: hit.u })),
    total: answer.total,
    best: answer.best ? { url: answer.best.u } : null,
    age: answer.age,
  };
  const problems = check(query, results);
  ranks.push(reciprocalRank(query, results));
  if (problems.length) failures += 1;
  console.log(JSON.stringify({ q: query.q, age: query.age, top: answer.services.slice(0, 3).map((hit) => hit.u), total: answer.total, problems }));
}
const totals = summary(ranks);
console.log(JSON.stringify({ summary: totals.text, mrr: totals.mrr, top3Share: totals.top3Share, passed: queries.length - failures, failed: failures }));
process.exit(failures ? 1 : 0);
