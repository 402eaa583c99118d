"""The screen sizes the browser tests try where layout matters: a laptop and a phone."""

from __future__ import annotations

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 390, "height": 844},
}

# Can the reader see the element: its top and bottom inside the viewport, its start too (a long
# link may be cut off with an ellipsis at the right), and nothing on top of it (such as the
# page's sticky header)?
IN_VIEW = """el => {
  const box = el.getBoundingClientRect();
  if (!(box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight
    && box.left >= 0 && box.left < innerWidth)) return false;
  const top = document.elementFromPoint(box.left + 2, box.top + 2);
  return Boolean(top) && (el.contains(top) || top.contains(el));
}"""
