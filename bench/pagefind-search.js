// Pagefind search page for bench/search_benchmark.py, built the way our own search page works so
// that "results shown" means the same for both: search as you type, the query kept in the address
// bar, answers to an older query dropped, the top N results rendered as links. As Pagefind's own UI:
// the JS API is loaded on the first search, N = 5 and a 300 ms typing pause (data-results and
// data-debounce on the form change them; 0 searches on every keystroke).
const form = document.querySelector("[data-pagefind-form]");
const input = document.querySelector("#search-q");
const status = document.querySelector("[data-search-status]");
const results = document.querySelector("[data-search-results]");
const shown = Number.parseInt(form?.dataset.results ?? "", 10) || 5;
const pause = Number.parseInt(form?.dataset.debounce ?? "", 10);
const debounce = Number.isInteger(pause) && pause >= 0 ? pause : 300;

let pagefind = null;
let latest = 0;
let timer = 0;

const load = () => (pagefind ??= import("/pagefind/pagefind.js"));

const element = (name, attributes = {}, text) => {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
};

async function run(query) {
  const ticket = ++latest;
  if (!query.trim()) {
    results.replaceChildren();
    status.textContent = "Type what you are looking for.";
    return;
  }
  try {
    const pf = await load();
    const search = await pf.search(query);
    if (ticket !== latest || !search) return;
    const top = await Promise.all(search.results.slice(0, shown).map((result) => result.data()));
    if (ticket !== latest) return;
    const list = element("ul", { class: "app-service-list" });
    for (const data of top) {
      const item = element("li", { class: "app-service-list__item" });
      const heading = element("h3", { class: "app-service-list__title" });
      heading.append(element("a", { href: data.url }, data.meta?.title || data.url));
      item.append(heading);
      list.append(item);
    }
    results.replaceChildren(list);
    const total = search.results.length;
    status.textContent = `${total} ${total === 1 ? "page" : "pages"} found` +
      (total > top.length ? `, showing the first ${top.length}.` : ".");
  } catch (error) {
    if (ticket === latest) status.textContent = `Search is not working: ${error}`;
  }
}

function update() {
  const query = input.value;
  history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  run(query);
}

if (form && input && status && results) {
  form.addEventListener("input", () => {
    clearTimeout(timer);
    if (debounce === 0) update();
    else timer = setTimeout(update, debounce);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update();
  });
  input.value = new URLSearchParams(location.search).get("q") || "";
  document.documentElement.classList.add("app-search-enhanced");
  if (input.value) update();
}
