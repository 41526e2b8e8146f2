// Text typed into a box must reach the server, whatever the user does next.
//
// A text box sends its text when it is left. Two things could lose it:
//
// - Refreshing the tab before the text went out. So a copy is kept in the tab's
//   sessionStorage while typing, with what the box held when typing began, until
//   the page has run after the box was left (the text reached the server). After
//   a reload, when the same box shows that same earlier text again (nothing was
//   saved over it meanwhile), the copy is put back and sent as if the user had
//   left the box.
// - Clicking another page straight from the box. Streamlit asks for the page at
//   once but sends the text a moment later; when both wait on the server
//   together, it keeps the page and drops the text, and when the text arrives
//   second, it reruns the page being left and the click does nothing. So such a
//   click waits (at most a few seconds) until the text has reached the server.
//
// Boxes of a form saved only by its button (window.followupKeptUntilSaved, key prefixes) keep
// their copy until the box shows what it held before typing again (the button saved and emptied
// it, or the user cleared it), so a refresh before the button puts the text back too.
//
// No less-than sign anywhere in this file: the HTML sanitiser would drop the whole script.
(() => {
  if (window.followupUnsentText) return;
  window.followupUnsentText = true;
  const PREFIX = "followup-unsent:";
  const NOT_TEXT =
    '[data-testid="stDateInput"], [data-testid="stTimeInput"], [data-testid="stNumberInput"], ' +
    '[data-testid="stSelectbox"], [data-testid="stMultiSelect"]';
  const PAGE_LINKS = 'a[data-testid="stSidebarNavLink"], a[data-testid="stPageLink-NavLink"]';

  // The widget key of a text box (every box that keeps what is typed has one), or null.
  const keyOf = (element) => {
    const typed =
      element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && element.type === "text");
    if (!typed || element.closest(NOT_TEXT)) return null;
    const container = element.closest('[data-testid="stElementContainer"]'); // the widget's own, not a group's
    const name = container && [...container.classList].find((c) => c.startsWith("st-key-"));
    return name ? name.slice("st-key-".length) : null;
  };
  const app = () => document.querySelector('[data-testid="stApp"]');
  const idle = () => app()?.getAttribute("data-test-script-state") === "notRunning";
  const keptUntilSaved = (key) => (window.followupKeptUntilSaved || []).some((prefix) => key.startsWith(prefix));
  const storedCopy = (key) => JSON.parse(sessionStorage.getItem(PREFIX + key) || "null");

  const began = new Map(); // key: what the box held when it got focus
  const leaving = new Set(); // keys left with new text that has not been seen to reach the server
  let leftAt = null; // when the last of them was left
  let ranSinceLeft = false; // whether the page has run since (the text reached the server)

  document.addEventListener(
    "focusin",
    (event) => {
      const key = keyOf(event.target);
      if (key) began.set(key, event.target.value);
    },
    true,
  );
  document.addEventListener(
    "input",
    (event) => {
      const key = keyOf(event.target);
      if (!key || !began.has(key)) return;
      // A box kept until saved remembers what it held before the first typing, not since the last focus.
      const before = keptUntilSaved(key) && storedCopy(key) ? storedCopy(key).began : began.get(key);
      sessionStorage.setItem(PREFIX + key, JSON.stringify({ began: before, text: event.target.value }));
    },
    true,
  );
  document.addEventListener(
    "focusout",
    (event) => {
      const key = keyOf(event.target);
      if (!key) return;
      if (began.has(key) && event.target.value !== began.get(key)) {
        leaving.add(key);
        leftAt = performance.now();
        ranSinceLeft = false;
      } else if (!keptUntilSaved(key)) {
        sessionStorage.removeItem(PREFIX + key);
      }
    },
    true,
  );

  // A click on another page right after leaving a box waits until the page has run since.
  let releasing = false;
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element && event.target.closest(PAGE_LINKS);
      const plain = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
      if (releasing || !link || !plain || leftAt === null || performance.now() - leftAt > 2000) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const held = performance.now();
      const release = () => {
        const now = performance.now();
        const sent = idle() && (ranSinceLeft || now - leftAt > 1000);
        if (!sent && 3000 > now - held) {
          setTimeout(release, 50);
          return;
        }
        leftAt = null;
        releasing = true;
        link.click();
        releasing = false;
      };
      release();
    },
    true,
  );

  const setValue = (element, text) => {
    const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
    Object.getOwnPropertyDescriptor(prototype.prototype, "value").set.call(element, text);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  };

  // What the last page load left unsent, to be put back as its boxes appear (not in the demo,
  // where a refresh starts again from a fresh sample).
  const copies = Object.keys(sessionStorage).filter((stored) => stored.startsWith(PREFIX));
  const waiting = new Map(
    window.followupRestoreAfterReload === false
      ? []
      : copies.map((stored) => [stored.slice(PREFIX.length), JSON.parse(sessionStorage.getItem(stored))]),
  );
  if (!waiting.size) copies.forEach((stored) => sessionStorage.removeItem(stored));
  // A box can be empty for a moment while the page fills in; only a box that keeps showing
  // other text than the copy was typed on (a save made since) makes the copy go.
  const differentSince = new Map();
  const restore = () => {
    if (!waiting.size || !idle()) return;
    for (const [key, { began: before, text }] of waiting) {
      const element = document.querySelector(`.st-key-${CSS.escape(key)} textarea, .st-key-${CSS.escape(key)} input`);
      if (!element || keyOf(element) !== key || element.disabled) continue;
      if (element.value !== before || text === before) {
        if (!differentSince.has(key)) differentSince.set(key, Date.now());
        if (text === before || Date.now() - differentSince.get(key) > 3000) {
          waiting.delete(key);
          sessionStorage.removeItem(PREFIX + key);
        }
        continue;
      }
      waiting.delete(key);
      sessionStorage.removeItem(PREFIX + key);
      element.focus({ preventScroll: true });
      began.set(key, before);
      setValue(element, text);
      element.blur();
      return; // one at a time: the next waits for the run this one starts
    }
  };

  new MutationObserver(() => {
    if (!idle() && leftAt !== null) {
      ranSinceLeft = true;
      for (const key of leaving) if (!keptUntilSaved(key)) sessionStorage.removeItem(PREFIX + key);
      leaving.clear();
    }
  }).observe(document.body, { subtree: true, attributeFilter: ["data-test-script-state"] });
  // A box kept until saved that shows what it held before typing again (saved and emptied by its
  // button, or cleared): its copy has done its job.
  const forgetSaved = () => {
    if (!idle()) return;
    for (const stored of Object.keys(sessionStorage)) {
      const key = stored.slice(PREFIX.length);
      if (!stored.startsWith(PREFIX) || !keptUntilSaved(key) || waiting.has(key)) continue;
      const element = document.querySelector(`.st-key-${CSS.escape(key)} input, .st-key-${CSS.escape(key)} textarea`);
      if (element && element !== document.activeElement && element.value === storedCopy(key).began) {
        sessionStorage.removeItem(stored);
      }
    }
  };
  setInterval(() => {
    restore();
    forgetSaved();
  }, 250);
})();
