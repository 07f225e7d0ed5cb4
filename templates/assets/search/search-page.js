// The search page: results as you type, filters, the query kept in the address bar.
// The page works without this file (see the <noscript> browse links); this only adds.
//
// It is an async module: it may run before the page is parsed. A search in the address (a form
// submitted from another page) needs no page, so it starts at once, while the page is still
// arriving; drawing waits for the page.
import { SearchIndex } from "./engine.js";

const fields = ["q", "age", "need", "category", "noPlan", "selfReferral", "free"];
const PAGE = 10;
const fromAddress = (parameters) => ({
  q: parameters.get("q") || "",
  age: parameters.get("age") || "",
  need: parameters.get("need") || "",
  category: parameters.get("category") || "",
  noPlan: parameters.get("noPlan") === "1",
  selfReferral: parameters.get("selfReferral") === "1",
  free: parameters.get("free") === "1",
});
const sameRequest = (a, b) => fields.every((field) => a[field] === b[field]);

// The index lives in <base>search/, the script in <base>assets/search/.
// search/boot.js may have started fetching the query's shards already: take those answers.
const prefetched = window.localOfferSearchPrefetch || {};
const index = new SearchIndex(document.querySelector("[data-search-form]")?.dataset.index || new URL("../../search/", import.meta.url).pathname,
  (path) => {
    const early = prefetched[new URL(path, location.href).href];
    if (early) return early;
    return fetch(path).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${path}`);
      return response.text();
    });
  });
// The manifest is already on its way (preloaded in the head).
index.load().catch(() => {});
const first = fromAddress(new URLSearchParams(location.search));
// The first services are drawn as soon as their records are in (see `early` in engine.js).
let drawEarly = null;
const firstAnswer = first.q.trim() || first.age || first.need || first.category || first.noPlan || first.selfReferral || first.free
  ? index.search(first, PAGE, (answer) => drawEarly?.(answer))
  : null;
firstAnswer?.catch(() => {});
if (document.readyState === "loading") await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));

const form = document.querySelector("[data-search-form]");
const status = document.querySelector("[data-search-status]");
const results = document.querySelector("[data-search-results]");
const chips = document.querySelector("[data-search-chips]");
const filters = document.querySelector("[data-search-filters]");
const toggle = document.querySelector("[data-filter-toggle]");

if (form && status && results && chips) {
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

  const optionText = (name, value) => {
    const control = form.elements.namedItem(name);
    const option = control && [...control.options].find((candidate) => candidate.value === value);
    return option ? option.textContent : value;
  };

  // ------------------------------------------------------------------------------------------
  // Filters fold behind a "Filter" button on narrow screens.

  const narrow = window.matchMedia("(max-width: 1019px)");
  const chosenFilters = (request) => [request.age, request.need, request.category, request.noPlan, request.selfReferral, request.free]
    .filter(Boolean).length;
  const setFolded = (folded) => {
    if (!filters || !toggle) return;
    filters.classList.toggle("app-search-filters--folded", folded);
    toggle.setAttribute("aria-expanded", String(!folded));
  };
  const labelToggle = (request) => {
    if (!toggle) return;
    const count = chosenFilters(request);
    toggle.textContent = count ? `Filter (${count} chosen)` : "Filter";
  };
  if (filters && toggle) {
    toggle.hidden = false;
    setFolded(narrow.matches);
    toggle.addEventListener("click", () => setFolded(toggle.getAttribute("aria-expanded") === "true"));
    narrow.addEventListener("change", () => setFolded(narrow.matches));
  }

  // ------------------------------------------------------------------------------------------
  // Results

  const ageText = (age) => (age.min === age.max ? `age ${age.min}` : `ages ${age.min} to ${age.max}`);

  const reasonText = (hit, request, age) => {
    const parts = hit.reasons.map((reason) => {
      const found = reason.terms.join(" ");
      if (reason.via === "synonym") return `“${reason.word}” (also searched for “${found}”)`;
      if (reason.via === "spelling") return `“${reason.word}” (spelling like “${found}”)`;
      return `“${reason.word}”`;
    });
    const fits = [];
    if (age) {
      fits.push(age.min === age.max
        ? `ages ${hit.a[0]} to ${hit.a[1]} include ${age.min}`
        : `ages ${hit.a[0]} to ${hit.a[1]} include some of ${age.min} to ${age.max}`);
    }
    if (request.need) fits.push(optionText("need", request.need).toLowerCase());
    if (request.category) fits.push(optionText("category", request.category).toLowerCase());
    if (request.noPlan) fits.push("no EHC plan needed");
    if (request.selfReferral) fits.push("you can ask directly");
    if (request.free) fits.push("free");
    const matched = parts.length ? `Matches ${parts.join(", ")}` : "";
    const fitText = fits.length ? `Fits: ${fits.join(", ")}` : "";
    return [matched, fitText].filter(Boolean).join(". ");
  };

  const renderService = (hit, request, age) => {
    const item = element("li", { class: "app-service-list__item" });
    const heading = element("h3", { class: "app-service-list__title" });
    heading.append(element("a", { href: hit.u }, hit.t));
    item.append(heading, element("p", { class: "app-service-list__summary" }, hit.s));
    const tags = element("ul", { class: "app-tags", "aria-label": "Key facts" });
    tags.append(element("li", { class: "app-tag" }, `Ages ${hit.a[0]} to ${hit.a[1]}`));
    if (hit.f.includes("ehc")) tags.append(element("li", { class: "app-tag app-tag--grey" }, "EHC plan needed"));
    else if (hit.e !== undefined && !(age && age.max < hit.e)) {
      // The plan is needed from an age on: say from when, unless the child is younger.
      tags.append(element("li", { class: "app-tag app-tag--grey" }, `EHC plan needed from ${hit.e}`));
    } else tags.append(element("li", { class: "app-tag app-tag--green" }, "No EHC plan needed"));
    if (hit.f.includes("self")) tags.append(element("li", { class: "app-tag app-tag--green" }, "You can ask directly"));
    if (hit.f.includes("free")) tags.append(element("li", { class: "app-tag app-tag--green" }, "Free"));
    item.append(tags, element("p", { class: "app-service-list__provider" }, `Provided by ${hit.o}`));
    const reason = reasonText(hit, request, age);
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

  /** The information page or glossary entry that answers the query best, above the services. */
  const renderBest = (hit) => {
    const section = element("section", { class: "app-best-answer", "data-best-answer": "", "aria-labelledby": "best-answer-title" });
    section.append(element("p", { class: "app-best-answer__label" }, hit.k === "g" ? "From the jargon buster" : "Information and advice"));
    const heading = element("h2", { class: "app-best-answer__title", id: "best-answer-title" });
    heading.append(element("a", { href: hit.u }, hit.t));
    section.append(heading, element("p", {}, hit.s));
    return section;
  };

  const renderChips = (answer) => {
    chips.replaceChildren();
    if (!answer.age) return;
    const chip = element("p", { class: "app-search-chip", "data-age-chip": "", "data-min": answer.age.min, "data-max": answer.age.max });
    chip.append(element("span", {}, `Showing services for ${ageText(answer.age)}`));
    const remove = element("button", { type: "button", class: "app-search-chip__remove" }, "Remove");
    remove.append(element("span", { class: "app-visually-hidden" }, ` the filter for ${ageText(answer.age)}`));
    remove.addEventListener("click", () => {
      const input = form.elements.namedItem("q");
      const typed = input.value;
      const at = typed.toLowerCase().indexOf(answer.age.text.toLowerCase());
      if (at >= 0) input.value = (typed.slice(0, at) + typed.slice(at + answer.age.text.length)).replace(/\s+/g, " ").trim();
      update(true);
      input.focus();
    });
    chip.append(remove);
    chips.append(chip);
  };

  const statusText = (answer) => {
    const others = answer.pages.length + answer.glossary.length + (answer.best ? 1 : 0);
    if (answer.tooGeneral) {
      return "Those words do not say which service you need. Add what the help is for (for example speech, autism or short breaks), or choose a filter.";
    }
    if (answer.total === 0 && others === 0) return "No services found. Try other words, fewer words or fewer filters.";
    return `${answer.total} ${answer.total === 1 ? "service" : "services"}`
      + (others ? ` and ${others} information ${others === 1 ? "page" : "pages"}` : "") + " found.";
  };

  const run = async (request) => {
    const ticket = ++latest;
    labelToggle(request);
    const empty = !request.q.trim() && !chosenFilters(request);
    if (empty) {
      results.replaceChildren();
      chips.replaceChildren();
      status.textContent = "Type what you are looking for, or choose a filter.";
      return;
    }
    let answer;
    const early = (partial) => { if (ticket === latest) draw(partial, request); };
    try {
      // The search started before the page was drawn, if it is still the one asked for.
      if (ticket === 1 && firstAnswer && limit === PAGE && sameRequest(request, first)) {
        drawEarly = early;
        answer = await firstAnswer;
      } else {
        // "Show more" keeps what is shown until the longer list is ready.
        answer = await index.search(request, limit, limit === PAGE ? early : null);
      }
    } catch (error) {
      if (ticket === latest) status.textContent = "Search is not working at the moment. Browse services instead.";
      return;
    }
    if (ticket !== latest) return;
    draw(answer, request);
    status.textContent = statusText(answer);
  };

  /** Draws an answer; an early one (the first services only) is drawn again whole when complete. */
  const draw = (answer, request) => {
    const age = request.age !== "" ? { min: Number(request.age), max: Number(request.age) } : answer.age;
    const groups = [];
    if (answer.best) groups.push(renderBest(answer.best));
    if (answer.services.length) {
      const group = renderGroup(`Services (${answer.total})`, answer.services, (hit) => renderService(hit, request, age));
      if (answer.partial) {
        group.querySelector("h2").after(element("p", { class: "app-search-note" },
          "No service matches all of your words. The first ones match most of them."));
      }
      groups.push(group);
    }
    if (answer.pages.length) groups.push(renderGroup("Information and advice", answer.pages, renderLink));
    if (answer.glossary.length) groups.push(renderGroup("Jargon buster", answer.glossary, renderLink));
    if (!answer.early && answer.total > answer.services.length) {
      const more = element("button", { type: "button", class: "app-button app-button--secondary" },
        `Show ${Math.min(PAGE * 2, answer.total - answer.services.length)} more services`);
      more.addEventListener("click", async () => {
        const first = answer.services.length;
        limit = first + PAGE * 2;
        await run(request);
        // Keyboard and screen reader users continue from the first newly shown service.
        const links = results.querySelectorAll(".app-search-group:not(.app-best-answer) .app-service-list__title a");
        if (links[first]) links[first].focus();
      });
      groups.find((group) => group.classList.contains("app-search-group")).append(more);
    }
    renderChips(answer);
    results.replaceChildren(...groups);
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
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update(true);
    // On a phone, the results are below the words: close the filters so they are in view.
    if (narrow.matches) setFolded(true);
  });
  window.addEventListener("popstate", () => {
    write(new URLSearchParams(location.search));
    run(read());
  });

  write(new URLSearchParams(location.search));
  document.documentElement.classList.add("app-search-enhanced");
  run(read());
}
