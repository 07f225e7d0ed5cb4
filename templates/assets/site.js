// Progressive enhancement only: every page can be read and used without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js-enabled");

  // "My list": services a family saves, kept in this browser only (nothing leaves the device).
  var KEY = "localoffer:my-list";

  function read() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(saved) ? saved.filter(function (item) { return item && item.slug && item.url; }) : [];
    } catch (error) {
      return [];
    }
  }

  function write(items) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(items));
      return true;
    } catch (error) {
      return false;
    }
  }

  function has(slug) {
    return read().some(function (item) { return item.slug === slug; });
  }

  function toggle(service) {
    var items = read();
    var without = items.filter(function (item) { return item.slug !== service.slug; });
    if (without.length === items.length) without.push(service);
    write(without);
  }

  function label(button, saved) {
    button.setAttribute("aria-pressed", saved ? "true" : "false");
    button.textContent = saved ? "Saved to my list (remove)" : "Save to my list";
  }

  /** Turns an element carrying data-save-service into a working toggle button. */
  function enhance(button) {
    var service = { slug: button.dataset.slug, title: button.dataset.title, url: button.dataset.url };
    label(button, has(service.slug));
    button.hidden = false;
    button.addEventListener("click", function () {
      toggle(service);
      label(button, has(service.slug));
      var status = document.querySelector("[data-my-list-status]");
      if (status) status.textContent = has(service.slug) ? service.title + " saved to your list." : service.title + " removed from your list.";
    });
  }

  window.localOfferMyList = { read: read, write: write, has: has, toggle: toggle, enhance: enhance };

  function start() {
    var buttons = document.querySelectorAll("button[data-save-service]");
    for (var index = 0; index < buttons.length; index++) enhance(buttons[index]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
