// The search page: results as you type, filters, the query kept in the address bar.
// The page works without this file (see the <noscript> browse links); this only adds.
import { SearchIndex } from "./engine.js";

const form = document.querySelector("[data-search-form]");
const status = document.querySelector("[data-search-status]");
const results = document.querySelector("[data-search-results]");

if (form && status && results) {
  const index = new SearchIndex(form.dataset.index, (path) =>
    fetch(path).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${path}`);
      return response.text();
    }),
  );
  const fields = ["q", "age", "need", "category", "noPlan", "selfReferral", "free"];
  const PAGE = 10;
  let latest = 0;
  let limit = PAGE;

  const read = () => {
    const data = new FormData(form);
    return {
      q: (data.get("q") || "").toString(),
      age: (data.get("age") || "").toString(),
      need: (data.get("need") || "").toString(),
      category: (data.get("category") || "").toString(),
      noPlan: data.has("noPlan"),
      selfReferral: data.has("selfReferral"),
      free: data.has("free"),
    };
  };

  const toParameters = (request) => {
    const parameters = new URLSearchParams();
    for (const field of fields) {
      const value = request[field];
      if (value === true) parameters.set(field, "1");
      else if (value) parameters.set(field, value);
    }
    return parameters;
  };

  const write = (parameters) => {
    for (const field of fields) {
      const control = form.elements.namedItem(field);
      if (!control) continue;
      if (control.type === "checkbox") control.checked = parameters.get(field) === "1";
      else control.value = parameters.get(field) || "";
    }
  };

  const element = (name, attributes = {}, text) => {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const reasonText = (hit, request) => {
    const parts = hit.reasons.map((reason) => {
      const found = reason.terms.join(" ");
      if (reason.via === "synonym") return `“${reason.word}” (also searched for “${found}”)`;
      if (reason.via === "spelling") return `“${reason.word}” (spelling like “${found}”)`;
      return `“${reason.word}”`;
    });
    const filters = [];
    if (request.age !== "") filters.push(`ages ${hit.a[0]} to ${hit.a[1]} include ${request.age}`);
    if (request.noPlan) filters.push("no EHC plan needed");
    if (request.selfReferral) filters.push("you can ask directly");
    if (request.free) filters.push("free");
    const matched = parts.length ? `Matches ${parts.join(", ")}` : "";
    const fits = filters.length ? `Fits: ${filters.join(", ")}` : "";
    return [matched, fits].filter(Boolean).join(". ");
  };

  const renderService = (hit, request) => {
    const item = element("li", { class: "app-service-list__item" });
    const heading = element("h3", { class: "app-service-list__title" });
    heading.append(element("a", { href: hit.u }, hit.t));
    item.append(heading, element("p", { class: "app-service-list__summary" }, hit.s));
    const tags = element("ul", { class: "app-tags", "aria-label": "Key facts" });
    tags.append(element("li", { class: "app-tag" }, `Ages ${hit.a[0]} to ${hit.a[1]}`));
    tags.append(hit.f.includes("ehc")
      ? element("li", { class: "app-tag app-tag--grey" }, "EHC plan needed")
      : element("li", { class: "app-tag app-tag--green" }, "No EHC plan needed"));
    if (hit.f.includes("self")) tags.append(element("li", { class: "app-tag app-tag--green" }, "You can ask directly"));
    if (hit.f.includes("free")) tags.append(element("li", { class: "app-tag app-tag--green" }, "Free"));
    item.append(tags, element("p", { class: "app-service-list__provider" }, `Provided by ${hit.o}`));
    const reason = reasonText(hit, request);
    if (reason) item.append(element("p", { class: "app-search-reason" }, reason));
    if (window.localOfferMyList) {
      const slug = hit.u.replace(/\/$/, "").split("/").pop();
      const save = element("button", {
        type: "button", class: "app-button app-button--secondary", "data-save-service": "",
        "data-slug": slug, "data-title": hit.t, "data-url": hit.u,
      }, "Save to my list");
      window.localOfferMyList.enhance(save);
      item.append(save);
    }
    return item;
  };

  const renderGroup = (title, hits, render) => {
    const section = element("section", { class: "app-search-group" });
    section.append(element("h2", { class: "app-heading-m" }, title));
    const list = element("ul", { class: "app-service-list" });
    for (const hit of hits) list.append(render(hit));
    section.append(list);
    return section;
  };

  const renderLink = (hit) => {
    const item = element("li", { class: "app-service-list__item" });
    const heading = element("h3", { class: "app-service-list__title" });
    heading.append(element("a", { href: hit.u }, hit.t));
    item.append(heading, element("p", { class: "app-service-list__summary" }, hit.s));
    return item;
  };

  const run = async (request) => {
    const ticket = ++latest;
    const empty = !request.q.trim() && !request.age && !request.need && !request.category
      && !request.noPlan && !request.selfReferral && !request.free;
    if (empty) {
      results.replaceChildren();
      status.textContent = "Type what you are looking for, or choose a filter.";
      return;
    }
    let answer;
    try {
      answer = await index.search(request, limit);
    } catch (error) {
      if (ticket === latest) status.textContent = "Search is not working at the moment. Browse services instead.";
      return;
    }
    if (ticket !== latest) return;
    const groups = [];
    if (answer.services.length) {
      groups.push(renderGroup(`Services (${answer.total})`, answer.services, (hit) => renderService(hit, request)));
    }
    if (answer.pages.length) groups.push(renderGroup("Information and advice", answer.pages, renderLink));
    if (answer.glossary.length) groups.push(renderGroup("Jargon buster", answer.glossary, renderLink));
    if (answer.total > answer.services.length) {
      const more = element("button", { type: "button", class: "app-button app-button--secondary" },
        `Show ${Math.min(PAGE * 2, answer.total - answer.services.length)} more services`);
      more.addEventListener("click", async () => {
        const first = answer.services.length;
        limit = first + PAGE * 2;
        await run(request);
        // Keyboard and screen reader users continue from the first newly shown service.
        const links = results.querySelectorAll("section:first-child h3 a");
        if (links[first]) links[first].focus();
      });
      groups[0].append(more);
    }
    results.replaceChildren(...groups);
    const shown = answer.total > answer.services.length ? `, showing the first ${answer.services.length}` : "";
    const others = answer.pages.length + answer.glossary.length;
    status.textContent = answer.total === 0 && others === 0
      ? "No services found. Try fewer words or fewer filters."
      : `${answer.total} ${answer.total === 1 ? "service" : "services"} found${shown}` +
        (others ? `, and ${others} ${others === 1 ? "page" : "pages"} of information` : "") + ".";
  };

  const update = (push) => {
    limit = PAGE;
    const request = read();
    const parameters = toParameters(request);
    const address = parameters.toString() ? `?${parameters}` : location.pathname;
    if (push) history.pushState(null, "", address);
    else history.replaceState(null, "", address);
    run(request);
  };

  // Every keystroke searches at once: answers to older keystrokes are dropped when they arrive late.
  form.addEventListener("input", () => update(false));
  // Start loading the index as soon as someone is about to search.
  form.addEventListener("focusin", () => index.load().catch(() => {}), { once: true });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update(true);
  });
  window.addEventListener("popstate", () => {
    write(new URLSearchParams(location.search));
    run(read());
  });

  write(new URLSearchParams(location.search));
  document.documentElement.classList.add("app-search-enhanced");
  run(read());
}
