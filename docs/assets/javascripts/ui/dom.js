/*
 * The few DOM helpers every tool uses. Nothing that comes from readers or files is ever
 * parsed as HTML: `el` sets text with text nodes, never innerHTML.
 */

/** An element with attributes and children (strings become text nodes, never HTML). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, "");
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** A button in Material's look (class `prefix-button md-button`); `primary` for the main action. */
export function button(prefix, label, onclick, options) {
  const { primary = false, disabled = false, type = "button" } = options || {};
  const classes = `${prefix}-button md-button${primary ? " md-button--primary" : ""}`;
  return el("button", { type, class: classes, disabled, onclick }, label);
}

/** The JSON of a `<script type="application/json" id="…">` block, or null when missing or broken. */
export function jsonBlock(id) {
  const block = document.getElementById(id);
  if (!block) return null;
  try {
    return JSON.parse(block.textContent);
  } catch {
    return null;
  }
}

/**
 * Two live regions, polite and assertive, with `announce(message, isError)`. They are for
 * screen readers only (visually hidden, taking no room): what sighted readers need is shown
 * next to the control that caused it. Each message replaces the last one in both regions;
 * a fresh text node after a tick makes screen readers repeat an identical message.
 */
export function liveRegions(prefix) {
  const status = el("div", { class: `${prefix}-status oai-visually-hidden`, role: "status", "aria-live": "polite" });
  const alert = el("div", { class: `${prefix}-alert oai-visually-hidden`, role: "alert" });
  let pending = 0;
  const announce = (message, isError) => {
    const region = isError ? alert : status;
    clearTimeout(pending); // a message not yet read out gives way to the newer one
    status.textContent = "";
    alert.textContent = "";
    pending = setTimeout(() => {
      region.textContent = message;
    }, 50);
  };
  return { status, alert, announce };
}

/** Offer `text` as a file download (Blob + a[download]; works offline and from file://). */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The browser's localStorage, or null where the browser refuses it (reading it can throw). */
export function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
