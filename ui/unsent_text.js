// Keep what is being typed into a field that saves as you go, until the browser has sent it.
//
// A text box sends its value when it loses focus. Refreshing the tab (or the
// browser restoring it) before that would lose the text, so this keeps a copy in
// the tab's sessionStorage while the box has focus, together with what the box
// held when typing began. After a reload, when the same box shows that same
// text again (nothing was saved over it meanwhile), the copy is put back and
// sent as if the user had left the box. Leaving the box drops the copy.
(() => {
  if (window.followupUnsentText) return;
  window.followupUnsentText = true;
  const PREFIX = "followup-unsent:";
  const NOT_TEXT =
    '[data-testid="stDateInput"], [data-testid="stTimeInput"], [data-testid="stNumberInput"], ' +
    '[data-testid="stSelectbox"], [data-testid="stMultiSelect"]';

  // The key of the field (ui/forms.Autosave names it after its record and field, ending in "-value"), or null.
  // (No less-than sign anywhere in this file: the HTML sanitiser would drop the whole script.)
  const keyOf = (element) => {
    const typed =
      element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && element.type === "text");
    if (!typed || element.closest(NOT_TEXT)) return null;
    const container = element.closest('[class*="st-key-"]');
    const name = container && [...container.classList].find((c) => c.startsWith("st-key-"));
    return name && name.endsWith("-value") ? name.slice("st-key-".length) : null;
  };

  const began = new Map();
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
      sessionStorage.setItem(PREFIX + key, JSON.stringify({ began: began.get(key), text: event.target.value }));
    },
    true,
  );
  document.addEventListener(
    "focusout",
    (event) => {
      const key = keyOf(event.target);
      if (key) sessionStorage.removeItem(PREFIX + key);
    },
    true,
  );

  const idle = () => document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]');
  const setValue = (element, text) => {
    const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
    Object.getOwnPropertyDescriptor(prototype.prototype, "value").set.call(element, text);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  };

  // What the last page load left unsent, to be put back as its boxes appear.
  const waiting = new Map(
    Object.keys(sessionStorage)
      .filter((stored) => stored.startsWith(PREFIX))
      .map((stored) => [stored.slice(PREFIX.length), JSON.parse(sessionStorage.getItem(stored))]),
  );
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
      return; // one at a time: the next waits for the rerun this one starts
    }
  };
  setInterval(restore, 250);
})();
