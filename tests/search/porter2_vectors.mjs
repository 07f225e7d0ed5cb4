// Checks the browser's Porter2 stemmer against the word<TAB>stem vectors the Swift tests use.
//   node tests/search/porter2_vectors.mjs <porter2-vocabulary.tsv>
// Prints a JSON summary with the mismatches and exits 1 when there are any.
import { readFile } from "node:fs/promises";
import { stem } from "../../templates/assets/search/porter2.js";

const [vectorsFile] = process.argv.slice(2);
const lines = (await readFile(vectorsFile, "utf8")).split("\n").filter((line) => line !== "");

const mismatches = [];
for (const [index, line] of lines.entries()) {
  const [word, expected] = line.split("\t");
  let actual;
  try {
    actual = stem(word);
  } catch (error) {
    actual = `threw ${error}`;
  }
  if (actual !== expected) mismatches.push({ line: index + 1, word, expected, actual });
}
console.log(JSON.stringify({ checked: lines.length, mismatches }));
process.exit(mismatches.length ? 1 : 0);
