// The article view: clean text with every annotation in place, a side panel of who said what
// and of events, and the removed text collapsed at the bottom.
import { actorLink, append, articleLink, day, el, getJSON, params } from "./dom.js";

const SPEAKER_COLOURS = 10; // .spk-0 … .spk-9 in app.css

// Each layer turns a record into marks: {start, end, kind, ...}. Marks may overlap; the text is
// cut at every mark boundary and each piece carries the classes of the marks covering it.
function marksOf(record, actors, speakerIndex) {
  const marks = [];
  const textLength = record.text.length;
  const valid = (span) => Array.isArray(span) && span[0] >= 0 && span[1] <= textLength && span[0] < span[1];
  for (const entity of record.entities || []) {
    for (const span of entity.mentions || []) {
      if (valid(span)) marks.push({ start: span[0], end: span[1], kind: "ent", entity, actor: actors[entity.id] });
    }
  }
  (record.quotes || []).forEach((quote, index) => {
    if (valid(quote.span)) {
      marks.push({ start: quote.span[0], end: quote.span[1], kind: "quote", quote, index, colour: speakerIndex.get(speakerKey(quote)) });
    }
    if (valid(quote.cue)) marks.push({ start: quote.cue[0], end: quote.cue[1], kind: "cue", quote, index });
  });
  (record.events || []).forEach((event, index) => {
    if (valid(event.trigger)) marks.push({ start: event.trigger[0], end: event.trigger[1], kind: "trigger", event, index });
    if (valid(event.source_span)) marks.push({ start: event.source_span[0], end: event.source_span[1], kind: "ev-source", event, index });
    if (valid(event.target_span)) marks.push({ start: event.target_span[0], end: event.target_span[1], kind: "ev-target", event, index });
  });
  for (const amount of record.amounts || []) {
    if (valid(amount.span)) marks.push({ start: amount.span[0], end: amount.span[1], kind: "amount", amount });
  }
  for (const date of record.dates || []) {
    if (valid(date.span)) marks.push({ start: date.span[0], end: date.span[1], kind: "date", date });
  }
  for (const place of record.places || []) {
    if (valid(place.span)) marks.push({ start: place.span[0], end: place.span[1], kind: "place", place });
  }
  return marks;
}

function speakerKey(quote) {
  return quote.speaker || quote.speaker_name || "(unattributed)";
}

function entityLabel(entity) {
  const parts = [`${entity.name} (${entity.type})`];
  if (entity.country) parts.push(`country ${entity.country}`);
  if (entity.sector) parts.push(entity.sector);
  return parts.join(" · ");
}

function eventLabel(event, names) {
  const who = (id) => (id ? names.get(id) || id : "?");
  const flags = [event.modality, event.negated ? "negated" : null, event.hedged ? "hedged" : null].filter(Boolean);
  return `${who(event.source_entity || event.source)} → ${event.type}${event.mode ? `/${event.mode}` : ""} → ${who(event.target_entity || event.target)}${flags.length ? ` (${flags.join(", ")})` : ""}`;
}

function markTitle(mark, names) {
  switch (mark.kind) {
    case "ent": return entityLabel(mark.entity);
    case "quote": return `${mark.quote.speaker_name || "unattributed"} (${mark.quote.kind} quote)`;
    case "cue": return `attribution cue of ${mark.quote.speaker_name || "unattributed"}`;
    case "trigger": return eventLabel(mark.event, names);
    case "ev-source": return `event source: ${eventLabel(mark.event, names)}`;
    case "ev-target": return `event target: ${eventLabel(mark.event, names)}`;
    case "amount": {
      const a = mark.amount;
      const value = a.value === null ? "?" : a.value_max !== null ? `${a.value}–${a.value_max}` : `${a.value}`;
      return `${a.kind}: ${a.approximate ? "≈" : ""}${value}${a.unit ? ` ${a.unit}` : ""}`;
    }
    case "date": return `date: ${mark.date.value || "not anchored"}${mark.date.resolution ? ` (${mark.date.resolution})` : ""}`;
    case "place": {
      const p = mark.place;
      return `place: ${p.name}${p.country ? `, ${p.country}` : ""}${p.lat !== null && p.lon !== null ? ` (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})` : ""}`;
    }
    default: return "";
  }
}

// Cut the text at every boundary; return the paragraph element holding the annotated pieces.
export function renderText(record, actors, { speakerIndex, hit, onQuote }) {
  const text = record.text;
  const names = new Map((record.entities || []).map((e) => [e.id, e.name]));
  const marks = marksOf(record, actors, speakerIndex);
  if (hit) marks.push({ start: hit[0], end: hit[1], kind: "hit" });
  const cuts = new Set([0, text.length]);
  for (const mark of marks) { cuts.add(mark.start); cuts.add(mark.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const body = el("div", { class: "article-text", lang: record.language || "en" });
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = marks.filter((m) => m.start <= start && m.end >= end);
    const piece = text.slice(start, end);
    if (!covering.length) { body.append(document.createTextNode(piece)); continue; }
    const span = el("span", { "data-start": start, "data-end": end });
    const titles = [];
    for (const mark of covering) {
      span.classList.add(mark.kind === "ent" ? `ent-${String(mark.entity.type).replace(/[^A-Z_]/g, "")}` : mark.kind);
      if (mark.kind === "ent") {
        span.classList.add("ent");
        if (mark.actor) span.dataset.actor = mark.actor;
      }
      if (mark.kind === "quote") {
        span.classList.add(`spk-${mark.colour % SPEAKER_COLOURS}`);
        // A partial quote may sit inside an indirect one: a piece can belong to several.
        span.dataset.quotes = `${span.dataset.quotes || ""} ${mark.index}`.trim();
      }
      if (mark.kind === "trigger") span.dataset.event = String(mark.index);
      titles.push(markTitle(mark, names));
    }
    span.title = titles.filter(Boolean).join("\n");
    span.append(document.createTextNode(piece));
    body.append(span);
  }
  body.addEventListener("click", (event) => {
    const target = event.target.closest("span");
    if (!target) return;
    if (target.dataset.actor && !event.altKey) {
      location.hash = actorLink(target.dataset.actor);
    } else if (target.dataset.quotes !== undefined) {
      onQuote(Number(target.dataset.quotes.split(" ").pop()));
    }
  });
  return body;
}

export async function articleView(root, id, queryString) {
  const options = params(queryString);
  const found = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  const record = found.record;
  const actors = found.actors;
  const quotes = record.quotes || [];
  const speakerIndex = new Map();
  for (const quote of quotes) {
    const key = speakerKey(quote);
    if (!speakerIndex.has(key)) speakerIndex.set(key, speakerIndex.size);
  }
  let hit = null;
  if (options.hit) {
    const [start, end] = options.hit.split(",").map(Number);
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= record.text.length && start < end) hit = [start, end];
  }

  const selectQuote = (index, scroll = true) => {
    for (const node of root.querySelectorAll(".q-sel")) node.classList.remove("q-sel");
    const pieces = root.querySelectorAll(`.article-text span[data-quotes~="${index}"]`);
    for (const node of pieces) node.classList.add("q-sel");
    for (const node of root.querySelectorAll(`.said li[data-quote="${index}"]`)) node.classList.add("q-sel");
    const label = root.querySelector("#quote-label");
    const quote = quotes[index];
    if (label && quote) {
      label.textContent = `${quote.speaker_name || "Unattributed"} — ${quote.kind} quote`;
      label.hidden = false;
    }
    if (scroll && pieces.length) pieces[0].scrollIntoView({ block: "center" });
  };

  const byline = [record.source, (record.authors || []).join(", "), day(record.published)].filter(Boolean).join(" · ");
  const text = renderText(record, actors, { speakerIndex, hit, onQuote: (i) => selectQuote(i, false) });

  // Side panel: who said what, grouped by speaker in order of first quote.
  const groups = new Map();
  quotes.forEach((quote, index) => {
    const key = speakerKey(quote);
    if (!groups.has(key)) groups.set(key, { quote, items: [] });
    groups.get(key).items.push({ quote, index });
  });
  const said = el("section", { class: "said" }, el("h2", {}, "Who said what"));
  if (!quotes.length) said.append(el("p", { class: "muted" }, "No quotes found in this article."));
  for (const [key, group] of groups) {
    const speakerActor = group.quote.speaker ? actors[group.quote.speaker] : null;
    const name = group.quote.speaker_name || "Unattributed";
    const heading = el("h3", {}, el("span", { class: `swatch spk-${speakerIndex.get(key) % SPEAKER_COLOURS}` }),
      speakerActor ? el("a", { href: actorLink(speakerActor) }, name) : name);
    const list = el("ul", {});
    for (const { quote, index } of group.items) {
      const item = el("li", { "data-quote": index, tabindex: 0, title: "Show in the text" },
        el("span", { class: "kind" }, quote.kind), " ", quote.text,
        quote.via ? el("span", { class: "muted" }, ` (via ${quote.via})`) : null);
      item.addEventListener("click", () => selectQuote(index));
      item.addEventListener("keydown", (e) => { if (e.key === "Enter") selectQuote(index); });
      list.append(item);
    }
    said.append(heading, list);
  }

  const names = new Map((record.entities || []).map((e) => [e.id, e.name]));
  const events = el("section", { class: "events" }, el("h2", {}, "Events"));
  if (!(record.events || []).length) events.append(el("p", { class: "muted" }, "No events coded in this article."));
  const eventList = el("ul", {});
  (record.events || []).forEach((event, index) => {
    const who = (entityId) => entityId ? (actors[entityId] ? el("a", { href: actorLink(actors[entityId]) }, names.get(entityId) || entityId) : (names.get(entityId) || entityId)) : "?";
    const item = el("li", { "data-event": index },
      who(event.source_entity || event.source), " → ", el("strong", {}, event.type), event.mode ? `/${event.mode}` : "", " → ", who(event.target_entity || event.target),
      el("div", { class: "meta" },
        event.quad_class ? el("span", { class: "badge" }, event.quad_class) : null,
        el("span", { class: "badge" }, event.modality || "asserted"),
        event.negated ? el("span", { class: "badge warn" }, "negated") : null,
        event.hedged ? el("span", { class: "badge warn" }, "hedged") : null,
        event.asserted_by ? ` according to ${names.get(event.asserted_by) || event.asserted_by}` : null,
        event.date ? ` · ${event.date}` : null,
        event.place ? ` · ${event.place}` : null));
    item.addEventListener("click", () => {
      const trigger = root.querySelector(`.article-text span[data-event="${index}"]`);
      if (trigger) { trigger.scrollIntoView({ block: "center" }); trigger.classList.add("flash"); }
    });
    eventList.append(item);
  });
  events.append(eventList);

  const removed = record.removed || [];
  const removedBlock = removed.length
    ? el("details", { class: "removed" }, el("summary", {}, `Removed text (${removed.length})`),
      el("ul", {}, removed.map((r) => el("li", {}, el("span", { class: "badge" }, r.reason), ` ${r.rule}: `, r.text))))
    : null;

  const legend = el("p", { class: "legend" },
    el("span", { class: "ent" }, "entity"), " ", el("span", { class: "quote spk-0" }, "quote"), " ",
    el("span", { class: "trigger" }, "event trigger"), " ", el("span", { class: "amount" }, "amount"), " ",
    el("span", { class: "date" }, "date"), " ", el("span", { class: "place" }, "place"));

  root.append(el("div", { class: "article-layout" },
    el("article", { class: "article" },
      el("h1", { id: "article-title" }, record.title || "(untitled)"),
      el("p", { class: "byline" }, byline),
      record.url ? el("p", { class: "url" }, el("a", { href: record.url, rel: "noopener noreferrer" }, record.url)) : null,
      legend,
      el("p", { id: "quote-label", class: "quote-label", hidden: true }),
      text,
      removedBlock),
    el("aside", { class: "side" }, said, events)));

  if (options.event !== undefined) {
    const trigger = root.querySelector(`.article-text span[data-event="${Number(options.event)}"]`);
    if (trigger) { trigger.classList.add("flash"); trigger.scrollIntoView({ block: "center" }); }
  }
  if (options.quote !== undefined && quotes[Number(options.quote)]) selectQuote(Number(options.quote));
  else if (hit) root.querySelector(".article-text .hit")?.scrollIntoView({ block: "center" });
}
