// Say status messages to screen readers: the toasts ("Added Priya Raman…") and
// the notes that change when something is saved ("Saved at 09:36").
//
// Streamlit's toasts are not in a live region, and a caption never is. So one
// polite live region, visually hidden, is added to the page once, and whatever
// a new toast says, or a status note now says, is put into it. A status note is
// a container whose key starts with "status-" (ui/forms.py, status_line): what
// it shows when a page opens is not announced, only how it changes afterwards.
//
// No less-than sign anywhere in this file: the HTML sanitiser would drop the whole script.
(() => {
  if (window.followupAnnouncer) return;
  window.followupAnnouncer = true;

  // In a closed shadow root: screen readers read it, but a search of the page's
  // text (the browser's own, or a test's) does not find every message twice.
  const host = document.createElement("div");
  host.setAttribute("data-testid", "followupAnnouncer");
  const region = document.createElement("div");
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true");
  Object.assign(host.style, {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: "0",
    border: "0",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  });
  host.attachShadow({ mode: "closed" }).appendChild(region);
  document.body.appendChild(host);

  // The words only: an icon is drawn from the name of its symbol ("cloud_done"), which is not said.
  const words = (element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('[data-testid*="Icon"], [role="img"], [translate="no"]').forEach((icon) => icon.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  };

  let pending = [];
  let timer = null;
  const say = (text) => {
    if (!text || pending.includes(text)) return;
    pending.push(text);
    clearTimeout(timer);
    // Emptied first, then filled: the same words said twice in a row are still announced.
    region.textContent = "";
    timer = setTimeout(() => {
      region.textContent = pending.join(" ");
      pending = [];
    }, 150);
  };

  const toastsSeen = new WeakSet();
  const notesSeen = new Map();
  const keyOf = (element) =>
    Array.from(element.classList).find((name) => name.startsWith("st-key-status-"));

  let page = location.pathname;
  const look = () => {
    // Another page, or another interview on it: what its notes say at first is not news.
    if (location.pathname !== page) {
      page = location.pathname;
      notesSeen.clear();
    }
    document.querySelectorAll('[data-testid="stToast"]').forEach((toast) => {
      if (toastsSeen.has(toast)) return;
      toastsSeen.add(toast);
      say(words(toast));
    });
    document.querySelectorAll('[class*="st-key-status-"]').forEach((note) => {
      const key = keyOf(note);
      if (!key) return;
      const now = words(note);
      const before = notesSeen.get(key);
      notesSeen.set(key, now);
      if (before !== undefined && before !== now) say(now);
    });
  };

  look();
  new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
})();
