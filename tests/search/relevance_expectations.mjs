// What a relevance query expects, checked the same way for the index (Node) and for the browser.
//
// A query: { q, age?, need?, category?, noPlan?, selfReferral?, free?, why? } and any of:
//   top3: [slug…]        every one is among the first three services
//   top3any: [slug…]     at least one is among the first three services
//   first: slug          the first service
//   exclude: [slug…]     never listed
//   pagesTop3(any): […]  information pages among the first three (the best answer counts first)
//   glossaryTop3: [term…] glossary entries (anchors) among the first three of the jargon buster group
//   best: slug           the best answer shown above the services (a page slug or a glossary anchor)
//   typedAge: n          the query names this age: it becomes the filter and every service listed is open to it
//   minimum / maxTotal   bounds on the number of services found
// `results` is { services: [{url, ages}], pages: [{url}], glossary: [{url}], total, best: {url} | null, age: {min, max} | null }.
export const slugOf = (url) => (url.includes("#") ? url.split("#").pop() : url.replace(/\/$/, "").split("/").pop());

export function check(query, results) {
  const problems = [];
  const all = results.services.map((hit) => slugOf(hit.url));
  const top3 = all.slice(0, 3);
  const pages = [...(results.best && !results.best.url.includes("#") ? [results.best] : []), ...results.pages];
  const pagesTop3 = pages.slice(0, 3).map((hit) => slugOf(hit.url));
  for (const slug of query.top3 || []) if (!top3.includes(slug)) problems.push(`${slug} not in the top 3 (${top3.join(", ")})`);
  if (query.top3any && !query.top3any.some((slug) => top3.includes(slug))) {
    problems.push(`none of ${query.top3any.join(", ")} in the top 3 (${top3.join(", ")})`);
  }
  if (query.first && all[0] !== query.first) problems.push(`${query.first} is not first (${top3.join(", ")})`);
  for (const slug of query.exclude || []) if (all.includes(slug)) problems.push(`${slug} must be excluded`);
  for (const slug of query.pagesTop3 || []) if (!pagesTop3.includes(slug)) problems.push(`page ${slug} not in the top 3 pages (${pagesTop3.join(", ")})`);
  if (query.pagesTop3any && !query.pagesTop3any.some((slug) => pagesTop3.includes(slug))) {
    problems.push(`none of the pages ${query.pagesTop3any.join(", ")} in the top 3 pages (${pagesTop3.join(", ")})`);
  }
  const glossary = [...(results.best && results.best.url.includes("#") ? [results.best] : []), ...(results.glossary || [])];
  const glossaryTop3 = glossary.slice(0, 3).map((hit) => slugOf(hit.url));
  for (const anchor of query.glossaryTop3 || []) if (!glossaryTop3.includes(anchor)) problems.push(`glossary entry ${anchor} not in the top 3 (${glossaryTop3.join(", ")})`);
  if (query.best !== undefined) {
    const best = results.best ? slugOf(results.best.url) : null;
    if (best !== query.best) problems.push(`the best answer is ${best}, expected ${query.best}`);
  }
  const ages = [];
  if (query.age !== undefined) ages.push([query.age, query.age]);
  if (query.typedAge !== undefined) {
    const age = results.age;
    if (!age || query.typedAge < age.min || query.typedAge > age.max) {
      problems.push(`the query's age was read as ${age ? `${age.min} to ${age.max}` : "nothing"}, expected ${query.typedAge}`);
    } else {
      ages.push([age.min, age.max]);
    }
  }
  for (const [min, max] of ages) {
    for (const hit of results.services) {
      if (hit.ages && (max < hit.ages[0] || min > hit.ages[1])) problems.push(`${slugOf(hit.url)} is for ages ${hit.ages} but the child is ${min === max ? min : `${min} to ${max}`}`);
    }
  }
  if (query.minimum !== undefined && results.total < query.minimum) problems.push(`only ${results.total} results, expected at least ${query.minimum}`);
  if (query.maxTotal !== undefined && results.total > query.maxTotal) problems.push(`${results.total} services listed, at most ${query.maxTotal} expected`);
  if (!query.q && query.minimum === undefined && results.total === 0) problems.push("no results");
  return problems;
}

/** 1 / the rank of the first right answer (0 when none is listed), or null when the query names none. */
export function reciprocalRank(query, results) {
  const expected = [...(query.top3 || []), ...(query.top3any || []), ...(query.first ? [query.first] : [])];
  if (expected.length) {
    const index = results.services.findIndex((hit) => expected.includes(slugOf(hit.url)));
    return index < 0 ? 0 : 1 / (index + 1);
  }
  if (query.best !== undefined) return results.best && slugOf(results.best.url) === query.best ? 1 : 0;
  return null;
}

/** "MRR 0.91, right answer in the top 3 for 97% (116 of 120 queries)" */
export function summary(ranks) {
  const scored = ranks.filter((rank) => rank !== null);
  const mrr = scored.reduce((sum, rank) => sum + rank, 0) / Math.max(1, scored.length);
  const top3 = scored.filter((rank) => rank >= 1 / 3).length;
  return {
    mrr: Number(mrr.toFixed(3)),
    top3Share: Number((top3 / Math.max(1, scored.length)).toFixed(3)),
    text: `MRR ${mrr.toFixed(3)}, right answer in the top 3 for ${Math.round((100 * top3) / Math.max(1, scored.length))}% (${top3} of ${scored.length} queries)`,
  };
}
