// Porter2 (Snowball English) stemmer: a port of Sources/LocalOfferSearch/Porter2Stemmer.swift.
// The search index was stemmed by the Swift version, so this must give identical stems;
// tests/search/test_porter2_js.py checks it against the shared fixture.

const EXCEPTIONAL_FORMS = new Map([
  ["skis", "ski"], ["skies", "sky"],
  ["idly", "idl"], ["gently", "gentl"], ["ugly", "ugli"], ["early", "earli"],
  ["only", "onli"], ["singly", "singl"],
  ["sky", "sky"], ["news", "news"], ["howe", "howe"],
  ["atlas", "atlas"], ["cosmos", "cosmos"], ["bias", "bias"], ["andes", "andes"],
]);

// Words whose R1 would otherwise start too early, e.g. "generous" vs "general".
const R1_PREFIXES = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"];

// [suffix, replacement, letters allowed before it, suffix must also be in R2]
const rules = (...list) => list.sort((a, b) => b[0].length - a[0].length); // only the longest match is tried

const STEP2_RULES = rules(
  ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"],
  ["entli", "ent"], ["izer", "ize"], ["ization", "ize"],
  ["ational", "ate"], ["ation", "ate"], ["ator", "ate"],
  ["alism", "al"], ["aliti", "al"], ["alli", "al"], ["fulness", "ful"],
  ["ousli", "ous"], ["ousness", "ous"], ["iveness", "ive"], ["iviti", "ive"],
  ["biliti", "ble"], ["bli", "ble"], ["ogist", "og"], ["ogi", "og", "l"],
  ["fulli", "ful"], ["lessli", "less"], ["li", "", "cdeghkmnrt"],
);
const STEP3_RULES = rules(
  ["tional", "tion"], ["ational", "ate"], ["alize", "al"],
  ["icate", "ic"], ["iciti", "ic"], ["ical", "ic"],
  ["ful", ""], ["ness", ""], ["ative", "", "", true],
);
const STEP4_RULES = rules(
  ...["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
    "iti", "ous", "ive", "ize"].map((suffix) => [suffix, ""]),
  ["ion", "", "st"],
);

// Rules only read ASCII letters and treat anything else as a consonant they never remove, so
// each other code point is stood in for by one placeholder character and put back at the end.
const NON_ASCII = /[^\x00-\x7f]/gu;
const PLACEHOLDER = "\u0080";

const VOWELS = new Set("aeiouy");
const isVowel = (letter) => VOWELS.has(letter);
const hasVowel = (text) => [...text].some(isVowel);

/** Stems a lower-cased word. */
export function stem(word) {
  if (EXCEPTIONAL_FORMS.has(word)) return EXCEPTIONAL_FORMS.get(word);
  const nonAscii = word.match(NON_ASCII) ?? [];
  const letters = word.replace(NON_ASCII, PLACEHOLDER); // so lengths count code points, as the reference does
  if (letters.length < 3) return word;
  let next = 0;
  return new WordBeingStemmed(letters).stem().replace(/\u0080/g, () => nonAscii[next++]);
}

/** One stemming run. R1 and R2 keep their start indices even as later steps shorten the word. */
class WordBeingStemmed {
  constructor(letters) {
    this.word = letters;
  }

  stem() {
    if (this.word.startsWith("'")) this.word = this.word.slice(1);
    const markedConsonantY = this.markConsonantYs();
    this.markRegions();
    this.removePossessive();
    this.step1a();
    this.step1b();
    this.step1c();
    this.applyLongestSuffixRule(STEP2_RULES, this.r1);
    this.applyLongestSuffixRule(STEP3_RULES, this.r1);
    this.applyLongestSuffixRule(STEP4_RULES, this.r2);
    this.step5();
    return markedConsonantY ? this.word.replace(/Y/g, "y") : this.word;
  }

  // A "y" acting as a consonant (initial, or after a vowel) becomes "Y" so vowel tests skip it.
  markConsonantYs() {
    let marked = "";
    for (const letter of this.word) {
      const isConsonantY = letter === "y" && (marked === "" || isVowel(marked[marked.length - 1]));
      marked += isConsonantY ? "Y" : letter;
    }
    const changed = marked !== this.word;
    this.word = marked;
    return changed;
  }

  markRegions() {
    const prefix = R1_PREFIXES.find((candidate) => this.word.startsWith(candidate));
    this.r1 = prefix ? prefix.length : this.endOfFirstVowelThenConsonant(0);
    this.r2 = this.endOfFirstVowelThenConsonant(this.r1);
  }

  endOfFirstVowelThenConsonant(start) {
    const { word } = this;
    let index = start;
    while (index < word.length && !isVowel(word[index])) index++;
    index++;
    while (index < word.length && isVowel(word[index])) index++;
    return Math.min(index + 1, word.length);
  }

  removePossessive() {
    const suffix = ["'s'", "'s", "'"].find((candidate) => this.word.endsWith(candidate));
    if (suffix) this.cut(suffix.length);
  }

  step1a() {
    const { word } = this;
    if (word.endsWith("sses")) {
      this.cut(2);
    } else if (word.endsWith("ied") || word.endsWith("ies")) {
      // "ties" -> "tie" but "cries" -> "cri": keep the "e" when one letter precedes.
      this.cut(word.length > 4 ? 2 : 1);
    } else if (word.endsWith("us") || word.endsWith("ss")) {
      // kept
    } else if (word.endsWith("s") && hasVowel(word.slice(0, -2))) {
      // "gas" and "this" keep their "s": the vowel must come before the letter preceding it.
      this.cut(1);
    }
  }

  step1b() {
    const { word } = this;
    const eedSuffix = ["eedly", "eed"].find((suffix) => word.endsWith(suffix));
    if (eedSuffix) {
      const before = word.slice(0, -eedSuffix.length);
      if (before.length >= this.r1 && !["proc", "exc", "succ"].includes(before)) this.word = `${before}ee`;
      return;
    }
    if (word.endsWith("ing")) {
      if (word.length === 5 && word[1] === "y" && !isVowel(word[0])) {
        this.word = `${word[0]}ie`; // dying, lying, tying, vying
        return;
      }
      if (["inn", "out", "cann", "herr", "earr", "even"].includes(word.slice(0, -3))) return;
    }
    const suffix = ["ingly", "edly", "ing", "ed"].find((candidate) => word.endsWith(candidate));
    if (!suffix || !hasVowel(word.slice(0, -suffix.length))) return;

    this.cut(suffix.length);
    const stemmed = this.word;
    const last = stemmed[stemmed.length - 1];
    if (["at", "bl", "iz"].some((ending) => stemmed.endsWith(ending))) {
      this.word += "e"; // luxuriat(ing) -> luxuriate
    } else if (last === stemmed[stemmed.length - 2] && "bdfgmnprt".includes(last)) {
      // "hopp" -> "hop", but "add", "egg" and "odd" are whole words.
      if (!(stemmed.length === 3 && "aeo".includes(stemmed[0]))) this.cut(1);
    } else if (stemmed.length === this.r1 && this.endsWithShortSyllable(stemmed.length)) {
      this.word += "e"; // hop(ing) -> hope
    }
  }

  // Consonant-vowel-consonant (the last not w, x or Y), or vowel-consonant at the start
  // of the word. Snowball 3.1 also treats "past" as short.
  endsWithShortSyllable(end) {
    const { word } = this;
    if (end >= 3 && !isVowel(word[end - 1]) && !"wxY".includes(word[end - 1])
      && isVowel(word[end - 2]) && !isVowel(word[end - 3])) return true;
    if (end === 2 && !isVowel(word[1]) && isVowel(word[0])) return true;
    return word.slice(0, end).endsWith("past");
  }

  step1c() {
    const { word } = this;
    const last = word[word.length - 1];
    if (word.length >= 3 && (last === "y" || last === "Y") && !isVowel(word[word.length - 2])) {
      this.word = `${word.slice(0, -1)}i`; // cry -> cri, but "say" and "by" are unchanged
    }
  }

  applyLongestSuffixRule(rules, regionStart) {
    const { word } = this;
    const rule = rules.find(([suffix]) => word.endsWith(suffix));
    if (!rule) return;
    const [suffix, replacement, onlyAfter, needsR2] = rule;
    const suffixStart = word.length - suffix.length;
    if (suffixStart < regionStart || (needsR2 && suffixStart < this.r2)) return;
    if (onlyAfter && !(suffixStart > 0 && onlyAfter.includes(word[suffixStart - 1]))) return;
    this.word = word.slice(0, suffixStart) + replacement;
  }

  step5() {
    const { word } = this;
    const suffixStart = word.length - 1;
    const last = word[suffixStart];
    if (last === "e") {
      if (suffixStart >= this.r2 || (suffixStart >= this.r1 && !this.endsWithShortSyllable(suffixStart))) this.cut(1);
    } else if (last === "l" && suffixStart >= this.r2 && word[suffixStart - 1] === "l") {
      this.cut(1);
    }
  }

  cut(count) {
    this.word = this.word.slice(0, this.word.length - count);
  }
}
