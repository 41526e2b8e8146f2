"""The page menu on a small screen: choosing a page closes the sidebar, so the page shows at once.

Streamlit closes its sidebar after a choice only on browsers that say they are
phones; a tablet, a narrow window or a phone set to ask for desktop sites keep
it open over the page. On any screen as narrow as the one where the sidebar
covers the page (Streamlit's medium breakpoint), this closes it the way its
own button does, which Streamlit then remembers for the next page too. Wider
screens keep the sidebar as it is.
"""

from __future__ import annotations

import streamlit as st

# Streamlit's medium breakpoint: at or under it the sidebar opens over the page.
NARROW = 768

_SCRIPT = f"""
<script>
(() => {{
  if (window.followupMenuCloses) return;
  window.followupMenuCloses = true;
  document.addEventListener("click", (event) => {{
    const link = event.target.closest('[data-testid="stSidebarNav"] a');
    if (!link || !window.matchMedia("(max-width: {NARROW}px)").matches) return;
    // After Streamlit has handled the click (its own close on phones included).
    setTimeout(() => {{
      const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (close) close.click();
    }}, 0);
  }}, true);
}})();
</script>
"""


def closes_on_choice() -> None:
    """Put the script in the sidebar, where it takes no room on the page."""
    st.sidebar.html(_SCRIPT, unsafe_allow_javascript=True)
