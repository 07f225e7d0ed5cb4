// What a relevance query expects, checked the same way for the index and for the browser.
const slugOf = (url) => url.replace(/\/$/, "").split("/").pop();

export function check(query, results) {
  const problems = [];
  const top3 = results.services.slice(0, 3).map((hit) => slugOf(hit.url));
  const all = results.services.map((hit) => slugOf(hit.url));
  const pagesTop3 = results.pages.slice(0, 3).map((hit) => slugOf(hit.url));
  for (const slug of query.top3 || []) if (!top3.includes(slug)) problems.push(`${slug} not in the top 3 (${top3.join(", ")})`);
  if (query.top3any && !query.top3any.some((slug) => top3.includes(slug))) {
    problems.push(`none of ${query.top3any.join(", ")} in the top 3 (${top3.join(", ")})`);
  }
  for (const slug of query.exclude || []) if (all.includes(slug)) problems.push(`${slug} must be excluded`);
  for (const slug of query.pagesTop3 || []) if (!pagesTop3.includes(slug)) problems.push(`page ${slug} not in the top 3 pages (${pagesTop3.join(", ")})`);
  if (query.pagesTop3any && !query.pagesTop3any.some((slug) => pagesTop3.includes(slug))) {
    problems.push(`none of the pages ${query.pagesTop3any.join(", ")} in the top 3 pages (${pagesTop3.join(", ")})`);
  }
  if (query.age !== undefined) {
    for (const hit of results.services) {
      if (hit.ages && (query.age < hit.ages[0] || query.age > hit.ages[1])) problems.push(`${slugOf(hit.url)} is for ages ${hit.ages} but the child is ${query.age}`);
    }
  }
  if (query.minimum !== undefined && results.total < query.minimum) problems.push(`only ${results.total} results, expected at least ${query.minimum}`);
  if (!query.q && query.minimum === undefined && results.total === 0) problems.push("no results");
  return problems;
}
