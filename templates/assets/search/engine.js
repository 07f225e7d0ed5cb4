// The search engine: reads the index the build writes into search/ and answers queries.
// No DOM here, so the same file runs in the browser and in Node (the relevance tests).
// The index format is described in Sources/LocalOfferSearch/SearchIndexBuilder.swift.
import { stem } from "./porter2.js";

// How much a match counts, by how the query word was found.
const TYPED = 1.0;
const PREFIX = 0.85; // the word being typed is the start of this term
const STEM_PREFIX = 0.75; // this term is the start of the word being typed
const SYNONYM = 0.5; // a related word (synonyms.yml)
const EQUIVALENT = 0.9; // another name of the same thing (a glossary term, its aliases, what it stands for)
const SPELLING = 0.7; // one letter away
// A document must match two thirds of the query's informative words (1 of 1, 2 of 2, 2 of 3, 3 of 4),
// carrying at least two thirds of their weight (idf), so that the rarest words are not the ones missed.
const REQUIRED_SHARE = 2 / 3;
// A stored score from which a word is in a document's title or tags (BM25F: a title word alone
// scores about 87, a tag about 80, a word of the summary 71, of the body at most about 70).
const NAMING_SCORE = 75;
// Results scoring under this share of the best one only mention the words in passing.
const RELATIVE_MINIMUM = 0.2;
// The services an early answer shows, drawn before the rest of the records arrive.
const EARLY_SERVICES = 3;
// With fewer services than this matching enough of the words, those matching some of them follow.
const MINIMUM_STRICT = 3;
// A word in more than this share of the documents says nothing about which one is wanted.
const COMMON_SHARE = 0.5;
const SCORE_SCALE = 100;
const MINIMUM_SPELLING_LENGTH = 5;
// Ways of finding a word that count as the word itself (not a synonym of it).
const TYPED_VIA = new Set(["exact", "prefix", "spelling"]);

/** Words as the index builder makes them: lower case, accents folded, possessive 's dropped. */
export function words(text) {
  const folded = text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u2019/g, "'");
  return folded
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+/, "").replace(/'s$/, "").replace(/'/g, ""))
    .filter((word) => word.length > 0);
}

/** Damerau-Levenshtein distance (adjacent swaps count one), stopping early once it is over `limit`. */
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

/** Keys of two characters run together ("abacad") as a set. */
function keySet(text) {
  const keys = new Set();
  for (let index = 0; index + 1 < (text || "").length; index += 2) keys.add(text.slice(index, index + 2));
  return keys;
}

function decodeBits(base64, count) {
  const binary = typeof atob === "function" ? atob(base64) : Buffer.from(base64, "base64").toString("binary");
  const members = new Uint8Array(count);
  for (let index = 0; index < count; index++) {
    members[index] = (binary.charCodeAt(index >> 3) >> (index & 7)) & 1;
  }
  return members;
}

// ---------------------------------------------------------------------------------------------
// Ages in a query: "5 year old", "aged 17", "toddler", "year 9" become the age filter.

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
  "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
const NUMBER = `(\\d{1,2}|${NUMBER_WORDS.join("|")})`;
const toNumber = (text) => (/^\d+$/.test(text) ? Number(text) : NUMBER_WORDS.indexOf(text));

/**
 * Ways families write an age, tried in order; the first that matches is used. A school year is the
 * age the pupil turns during it: Reception 5, Year 1 6, …, Year 9 14, Year 13 18 (England).
 */
const AGE_PATTERNS = [
  // "5 year old", "5-year-old", "5 years old", "5yr old", "five year old", "my 19 year old"
  [new RegExp(`\\b${NUMBER}[\\s-]*(?:years?|yrs?|y)[\\s-]*olds?\\b`), (m) => toNumber(m[1])],
  // "3yo", "3 yo", "3y/o", "3 y.o."
  [new RegExp(`\\b${NUMBER}\\s*(?:yo|y\\/o|y\\.o\\.?)(?=\\s|$|[,.;!?])`), (m) => toNumber(m[1])],
  // "aged 17", "age 5", "ages 4"
  [new RegExp(`\\bages?d?\\s+${NUMBER}\\b`), (m) => toNumber(m[1])],
  // "he is 4", "she's 12", "they are 6", "he's 4 and …"
  [new RegExp(`\\b(?:he|she|they|who|child|son|daughter)(?:\\s+is|\\s+are|'s|’s)\\s+(?:now\\s+)?${NUMBER}\\b(?![\\s-]*(?:%|percent|hours?|weeks?|months?|days?))`), (m) => toNumber(m[1])],
  // "year 9", "yr 9", "y9" (school years 1 to 14)
  [/\b(?:school\s+)?(?:year|yr|y)\s*(\d{1,2})\b(?!\s*(?:olds?|years?))/, (m) => (Number(m[1]) >= 1 && Number(m[1]) <= 14 ? Number(m[1]) + 5 : -1)],
  [/\breception(?:\s+class)?\b/, () => 5],
  // "5 years", "12 yrs" (after the patterns above)
  [new RegExp(`\\b${NUMBER}\\s*(?:years?|yrs?)\\b`), (m) => toNumber(m[1])],
];
const AGE_WORDS = [
  [/\b(?:new\s*born|newborns?|babies|baby)\b/, [0, 1]],
  [/\btoddlers?\b/, [1, 3]],
  [/\bpre-?schoolers?\b/, [3, 4]],
  [/\bunder[\s-]*(?:5s?|fives?)\b/, [0, 4]],
  [/\b(?:teenagers?|teenage|teens?)\b/, [13, 19]],
];

/** The age a query names, and the query without it: { age: {min, max, text} | null, rest }. */
export function readAge(query) {
  const text = query.toLowerCase().replace(/\u2019/g, "'");
  for (const [pattern, value] of AGE_PATTERNS) {
    const match = text.match(pattern);
    if (!match) continue;
    const age = value(match);
    if (age < 0 || age > 25) continue;
    return { age: { min: age, max: age, text: query.slice(match.index, match.index + match[0].length) }, rest: remove(query, match) };
  }
  for (const [pattern, [min, max]] of AGE_WORDS) {
    const match = text.match(pattern);
    if (match) return { age: { min, max, text: query.slice(match.index, match.index + match[0].length) }, rest: remove(query, match) };
  }
  return { age: null, rest: query };
}

function remove(query, match) {
  return (query.slice(0, match.index) + " " + query.slice(match.index + match[0].length)).replace(/\s+/g, " ").trim()
    + (/\s$/.test(query) ? " " : "");
}

// ---------------------------------------------------------------------------------------------

/**
 * const index = new SearchIndex("/search/", (path) => fetch(path).then((r) => r.text()));
 * const results = await index.search({ q: "speech", age: 7, selfReferral: true });
 */
export class SearchIndex {
  constructor(base, fetchText) {
    this.base = base;
    this.fetchText = fetchText;
    this.cache = new Map();
    this.parsed = new Map();
    // Records that came with the term shards (their "#"), by document number.
    this.known = new Map();
    this.manifest = null;
  }

  async load() {
    if (!this.manifest) {
      const manifest = JSON.parse(await this.get("manifest.json"));
      this.shards = new Set(manifest.shards);
      this.phraseShards = keySet(manifest.phrases);
      this.facets = new Set(manifest.facets);
      this.stopWords = new Set(manifest.stopWords);
      this.ignoreWords = new Set(manifest.ignoreWords || []);
      this.equivalentsFrom = manifest.equivalentsFrom ?? manifest.synonyms.length;
      this.spellingKeys = { first: keySet(manifest.spelling?.first), last: keySet(manifest.spelling?.last) };
      // Every single-term phrase of the synonym groups: term → [[group, phrase], …].
      this.synonymsOf = new Map();
      manifest.synonyms.forEach((group, groupIndex) => group.forEach((phrase, phraseIndex) => {
        if (phrase.length !== 1) return;
        if (!this.synonymsOf.has(phrase[0])) this.synonymsOf.set(phrase[0], []);
        this.synonymsOf.get(phrase[0]).push([groupIndex, phraseIndex]);
      }));
      this.manifest = manifest;
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

  /** A parsed file, parsed once. */
  async file(path, parse) {
    const text = await this.get(path);
    if (!this.parsed.has(path)) this.parsed.set(path, parse(text));
    return this.parsed.get(path);
  }

  async shard(key) {
    return this.shards.has(key) ? this.file(`terms/${key}.json`, (text) => this.takeRecords(JSON.parse(text))) : {};
  }

  /** A term shard without its records ("#": the best documents' records), which are kept in `known`. */
  takeRecords(shard) {
    for (const [id, record] of Object.entries(shard["#"] || {})) this.known.set(Number(id), record);
    delete shard["#"];
    return shard;
  }

  async phraseShard(key) {
    return this.phraseShards.has(key) ? this.file(`phrases/${key}.json`, JSON.parse) : {};
  }

  /** The posting list of a term or of a pair of terms ("short break"): { df, postings: [Δdoc, score, …] }. */
  async postings(key, phrases = false) {
    const shard = await (phrases ? this.phraseShard(shardKey(key)) : this.shard(shardKey(key)));
    const list = shard[key];
    return list ? { df: list[0], postings: list, start: 1 } : null;
  }

  async facet(name) {
    if (!this.facets.has(name)) return new Uint8Array(this.manifest.services);
    return this.file(`facets/${name}.txt`, (text) => decodeBits(text, this.manifest.services));
  }

  /** Where a document's record is: services ten a file, then pages and glossary entries fifty a file. */
  recordPlace(id) {
    const { services, recordsPerFile: per } = this.manifest;
    if (id < services) return [Math.floor(id / per), id % per];
    const infoPer = this.manifest.infoRecordsPerFile || per;
    return [Math.ceil(services / per) + Math.floor((id - services) / infoPer), (id - services) % infoPer];
  }

  /**
   * The records of `ids`, in the order of `ids` (best first): those that came with the shards, and
   * the files of the others, fetched at once.
   */
  async records(ids) {
    const missing = ids.filter((id) => !this.known.has(id));
    const files = [...new Set(missing.map((id) => this.recordPlace(id)[0]))];
    const loaded = await Promise.all(files.map(async (file) => [file, await this.file(`records/${file}.json`, JSON.parse)]));
    const byFile = new Map(loaded);
    return new Map(ids.map((id) => {
      if (this.known.has(id)) return [id, this.known.get(id)];
      const [file, position] = this.recordPlace(id);
      return [id, byFile.get(file)[position]];
    }));
  }

  idf(df) {
    const count = this.manifest.documents;
    return Math.log(1 + (count - df + 0.5) / (df + 0.5));
  }

  isCommon(df) {
    return df > this.manifest.documents * COMMON_SHARE;
  }

  synonymText(group, phrase) {
    const text = this.manifest.synonymText && this.manifest.synonymText[group];
    return text ? text[phrase] : this.manifest.synonyms[group][phrase].join(" ");
  }

  // -------------------------------------------------------------------------------------------
  // From a query to what to look for

  /**
   * The query's words and how each can be found. Returns { tokens, words, alternatives, ignored, spans }:
   * `words` are the query words that count (each with `weight`, its informativeness), and each
   * alternative covers some of them ({ from, to }) with terms or a phrase to look up.
   */
  async understand(text) {
    // Quoted parts are phrases: "short breaks".
    const tokens = [];
    const parts = text.split('"');
    parts.forEach((part, index) => {
      const quoted = index % 2 === 1 && index < parts.length - 1;
      const group = quoted ? tokens.length : null;
      for (const word of words(part)) {
        if (this.stopWords.has(word)) continue;
        tokens.push({ word, stem: stem(word), quote: group });
      }
    });
    const stillTyping = text.length > 0 && !/[\s"]$/.test(text);
    const stems = tokens.map((token) => token.stem);

    // Phrases of the synonym groups that the query contains ("short breaks", "child in need").
    const spans = [];
    this.manifest.synonyms.forEach((group, groupIndex) => {
      group.forEach((phrase, phraseIndex) => {
        if (phrase.length < 2) return;
        for (let at = indexOfRun(stems, phrase, 0); at >= 0; at = indexOfRun(stems, phrase, at + 1)) {
          const quoteOk = tokens.slice(at, at + phrase.length).every((token) => token.quote === tokens[at].quote);
          if (quoteOk) spans.push({ from: at, to: at + phrase.length - 1, groupIndex, phraseIndex });
        }
      });
    });
    const inPhrase = (position) => spans.some((span) => span.from <= position && position <= span.to);

    // Ignored words ("my", "child") are dropped, unless they are part of a phrase or a quote, or
    // are all there is and a synonym group knows them ("things to do").
    const ignorable = (token, position) => token.quote === null && !inPhrase(position)
      && (this.ignoreWords.has(token.word) || this.ignoreWords.has(token.stem));
    let keep = tokens.map((token, position) => !ignorable(token, position));
    if (!keep.includes(true)) keep = tokens.map((token) => this.synonymsOf.has(token.stem));
    const ignored = tokens.filter((token, position) => !keep[position]).map((token) => token.word);

    // Fetch every shard the words need at once, not one round trip after another. A word's shard
    // also holds its synonym groups' documents, and the pairs of its phrases.
    const keys = new Set();
    tokens.forEach((token, position) => { if (keep[position]) keys.add(shardKey(token.stem)); });
    if (stillTyping && tokens.length && keep[tokens.length - 1]) keys.add(shardKey(tokens[tokens.length - 1].word));
    await Promise.all([...keys].map((key) => this.shard(key)));

    const alternatives = [];
    const seen = new Map();
    const add = (from, to, alternative) => {
      const key = `${from} ${to} ${alternative.via} ${alternative.quoted ? "q" : ""} ${alternative.groupKey || alternative.terms.join(" ")}`;
      const existing = seen.get(key);
      if (existing) {
        // The same phrase in a related group and in a glossary group: it is a name of the thing.
        existing.weight = Math.max(existing.weight, alternative.weight);
        if (existing.group === undefined) existing.group = alternative.group;
        return;
      }
      const added = { from, to, ...alternative };
      seen.set(key, added);
      alternatives.push(added);
    };
    const equivalent = (groupIndex) => groupIndex >= this.equivalentsFrom;
    // A glossary group is one thing under several names: its phrases share one weight and one idf.
    const groupOf = (terms) => {
      if (terms.length !== 1) return undefined;
      const found = (this.synonymsOf.get(terms[0]) || []).find(([groupIndex]) => equivalent(groupIndex));
      return found ? found[0] : undefined;
    };
    // The other phrases of a group, as one alternative: the group's documents, each with its best
    // phrase, are in the shard of the phrase the query used (see SearchIndexBuilder).
    const groupAlternative = (groupIndex, phraseIndex, from, to, factor, via) => {
      const phrases = this.manifest.synonyms[groupIndex];
      add(from, to, {
        terms: [], groupKey: `~${groupIndex}`, shard: shardKey(phrases[phraseIndex][0]), exclude: phraseIndex,
        phrases: phrases.filter((_, index) => index !== phraseIndex), groupIndex,
        weight: factor * (equivalent(groupIndex) ? EQUIVALENT : SYNONYM), via,
        group: equivalent(groupIndex) ? groupIndex : undefined,
      });
    };
    const synonymsOfTerm = (term, from, to, factor, via) => {
      for (const [groupIndex, phraseIndex] of this.synonymsOf.get(term) || []) groupAlternative(groupIndex, phraseIndex, from, to, factor, via);
    };

    const spellingNeeded = [];
    for (let position = 0; position < tokens.length; position++) {
      const token = tokens[position];
      if (!keep[position]) continue;
      if (token.quote !== null) continue; // matched as a whole below
      const shard = await this.shard(shardKey(token.stem));
      const exact = Boolean(shard[token.stem]);
      if (exact) add(position, position, { terms: [token.stem], weight: TYPED, via: "exact", group: groupOf([token.stem]) });
      let prefix = false;
      if (position === tokens.length - 1 && stillTyping && token.word.length >= 2) {
        const prefixShard = await this.shard(shardKey(token.word));
        for (const term of Object.keys(prefixShard)) {
          if (term === token.stem || term.includes(" ")) continue;
          if (term.startsWith(token.word)) {
            add(position, position, { terms: [term], weight: PREFIX, via: "prefix" });
            prefix = true;
          } else if (term.length >= 4 && term.length >= token.word.length - 2 && token.word.startsWith(term)) {
            add(position, position, { terms: [term], weight: STEM_PREFIX, via: "prefix" });
            prefix = true;
          }
        }
      }
      synonymsOfTerm(token.stem, position, position, 1, "synonym");
      if (!exact && !prefix && token.word.length >= MINIMUM_SPELLING_LENGTH && /^\p{L}+$/u.test(token.word)) {
        spellingNeeded.push(position);
      }
    }

    // Quoted phrases must match as written; a quote of one word is that word.
    const quotes = new Map();
    tokens.forEach((token, position) => {
      if (token.quote === null) return;
      if (!quotes.has(token.quote)) quotes.set(token.quote, []);
      quotes.get(token.quote).push(position);
    });
    for (const positions of quotes.values()) {
      const from = positions[0];
      const to = positions[positions.length - 1];
      add(from, to, { terms: stems.slice(from, to + 1), weight: TYPED, via: "exact", quoted: true });
      if (from === to) synonymsOfTerm(stems[from], from, to, 1, "synonym");
    }

    // The other phrases of a group whose phrase the query contains: "short breaks" also means "respite";
    // and the typed words as a phrase, which outweighs the same words apart.
    for (const span of spans) {
      const group = equivalent(span.groupIndex) ? span.groupIndex : undefined;
      add(span.from, span.to, { terms: stems.slice(span.from, span.to + 1), weight: TYPED, via: "exact", group });
      groupAlternative(span.groupIndex, span.phraseIndex, span.from, span.to, 1, "synonym");
    }

    // Two words typed for one ("bed wetting" for "bedwetting"): the joined word, in the first one's shard.
    for (let position = 0; position + 1 < tokens.length; position++) {
      if (!keep[position] || !keep[position + 1] || tokens[position].quote !== null) continue;
      const joined = stem(tokens[position].word + tokens[position + 1].word);
      const shard = await this.shard(shardKey(joined));
      if (shard[joined]) add(position, position + 1, { terms: [joined], weight: TYPED, via: "exact", group: groupOf([joined]) });
    }

    // Spelling: only for words that match nothing as typed. First one word typed for two
    // ("stairlift" for "stair lift"), then words one edit away.
    await Promise.all(spellingNeeded.map(async (position) => {
      const token = tokens[position];
      for (const [first, second] of await this.splits(token.word)) {
        add(position, position, { terms: [first, second], weight: SPELLING, via: "spelling", text: `${first} ${second}`, quoted: true });
      }
      for (const correction of await this.corrections(token.word)) {
        const term = stem(correction);
        add(position, position, { terms: [term], weight: SPELLING, via: "spelling", text: correction, group: groupOf([term]) });
        synonymsOfTerm(term, position, position, SPELLING, "spelling");
      }
    }));

    // Each counted word, with how much it says: the idf of what it matches as typed (or, if
    // nothing, of its most common alternative). Words in most documents say nothing.
    const counted = [];
    for (let position = 0; position < tokens.length; position++) {
      if (!keep[position]) continue;
      const token = tokens[position];
      const own = alternatives.filter((alternative) => alternative.from <= position && position <= alternative.to);
      counted.push({ position, word: token.word, quote: token.quote, alternatives: own });
    }
    await this.weigh(counted, alternatives);
    return { tokens, words: counted, alternatives, ignored, spans };
  }

  /** Two terms of the site that the word joins ("stairlift": stair, lift), as stems; only those found as a pair. */
  async splits(word) {
    const found = [];
    const shard = await this.shard(shardKey(word));
    for (let at = 3; at <= word.length - 3; at++) {
      const first = stem(word.slice(0, at));
      const second = stem(word.slice(at));
      if (!shard[first]) continue;
      const pair = await this.postings(`${first} ${second}`, true);
      if (pair) found.push([first, second]);
    }
    return found;
  }

  /** Words of the site one edit away from `word` (see SpellingDictionary.swift). */
  async corrections(word) {
    const first = shardKey(word.slice(0, 2));
    const last = shardKey(word.slice(-2));
    const lists = await Promise.all([
      this.spellingKeys.first.has(first) ? this.file(`spelling/first-${first}.txt`, (text) => text.split("\n")) : [],
      this.spellingKeys.last.has(last) ? this.file(`spelling/last-${last}.txt`, (text) => text.split("\n")) : [],
    ]);
    const found = new Set();
    for (const list of lists) {
      for (const candidate of list) {
        if (candidate && candidate !== word && Math.abs(candidate.length - word.length) <= 1 && editDistance(word, candidate) <= 1) {
          found.add(candidate);
        }
      }
    }
    return [...found].sort();
  }

  /** Sets each alternative's postings and idf, and each word's weight. */
  async weigh(counted, alternatives) {
    await Promise.all(alternatives.map(async (alternative) => {
      if (alternative.groupKey) {
        const list = (await this.shard(alternative.shard))[alternative.groupKey];
        alternative.lists = list ? [{ df: list[0], postings: list, start: 1, phrases: true }] : [null];
        alternative.df = list ? list[0] : 0;
        return;
      }
      const phrase = alternative.terms.length > 1;
      const keys = phrase
        ? alternative.terms.slice(1).map((term, index) => `${alternative.terms[index]} ${term}`)
        : alternative.terms;
      const lists = await Promise.all(keys.map((key) => this.postings(key, phrase && alternative.quoted)));
      alternative.lists = lists;
      alternative.df = lists.every(Boolean) ? Math.min(...lists.map((list) => list.df)) : 0;
    }));
    // The names of one thing share the idf of the most common name found: "ehcp" is no rarer a
    // thing than "EHC plan" because fewer pages abbreviate it.
    const shared = new Map();
    for (const alternative of alternatives) {
      if (alternative.group === undefined || !alternative.df) continue;
      const key = `${alternative.from} ${alternative.group}`;
      shared.set(key, Math.max(shared.get(key) || 0, alternative.df));
    }
    for (const alternative of alternatives) {
      const df = shared.get(`${alternative.from} ${alternative.group}`);
      if (df) alternative.idf = this.idf(df);
    }
    for (const word of counted) {
      const found = word.alternatives.filter((alternative) => alternative.df > 0);
      const typed = found.filter((alternative) => alternative.via === "exact");
      // A word of a phrase typed as such says what the phrase says: "need" in "child in need".
      const phrases = typed.filter((alternative) => alternative.to > alternative.from);
      const basis = phrases.length ? phrases : typed.length ? typed : found;
      const df = basis.length ? Math.max(...basis.map((alternative) => alternative.df)) : 0;
      word.df = df;
      word.matchable = found.length > 0;
      // A word the site does not have at all still counts: no service matches it, and the page
      // says so rather than quietly searching for the other words ("down syndrome").
      word.common = word.matchable && this.isCommon(df);
      word.weight = !word.matchable ? this.idf(1) : word.common ? 0 : this.idf(df);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Answering

  /**
   * Answers a query: keywords and/or filters. Returns services, pages and glossary entries
   * (the last two only for keyword searches), best first, each with why it matched; `best` is an
   * information page or glossary entry that answers the query better than any service.
   * `early(answer)`, if given, is called first with the best answer and the first services only,
   * as soon as their records are in (the others may still be on their way).
   */
  async search(request, limit = 20, early = null) {
    await this.load();
    const { services, pages } = this.manifest;
    const { age: typedAge, rest } = readAge(request.q || "");
    const chosenAge = Number.parseInt(request.age, 10);
    const age = Number.isInteger(chosenAge) && chosenAge >= 0 && chosenAge <= 25
      ? { min: chosenAge, max: chosenAge, chosen: true }
      : typedAge;
    const query = rest.trim() ? rest : "";
    // The words' shards and the filters' bitsets come in the same round trip.
    const [understood, allowed] = await Promise.all([this.understand(query), this.filter(request, age)]);
    const hasFilters = allowed !== null;
    let informative = understood.words.filter((word) => word.weight > 0);
    // Only words that are in most documents ("college" where every page says "school or college"):
    // they find only the documents they name (in the title or tags), never those that mention them.
    const common = understood.words.filter((word) => word.matchable && word.common);
    if (informative.length === 0 && common.length > 0 && common.length === understood.words.length) {
      for (const word of common) {
        word.weight = this.idf(word.df);
        for (const alternative of word.alternatives) if (alternative.from === alternative.to) alternative.prominentOnly = true;
      }
      informative = common;
    }
    const answer = {
      query: request.q || "",
      age: typedAge && !(age && age.chosen) ? typedAge : null,
      ignored: understood.ignored,
      partial: false,
      // Only words that say nothing about a service ("please help", "support"): the page asks for more.
      tooGeneral: informative.length === 0
        && (understood.words.some((word) => word.matchable) || (understood.words.length === 0 && understood.ignored.length > 0)),
      total: 0,
      services: [],
      pages: [],
      glossary: [],
      best: null,
    };

    let ranked;
    if (informative.length === 0) {
      // No word says anything ("services for year 9"): the filters alone, if any.
      ranked = hasFilters ? await this.byFiltersAlone(allowed, request, age) : [];
      if (hasFilters) answer.tooGeneral = false;
    } else {
      ranked = this.rank(understood, informative);
      if (hasFilters) ranked = ranked.filter((hit) => hit.id >= services || allowed[hit.id]);
      // Few services match enough of the words: those matching some of them follow, and the page says so.
      if (ranked.filter((hit) => hit.id < services).length < MINIMUM_STRICT && informative.length > 1) {
        const strict = new Set(ranked.map((hit) => hit.id));
        const more = this.rank(understood, informative, true).filter((hit) => !strict.has(hit.id));
        ranked = [...ranked, ...more.map((hit) => ({ ...hit, partial: true }))];
        answer.partial = more.some((hit) => hit.id < services);
      }
      if (hasFilters) ranked = ranked.filter((hit) => hit.id >= services || allowed[hit.id]);
    }
    const keywords = informative.length > 0;
    // Results far below the best of their kind only mention the words in passing.
    const strong = (hits) => {
      const top = hits.reduce((max, hit) => Math.max(max, hit.score), 0);
      return keywords ? hits.filter((hit) => hit.score >= top * RELATIVE_MINIMUM) : hits;
    };
    const serviceHits = strong(ranked.filter((hit) => hit.id < services));
    const pageHits = keywords ? strong(ranked.filter((hit) => hit.id >= services && hit.id < services + pages)) : [];
    const glossaryHits = keywords ? strong(ranked.filter((hit) => hit.id >= services + pages)) : [];

    // The best answer: an information page or glossary entry named by the query (in its title or
    // as one of its other names) when no leading service is, or the best one for a definition.
    const infoHits = [...pageHits, ...glossaryHits].sort(byRank).slice(0, 5);
    // Questions about a word ("what is an ehcp", "what does sen mean") are answered by the jargon
    // buster or a page; "how do I …" by a page. Other questions ("where can I get …") want services.
    const definition = /^\s*(what is|what's|whats|what are|what does|whats an?)\b|\b(mean|meaning|means|stand for|stands for|definition)\b/i.test(query);
    const how = /^\s*how (do|can|to|does|should)\b/i.test(query);
    // Every record the answer may show is requested at once (one round trip, not one per decision).
    // The best answer is one of `infoHits`: with the first services, their records are all the early
    // answer needs (`early`: drawn on a slow connection before the other records arrive), and the
    // term shards carry them for a one-word query (see SearchIndexBuilder.recordsPerKey).
    const infoWanted = [...pageHits.slice(0, 6), ...glossaryHits.slice(0, 6)];
    const serviceWanted = serviceHits.slice(0, limit);
    const allRecords = this.records([...infoWanted, ...serviceWanted].map((hit) => hit.id));
    const records = await this.records([...infoHits, ...serviceWanted.slice(0, EARLY_SERVICES)].map((hit) => hit.id));
    let best = null;
    if (infoHits.length) {
      const naming = (hit) => this.named(understood, informative, records.get(hit.id));
      const named = infoHits.map((hit) => ({ hit, naming: naming(hit) })).filter((entry) => entry.naming > 0);
      // An information page explains more than a glossary entry, unless the question asks what a word means.
      const isPage = (hit) => (hit.id < services + pages ? 1 : 0);
      named.sort((a, b) => (definition ? 0 : isPage(b.hit) - isPage(a.hit)) || b.naming - a.naming || byRank(a.hit, b.hit));
      const serviceNaming = Math.max(0, ...serviceHits.slice(0, 3).map(naming));
      // Not a question: only an information page whose title names what was asked at least as
      // well as the leading services' titles ("tribunal", "money", "ehcp"; not "short breaks",
      // which is a service's very name). A glossary entry answers questions ("what is an ehcp").
      const page = named.find((entry) => isPage(entry.hit));
      if (definition) best = named.length ? named[0].hit : infoHits[0];
      else if (page && (how || page.naming >= serviceNaming)) best = page.hit;
    }
    const shownPages = pageHits.filter((hit) => hit !== best).slice(0, 5);
    const shownGlossary = glossaryHits.filter((hit) => hit !== best).slice(0, 5);
    const describeWith = (found) => (hit) => ({ ...found.get(hit.id), id: hit.id, score: hit.score, reasons: hit.reasons });
    answer.total = serviceHits.length;
    answer.best = best ? describeWith(records)(best) : null;
    if (early && serviceWanted.length > EARLY_SERVICES) {
      early({ ...answer, early: true, services: serviceWanted.slice(0, EARLY_SERVICES).map(describeWith(records)) });
    }
    const all = await allRecords;
    answer.services = serviceWanted.map(describeWith(all));
    answer.pages = shownPages.map(describeWith(all));
    answer.glossary = shownGlossary.map(describeWith(all));
    return answer;
  }

  /**
   * How well a document's title (or a glossary entry's other names) names the query, as typed or by
   * another name of the same thing: 2 when it is exactly the query's informative words, 1 when it
   * holds them all, 0 otherwise.
   */
  named(understood, informative, record) {
    if (!record || !informative.length) return 0;
    let bestNaming = 0;
    for (const title of [record.t, ...(record.al || [])]) {
      const stems = new Set(words(title).filter((word) => !this.stopWords.has(word)).map(stem));
      const covered = new Set();
      const all = informative.every((word) => word.alternatives.some((alternative) => {
        if (!(alternative.df > 0 && (TYPED_VIA.has(alternative.via) || alternative.group !== undefined))) return false;
        const phrase = (alternative.phrases || [alternative.terms]).find((terms) => terms.length && terms.every((term) => stems.has(term)));
        if (phrase) phrase.forEach((term) => covered.add(term));
        return Boolean(phrase);
      }));
      if (all) bestNaming = Math.max(bestNaming, covered.size === stems.size ? 2 : 1);
    }
    return bestNaming;
  }

  /** Documents scored by BM25F, kept when they match enough of the informative words. */
  rank(understood, informative, relaxed = false) {
    const namesIt = (alternative) => TYPED_VIA.has(alternative.via) || alternative.group !== undefined;
    const inSpan = (position) => understood.spans.some((span) => span.from <= position && position <= span.to);
    const totalWeight = informative.reduce((sum, word) => sum + word.weight, 0);
    const required = relaxed ? 1 : informative.length - Math.floor(informative.length / 3);
    const share = relaxed ? 0 : REQUIRED_SHARE;
    const documents = new Map();
    for (const alternative of understood.alternatives) {
      const matches = this.matches(alternative);
      for (const [id, score] of matches) {
        if (!documents.has(id)) documents.set(id, { id, byPosition: new Map(), typed: new Set(), whole: new Set() });
        const entry = documents.get(id);
        for (let position = alternative.from; position <= alternative.to; position++) {
          const current = entry.byPosition.get(position);
          if (!current || score > current.score) entry.byPosition.set(position, { score, alternative });
          if (namesIt(alternative)) (alternative.to > alternative.from ? entry.whole : entry.typed).add(position);
        }
      }
    }
    const hits = [];
    for (const entry of documents.values()) {
      let score = 0;
      let weight = 0;
      let covered = 0; // informative words matched, as typed or by a synonym
      let matched = 0; // informative words matched as typed or by another name: results with all of them come first
      const reasons = [];
      const seen = new Set();
      for (const word of understood.words) {
        const found = entry.byPosition.get(word.position);
        if (!found) continue;
        score += found.score;
        if (word.weight > 0) {
          weight += word.weight;
          covered += 1;
          // A word of a known phrase ("sign" of "sign language") counts when the phrase matched as a whole.
          if (entry.whole.has(word.position) || (!inSpan(word.position) && entry.typed.has(word.position))) matched += 1;
        }
        if (!seen.has(found.alternative)) {
          seen.add(found.alternative);
          const alternative = found.alternative;
          const typed = understood.tokens.slice(alternative.from, alternative.to + 1).map((token) => token.word).join(" ");
          const text = alternative.textFor?.get(entry.id) || alternative.text || alternative.terms.join(" ");
          reasons.push({ word: typed, via: alternative.via, terms: [text] });
        }
      }
      // Enough of what the query says; words that say nothing never make a result on their own.
      if (!informative.length || covered < required || weight < totalWeight * share - 1e-9) continue;
      // With two words or more, those matching more of them as typed come first (synonyms are a
      // fallback, not a reason to outrank the words the family used).
      hits.push({ id: entry.id, score, matched: informative.length > 1 ? matched : 0, covered, reasons });
    }
    return hits.sort(byRank);
  }

  /** document → score of one alternative: idf × stored score × weight; a phrase needs all its pairs. */
  matches(alternative) {
    const result = new Map();
    if (!alternative.lists || !alternative.lists.every(Boolean)) return result;
    if (alternative.groupKey) {
      // A synonym group: [df, Δdoc, score, phrase, …]; the phrase the query used is its own alternative.
      const list = alternative.lists[0];
      const idf = alternative.idf ?? this.idf(list.df);
      alternative.textFor = new Map();
      let id = 0;
      for (let index = list.start; index + 2 < list.postings.length; index += 3) {
        id += list.postings[index];
        const phrase = list.postings[index + 2];
        if (phrase === alternative.exclude) continue;
        result.set(id, (idf * list.postings[index + 1] * alternative.weight) / SCORE_SCALE);
        alternative.textFor.set(id, this.synonymText(alternative.groupIndex, phrase));
      }
      return result;
    }
    const perList = alternative.lists.map((list) => {
      const scores = new Map();
      let id = 0;
      for (let index = list.start; index < list.postings.length; index += 2) {
        id += list.postings[index];
        scores.set(id, list.postings[index + 1]);
      }
      return { scores, idf: alternative.idf ?? this.idf(list.df) };
    });
    const [first, ...others] = perList;
    const minimum = alternative.prominentOnly ? NAMING_SCORE : 0;
    for (const [id, stored] of first.scores) {
      if (stored < minimum) continue;
      let total = (first.idf * stored) / SCORE_SCALE;
      let all = true;
      for (const other of others) {
        const value = other.scores.get(id);
        if (value === undefined) { all = false; break; }
        total += (other.idf * value) / SCORE_SCALE;
      }
      if (all) result.set(id, (total / perList.length) * alternative.weight);
    }
    return result;
  }

  /** Filters alone: services made for the chosen need and age first, A to Z only between equals. */
  async byFiltersAlone(allowed, request, age) {
    const shape = await this.file("specificity.txt", (text) => text);
    const hits = [];
    for (let id = 0; id < this.manifest.services; id++) {
      if (!allowed[id]) continue;
      const needs = Number(shape[id * 2]) || 4;
      const span = Number.parseInt(shape[id * 2 + 1], 36) || 0;
      // Lower is more specific: a share of the four areas of need, and of the 25 years.
      const breadth = (request.need ? needs / 4 : needs / 8) + (age ? span / 25 : span / 50);
      hits.push({ id, score: -breadth, matched: 0, reasons: [] });
    }
    return hits.sort((a, b) => b.score - a.score || a.id - b.id);
  }

  /** Services allowed by the filters (a 0/1 array), or null when there are none. */
  async filter(request, age) {
    const names = [];
    if (request.need) names.push(`need-${request.need}`);
    if (request.category) names.push(`category-${request.category}`);
    if (request.noPlan) names.push("no-ehc-plan");
    if (request.selfReferral) names.push("self-referral");
    if (request.free) names.push("free");
    const ages = [];
    if (age) for (let year = age.min; year <= age.max; year++) ages.push(`age-${year}`);
    // "No EHC plan needed" at the child's age: not the services that need a plan from that age on.
    const needPlan = request.noPlan && age
      ? this.manifest.facets.filter((name) => /^ehc-plan-from-\d+$/.test(name) && Number(name.slice(14)) <= age.min)
      : [];
    if (names.length === 0 && ages.length === 0) return null;
    const [sets, ageSets, planSets] = await Promise.all([
      Promise.all(names.map((name) => this.facet(name))),
      Promise.all(ages.map((name) => this.facet(name))),
      Promise.all(needPlan.map((name) => this.facet(name))),
    ]);
    const allowed = new Uint8Array(this.manifest.services);
    for (let id = 0; id < allowed.length; id++) {
      allowed[id] = sets.every((set) => set[id]) && (ageSets.length === 0 || ageSets.some((set) => set[id]))
        && !planSets.some((set) => set[id]) ? 1 : 0;
    }
    return allowed;
  }
}

function byRank(a, b) {
  return b.matched - a.matched || b.score - a.score || a.id - b.id;
}

function indexOfRun(haystack, needle, from) {
  outer: for (let start = from; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return start;
  }
  return -1;
}
