// The "My list" page: the saved services with their key facts and contacts, ready to print or share.
// Facts come from each service's own page, so they are always the published ones.
(function () {
  "use strict";
  var root = document.querySelector("[data-my-list]");
  var myList = window.localOfferMyList;
  if (!root || !myList) return;

  var status = document.querySelector("[data-my-list-status]");
  var shared = new URLSearchParams(window.location.search).get("services");
  var base = root.dataset.servicesUrl;

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function sharedItems() {
    return shared.split(",").filter(function (slug) { return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug); })
      .map(function (slug) { return { slug: slug, title: slug, url: base + slug + "/" }; });
  }

  function load(item) {
    return fetch(item.url).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      return { item: item, page: page };
    }).catch(function () {
      return { item: item, page: null };
    });
  }

  function render(entries, isShared) {
    var list = element("ol", { class: "app-my-list" });
    entries.forEach(function (entry) {
      var item = entry.item;
      var page = entry.page;
      var li = element("li", { class: "app-my-list__item" });
      var heading = element("h2", { class: "app-heading-m" });
      var title = page && page.querySelector("h1") ? page.querySelector("h1").textContent.trim() : item.title;
      heading.appendChild(element("a", { href: item.url }, title));
      li.appendChild(heading);
      if (!page) {
        li.appendChild(element("p", {}, "This service could not be loaded. It may have been removed from the Local Offer."));
      } else {
        var summary = page.querySelector(".app-lead");
        if (summary) li.appendChild(element("p", {}, summary.textContent.trim()));
        var facts = page.querySelector(".app-summary-list");
        if (facts) li.appendChild(document.importNode(facts, true));
        var contact = page.querySelector(".app-contact");
        if (contact) {
          li.appendChild(element("h3", { class: "app-heading-s" }, "Contact"));
          li.appendChild(document.importNode(contact, true));
        }
      }
      if (!isShared) {
        var remove = element("button", { type: "button", class: "app-button app-button--secondary app-no-print" }, "Remove " + title + " from my list");
        remove.addEventListener("click", function () {
          myList.write(myList.read().filter(function (saved) { return saved.slug !== item.slug; }));
          if (status) status.textContent = title + " removed from your list.";
          show();
        });
        li.appendChild(remove);
      }
      list.appendChild(li);
    });
    return list;
  }

  function shareLink(items) {
    var url = new URL(window.location.pathname, window.location.href);
    url.searchParams.set("services", items.map(function (item) { return item.slug; }).join(","));
    return url.toString();
  }

  function actions(items, isShared) {
    var box = element("div", { class: "app-my-list__actions app-no-print" });
    if (isShared) {
      var keep = element("button", { type: "button", class: "app-button" }, "Save these services to my list");
      keep.addEventListener("click", function () {
        var saved = myList.read();
        items.forEach(function (item) {
          if (!saved.some(function (existing) { return existing.slug === item.slug; })) saved.push(item);
        });
        myList.write(saved);
        shared = null;
        window.history.replaceState(null, "", window.location.pathname);
        if (status) status.textContent = "Saved to your list.";
        show();
      });
      box.appendChild(keep);
      return box;
    }
    var print = element("button", { type: "button", class: "app-button" }, "Print my list");
    print.addEventListener("click", function () { window.print(); });
    box.appendChild(print);
    var label = element("label", { class: "app-label", for: "my-list-share" }, "Share your list: copy this link");
    var input = element("input", { class: "app-input", id: "my-list-share", type: "text", readonly: "readonly" });
    input.value = shareLink(items);
    var copy = element("button", { type: "button", class: "app-button app-button--secondary" }, "Copy link");
    copy.addEventListener("click", function () {
      input.select();
      var done = function () { if (status) status.textContent = "Link copied."; };
      if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(done, done);
      else done();
    });
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(copy);
    return box;
  }

  function show() {
    var isShared = Boolean(shared);
    var items = isShared ? sharedItems() : myList.read();
    root.textContent = "";
    if (items.length === 0) {
      root.appendChild(element("p", {}, "Your list is empty. Use “Save to my list” on any service to keep it here."));
      return;
    }
    root.appendChild(element("p", {}, isShared
      ? "Someone shared this list of " + items.length + " services with you."
      : "You have saved " + items.length + (items.length === 1 ? " service." : " services.")));
    Promise.all(items.map(load)).then(function (entries) {
      root.appendChild(render(entries, isShared));
      root.appendChild(actions(items, isShared));
    });
  }

  show();
})();
