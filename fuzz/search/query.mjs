// Asks engine.js (the copy the build published into the site) random questions over one built index,
// and checks that it never throws and always answers sensibly.
//   node fuzz/search/query.mjs <built site> <seed> <queries> <words.json>
// Prints one JSON line: {"queries": n} or {"failure": {...}} (then exits 1).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [site, seedText, countText, wordsFile] = process.argv.slice(2);
const { SearchIndex } = await import(pathToFileURL(path.resolve(site, "assets/search/engine.js")).href);
const words = JSON.parse(await readFile(wordsFile, "utf8"));

// A small deterministic generator (mulberry32), so a failure can be replayed from its seed.
let state = Number(seedText) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

function typo(word) {
  if (word.length < 2) return word;
  const at = Math.floor(random() * word.length);
  switch (Math.floor(random() * 4)) {
    case 0: return word.slice(0, at) + word.slice(at + 1);
    case 1: return word.slice(0, at) + pick("abcdefghijklmnopqrstuvwxyz") + word.slice(at);
    case 2: return word.slice(0, at) + pick("abcdefghijklmnopqrstuvwxyz") + word.slice(at + 1);
    default: return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
  }
}

function randomText() {
  const alphabet = ["a", "é", "ß", "İ", "ı", "\u0301", "\u200b", "\u202e", "👩‍👧", "\ud800", "\udfff", "-", "'", "’", " ", "\t", "\n",
    "%", "\\", "/", "..", "*", "?", "(", ")", "[", "]", "{", "}", "<", ">", "\"", "0", "9", "__proto__", "constructor", "\0"];
  let text = "";
  const length = Math.floor(random() * 20);
  for (let i = 0; i < length; i++) text += pick(alphabet);
  return text;
}

function query() {
  const parts = [];
  const count = Math.floor(random() * 5);
  for (let i = 0; i < count; i++) {
    let word = pick(words);
    if (chance(0.2)) word = typo(word);
    if (chance(0.15)) word = word.slice(0, 1 + Math.floor(random() * word.length));
    if (chance(0.1)) word = word.toUpperCase();
    if (chance(0.1)) word = randomText();
    parts.push(word);
  }
  let q = parts.join(pick([" ", "  ", ", ", "-", "\t", " and "]));
  if (chance(0.05)) q = q.repeat(1 + Math.floor(random() * 200));
  if (chance(0.05)) q = pick(["", " ", "\u3000", "__proto__", "hasOwnProperty", "toString", "constructor", "prototype", "NaN", "undefined"]);
  if (chance(0.1)) q += " ";
  const request = { q };
  if (chance(0.3)) request.age = pick([0, 7, 25, -1, 26, 3.5, "12", "abc", "", null, 1e9, Number.NaN, "7 years"]);
  if (chance(0.2)) request.need = pick(["communication-and-interaction", "sensory-and-physical", "x", "../../etc", "", "__proto__"]);
  if (chance(0.2)) request.category = pick(["health", "education", "social-care", "nope", "../manifest", "constructor"]);
  if (chance(0.15)) request.noPlan = pick([true, false, "yes", 1]);
  if (chance(0.15)) request.selfReferral = pick([true, false, 0]);
  if (chance(0.15)) request.free = pick([true, false, "true"]);
  // The page passes the box's text, or nothing when the address has no q=.
  if (chance(0.05)) request.q = pick([undefined, null]);
  return request;
}

function check(request, answer) {
  const problems = [];
  if (!answer || typeof answer !== "object") return ["no answer object"];
  for (const key of ["services", "pages", "glossary"]) if (!Array.isArray(answer[key])) problems.push(`${key} is not a list`);
  if (!Number.isInteger(answer.total) || answer.total < (answer.services || []).length) problems.push(`total ${answer.total} is wrong`);
  const ids = new Set();
  for (const hit of [...(answer.services || []), ...(answer.pages || []), ...(answer.glossary || [])]) {
    if (!hit || typeof hit.u !== "string" || !hit.u.startsWith("/")) problems.push(`a hit without an address: ${JSON.stringify(hit)}`);
    if (ids.has(hit.id)) problems.push(`hit ${hit.id} twice`);
    ids.add(hit.id);
    if (!Number.isFinite(hit.score)) problems.push(`score ${hit.score}`);
    if (!Array.isArray(hit.reasons)) problems.push("no reasons");
  }
  if ((answer.services || []).length > 20) problems.push("more than the limit");
  return problems;
}

const index = new SearchIndex("/search/", (url) => readFile(path.join(site, url), "utf8"));
const count = Number(countText);
for (let n = 0; n < count; n++) {
  const request = query();
  let answer;
  try {
    answer = await index.search(request, 20);
  } catch (error) {
    console.log(JSON.stringify({ failure: { request: String(JSON.stringify(request)), error: String(error), stack: String(error && error.stack) } }));
    process.exit(1);
  }
  const problems = check(request, answer);
  if (problems.length) {
    console.log(JSON.stringify({ failure: { request: String(JSON.stringify(request)), problems } }));
    process.exit(1);
  }
}
console.log(JSON.stringify({ queries: count }));
