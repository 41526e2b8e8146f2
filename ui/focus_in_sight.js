// Keep the keyboard focus in sight under a toast.
//
// Streamlit draws its toasts in the top right corner, over the page. Shift+Tab
// brings a control up to the top of the window, which is where a toast sits, so
// a keyboard user could move the focus to a link the toast covers entirely and
// not see where they are. While the control with keyboard focus lies under a
// toast, that toast fades and lets clicks through; it comes back as soon as the
// focus moves on. What it said has already been announced (ui/announce.js).
//
// No less-than sign anywhere in this file: the HTML sanitiser would drop the whole script.
(() => {
  if (window.followupFocusInSight) return;
  window.followupFocusInSight = true;

  const overlap = (a, b) =>
    Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);

  const place = () => {
    const focused = document.activeElement;
    const keyboard = focused && focused !== document.body && focused.matches(":focus-visible");
    const box = keyboard ? focused.getBoundingClientRect() : null;
    document.querySelectorAll('[data-testid="stToast"]').forEach((toast) => {
      const hides = box !== null && overlap(box, toast.getBoundingClientRect());
      toast.style.opacity = hides ? "0.12" : "";
      toast.style.pointerEvents = hides ? "none" : "";
    });
  };

  // Focus moves, the page scrolls under a toast, or a toast appears over the focus.
  document.addEventListener("focusin", () => requestAnimationFrame(place));
  document.addEventListener("focusout", () => requestAnimationFrame(place));
  document.addEventListener("scroll", () => requestAnimationFrame(place), { capture: true, passive: true });
  new MutationObserver(() => requestAnimationFrame(place)).observe(document.body, { childList: true, subtree: true });
})();
