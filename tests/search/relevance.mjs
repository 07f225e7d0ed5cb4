// Runs the relevance suite against the built index with the same engine the browser uses.
//   node tests/search/relevance.mjs <built site> <queries.json>
// Prints one JSON line per query and exits 1 when any expectation fails.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { check } from "./relevance_expectations.mjs";

const [site, queriesFile] = process.argv.slice(2);
const { SearchIndex } = await import(pathToFileURL(path.resolve(site, "assets/search/engine.js")).href);
const index = new SearchIndex("/search/", (url) => readFile(path.join(site, url), "utf8"));
const queries = JSON.parse(await readFile(queriesFile, "utf8"));

let failures = 0;
for (const query of queries) {
  const answer = await index.search(query, 50);
  const problems = check(query, {
    services: answer.services.map((hit) => ({ url: hit.u, ages: hit.a })),
    // The best answer, shown above everything, is the first information page or glossary entry.
    pages: [...(answer.best && answer.best.k === "p" ? [answer.best] : []), ...answer.pages].map((hit) => ({ url: hit.u })),
    total: answer.total,
  });
  if (problems.length) failures += 1;
  console.log(JSON.stringify({ q: query.q, age: query.age, top: answer.services.slice(0, 3).map((hit) => hit.u), problems }));
}
console.log(`${queries.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
