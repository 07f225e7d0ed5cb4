// The search engine: reads the index the build writes into search/ and answers queries.
// No DOM here, so the same file runs in the browser and in Node (the relevance tests).
import { stem } from "./porter2.js";

const EXACT = 1.0;
const PREFIX = 0.9;
const STEM_PREFIX = 0.8;
const SYNONYM = 0.45;
const SPELLING = 0.6;

/** Words as the index builder makes them: lower case, accents folded, possessive 's dropped. */
export function words(text) {
  const folded = text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u2019/g, "'");
  return folded
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+/, "").replace(/'s$/, "").replace(/'/g, ""))
    .filter((word) => word.length > 0);
}

/** Damerau-Levenshtein distance, stopping early once it is over `limit`. */
export function editDistance(a, b, limit = 1) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

export function shardKey(term) {
  let key = "";
  for (const character of term.slice(0, 2)) key += /[a-z0-9]/.test(character) ? character : "_";
  return key.padEnd(2, "_");
}

function decodeBits(base64, count) {
  const binary = typeof atob === "function" ? atob(base64) : Buffer.from(base64, "base64").toString("binary");
  const members = new Uint8Array(count);
  for (let index = 0; index < count; index++) {
    members[index] = (binary.charCodeAt(index >> 3) >> (index & 7)) & 1;
  }
  return members;
}

/**
 * const index = new SearchIndex("/search/", (path) => fetch(path).then((r) => r.text()));
 * const results = await index.search({ q: "speech", age: 7, selfReferral: true });
 */
export class SearchIndex {
  constructor(base, fetchText) {
    this.base = base;
    this.fetchText = fetchText;
    this.cache = new Map();
    this.manifest = null;
  }

  async load() {
    if (!this.manifest) {
      this.manifest = JSON.parse(await this.get("manifest.json"));
      this.shards = new Set(this.manifest.shards);
      this.facets = new Set(this.manifest.facets);
      this.stopWords = new Set(this.manifest.stopWords);
    }
    return this.manifest;
  }

  get(path) {
    if (!this.cache.has(path)) {
      const pending = this.fetchText(this.base + path);
      pending.catch(() => this.cache.delete(path));
      this.cache.set(path, pending);
    }
    return this.cache.get(path);
  }

  async shard(key) {
    if (!this.shards.has(key)) return {};
    const text = await this.get(`terms/${key}.json`);
    if (!this.parsedShards) this.parsedShards = new Map();
    if (!this.parsedShards.has(key)) this.parsedShards.set(key, JSON.parse(text));
    return this.parsedShards.get(key);
  }

  async facet(name) {
    if (!this.facets.has(name)) return new Uint8Array(this.manifest.services);
    return decodeBits(await this.get(`facets/${name}.txt`), this.manifest.services);
  }

  async records(ids) {
    const per = this.manifest.recordsPerFile;
    const files = [...new Set(ids.map((id) => Math.floor(id / per)))];
    const loaded = await Promise.all(files.map(async (file) => [file, JSON.parse(await this.get(`records/${file}.json`))]));
    const byFile = new Map(loaded);
    return new Map(ids.map((id) => [id, byFile.get(Math.floor(id / per))[id % per]]));
  }

  /** The query's concepts: each word (or synonym phrase) with the index terms that can stand for it. */
  async concepts(query) {
    const typed = words(query).filter((word) => !this.stopWords.has(word));
    const stillTyping = query.length > 0 && !/\s$/.test(query);
    const stems = typed.map(stem);
    // Fetch every shard the words need at once, not one round trip after another.
    const keys = new Set(stems.map(shardKey));
    if (stillTyping && typed.length) keys.add(shardKey(typed[typed.length - 1]));
    await Promise.all([...keys].map((key) => this.shard(key)));
    const concepts = [];
    for (let position = 0; position < typed.length; position++) {
      const word = typed[position];
      const wordStem = stems[position];
      const concept = { word, alternatives: [] };
      const isLast = position === typed.length - 1;
      const shard = await this.shard(shardKey(wordStem));
      if (shard[wordStem]) concept.alternatives.push({ terms: [wordStem], weight: EXACT, via: "exact" });
      if (isLast && stillTyping && word.length >= 2) {
        const prefixShard = await this.shard(shardKey(word));
        for (const term of Object.keys(prefixShard)) {
          if (term !== wordStem && term.startsWith(word)) {
            concept.alternatives.push({ terms: [term], weight: PREFIX, via: "prefix" });
          } else if (term !== wordStem && term.length >= 4 && word.startsWith(term)) {
            concept.alternatives.push({ terms: [term], weight: STEM_PREFIX, via: "prefix" });
          }
        }
      }
      this.manifest.synonyms.forEach((group, groupIndex) => {
        if (!group.some((phrase) => phrase.length === 1 && phrase[0] === wordStem)) return;
        group.forEach((phrase, phraseIndex) => {
          if (phrase.length === 0 || (phrase.length === 1 && phrase[0] === wordStem)) return;
          concept.alternatives.push({ terms: phrase, weight: SYNONYM, via: "synonym", phrase: this.synonymText(groupIndex, phraseIndex) });
        });
      });
      const exact = concept.alternatives.some((alternative) => alternative.via === "exact");
      if (!exact && word.length >= 5) {
        await this.addSpellings(concept, word, wordStem, [shardKey(wordStem), shardKey(wordStem[1] + wordStem[0] + wordStem.slice(2))]);
        // A typo in the first two letters puts the word in another shard: only when nothing at all
        // matched, look in the shards that share one of those letters (a rare, larger fetch).
        if (!concept.alternatives.some((alternative) => alternative.via === "spelling")) {
          const nearby = this.manifest.shards.filter((key) => key[0] === wordStem[0] || key[1] === wordStem[1]);
          nearby.push(shardKey(wordStem.slice(1)), shardKey(wordStem[0] + wordStem.slice(2)));
          await this.addSpellings(concept, word, wordStem, nearby);
        }
      }
      concepts.push(concept);
    }
    // Multi-word synonyms: "short breaks" in the query also means "respite".
    this.manifest.synonyms.forEach((group, groupIndex) => {
      for (const phrase of group) {
        if (phrase.length < 2) continue;
        const at = indexOfRun(stems, phrase);
        if (at < 0) continue;
        group.forEach((other, otherIndex) => {
          if (other !== phrase && other.length > 0) {
            concepts[at].alternatives.push({ terms: other, weight: SYNONYM, via: "synonym", phrase: this.synonymText(groupIndex, otherIndex) });
          }
        });
      }
    });
    return concepts;
  }

  synonymText(group, phrase) {
    const text = this.manifest.synonymText && this.manifest.synonymText[group];
    return text ? [text[phrase]] : this.manifest.synonyms[group][phrase];
  }

  async addSpellings(concept, word, wordStem, keys) {
    const unique = [...new Set(keys)].filter((key) => this.shards.has(key));
    const shards = await Promise.all(unique.map((key) => this.shard(key)));
    const known = new Set(concept.alternatives.map((alternative) => alternative.terms.join(" ")));
    for (const shard of shards) {
      for (const term of Object.keys(shard)) {
        if (!known.has(term) && (editDistance(wordStem, term) <= 1 || nearStem(word, term))) {
          known.add(term);
          concept.alternatives.push({ terms: [term], weight: SPELLING, via: "spelling" });
        }
      }
    }
  }

  /**
   * Answers a query: keywords and/or filters. Returns services, pages and glossary entries
   * (the last two only for keyword searches), best first, each with why it matched.
   */
  async search(request, limit = 20) {
    await this.load();
    const { services, pages } = this.manifest;
    const query = (request.q || "").trim() ? request.q : "";
    const concepts = await this.concepts(query);
    const allowed = await this.filter(request);
    const hasFilters = allowed !== null;

    let ranked;
    if (concepts.length === 0) {
      ranked = [];
      if (hasFilters) {
        for (let id = 0; id < services; id++) if (allowed[id]) ranked.push({ id, score: 0, coverage: 0, reasons: [] });
      }
    } else {
      ranked = await this.rank(concepts);
      if (hasFilters) ranked = ranked.filter((hit) => hit.id >= services || allowed[hit.id]);
    }
    const serviceHits = ranked.filter((hit) => hit.id < services);
    const pageHits = hasFilters && concepts.length === 0 ? [] : ranked.filter((hit) => hit.id >= services && hit.id < services + pages);
    const glossaryHits = hasFilters && concepts.length === 0 ? [] : ranked.filter((hit) => hit.id >= services + pages);
    const shown = [...serviceHits.slice(0, limit), ...pageHits.slice(0, 5), ...glossaryHits.slice(0, 5)];
    const records = await this.records(shown.map((hit) => hit.id));
    const describe = (hit) => ({ ...records.get(hit.id), id: hit.id, score: hit.score, reasons: hit.reasons });
    return {
      query,
      total: serviceHits.length,
      services: serviceHits.slice(0, limit).map(describe),
      pages: pageHits.slice(0, 5).map(describe),
      glossary: glossaryHits.slice(0, 5).map(describe),
    };
  }

  async rank(concepts) {
    const scores = new Map();
    for (const concept of concepts) {
      const best = new Map();
      for (const alternative of concept.alternatives) {
        const perTerm = await Promise.all(alternative.terms.map(async (term) => (await this.shard(shardKey(term)))[term] || []));
        const total = new Map();
        perTerm.forEach((postings) => {
          let id = 0;
          for (let index = 0; index < postings.length; index += 2) {
            id += postings[index];
            total.set(id, (total.get(id) || 0) + postings[index + 1]);
          }
        });
        for (const [id, raw] of total) {
          const score = (raw * alternative.weight) / alternative.terms.length;
          const current = best.get(id);
          if (!current || score > current.score) best.set(id, { score, alternative });
        }
      }
      for (const [id, { score, alternative }] of best) {
        const entry = scores.get(id) || { id, score: 0, coverage: 0, reasons: [] };
        entry.score += score;
        entry.coverage += 1;
        entry.reasons.push({ word: concept.word, via: alternative.via, terms: alternative.phrase || alternative.terms });
        scores.set(id, entry);
      }
    }
    return [...scores.values()].sort((a, b) => b.coverage - a.coverage || b.score - a.score || a.id - b.id);
  }

  /** Services allowed by the filters (a 0/1 array), or null when there are none. */
  async filter(request) {
    const names = [];
    const age = Number.parseInt(request.age, 10);
    if (Number.isInteger(age) && age >= 0 && age <= 25) names.push(`age-${age}`);
    if (request.need) names.push(`need-${request.need}`);
    if (request.category) names.push(`category-${request.category}`);
    if (request.noPlan) names.push("no-ehc-plan");
    if (request.selfReferral) names.push("self-referral");
    if (request.free) names.push("free");
    if (names.length === 0) return null;
    const sets = await Promise.all(names.map((name) => this.facet(name)));
    const allowed = new Uint8Array(this.manifest.services);
    for (let id = 0; id < allowed.length; id++) allowed[id] = sets.every((set) => set[id]) ? 1 : 0;
    return allowed;
  }
}

/** True when the typed word, less a short ending, is one edit from a stem: "audiolgy" ~ "audiolog". */
function nearStem(word, term) {
  if (term.length < 4) return false;
  for (let length = term.length - 1; length <= Math.min(word.length, term.length + 1); length++) {
    if (word.length - length <= 3 && editDistance(word.slice(0, length), term) <= 1) return true;
  }
  return false;
}

function indexOfRun(haystack, needle) {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return start;
  }
  return -1;
}
