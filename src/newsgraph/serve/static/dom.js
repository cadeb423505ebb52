// DOM helpers. Untrusted data (article text, titles, authors, names) only ever becomes text
// nodes or attribute values set through the DOM: never parsed as HTML.

const ATTRIBUTE_ALLOWED = /^(class|id|title|role|type|name|value|placeholder|for|colspan|min|max|step|aria-[a-z]+|data-[a-z-]+|tabindex|lang|dir|open|selected|disabled|checked|list|maxlength|rel|hidden|required|viewBox)$/;

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "href") {
      node.setAttribute("href", safeHref(String(value)));
    } else if (name === "onclick") {
      node.addEventListener("click", value);
    } else if (ATTRIBUTE_ALLOWED.test(name)) {
      node.setAttribute(name, value === true ? "" : String(value));
    } else {
      throw new Error(`attribute ${name} is not allowed`);
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Links are made by this code from ids; anything else is refused, so a crafted value such as
// "javascript:alert(1)" can never become a link target.
export function safeHref(value) {
  if (value.startsWith("#/") || value.startsWith("/")) return value;
  if (/^https?:\/\//i.test(value)) return value;
  return "#/";
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on")) throw new Error("no event attributes");
    node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export async function getJSON(url) {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  let body;
  try {
    body = await response.json();
  } catch {
    body = { error: `HTTP ${response.status}` };
  }
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

export function params(query) {
  const search = new URLSearchParams(query || "");
  const out = {};
  for (const [key, value] of search) out[key] = value;
  return out;
}

export function query(values) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

const loaded = new Map();
// Load a vendored library once, when a view first needs it (keeps the article view light).
export function loadScript(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    }));
  }
  return loaded.get(src);
}

export function day(published) {
  return published ? String(published).slice(0, 10) : "undated";
}

export function articleLink(id, extra = {}) {
  return `#/article/${encodeURIComponent(id)}${query(extra)}`;
}

export function actorLink(id) {
  return `#/actor/${encodeURIComponent(id)}`;
}

export function pager(page, go) {
  const { total, limit, offset } = page;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  const prev = el("button", { type: "button", disabled: offset === 0 }, "← Previous");
  const next = el("button", { type: "button", disabled: to >= total }, "Next →");
  prev.addEventListener("click", () => go(Math.max(0, offset - limit)));
  next.addEventListener("click", () => go(offset + limit));
  return el("div", { class: "pager" }, prev, ` ${from}–${to} of ${total} `, next);
}
