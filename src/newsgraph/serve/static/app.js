// newsgraph web interface: a hash router over six views, all reading the JSON API.
import { articleView } from "./article.js";
import { actorLink, articleLink, clear, day, el, getJSON, loadScript, pager, params, query, svg } from "./dom.js";

const view = document.getElementById("view");
const QUAD_COLOURS = {
  "verbal cooperation": "#4f9a5b", "material cooperation": "#2e6b38",
  "verbal conflict": "#d08a3c", "material conflict": "#b03a2e", unknown: "#888888",
};
let charts = [];
let network = null;

async function route() {
  const hash = location.hash || "#/";
  const [path, queryString] = hash.slice(1).split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  for (const chart of charts) chart.destroy();
  charts = [];
  if (network) { network.destroy(); network = null; window.newsgraphNetwork = null; }
  clear(view);
  document.body.dataset.view = parts[0] || "articles";
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    link.classList.toggle("active", link.dataset.view === document.body.dataset.view);
  }
  document.body.dataset.ready = "";
  try {
    switch (parts[0] || "articles") {
      case "articles": await articlesView(params(queryString)); break;
      case "article": await articleView(view, parts[1], queryString); break;
      case "actors": await actorsView(params(queryString)); break;
      case "actor": await actorView(parts[1]); break;
      case "network": await networkView(params(queryString)); break;
      case "timeline": await timelineView(params(queryString)); break;
      case "events": await corpusEventsView(params(queryString)); break;
      case "map": await mapView(); break;
      case "search": await searchView(params(queryString)); break;
      default: view.append(el("p", {}, "No such page. "), el("a", { href: "#/" }, "Back to the articles"));
    }
  } catch (error) {
    view.append(el("p", { class: "error", role: "alert" }, `Could not load this view: ${error.message}`));
  }
  document.body.dataset.ready = hash;
  // The browser tests read this mark (Performance API) as the view's time to interactive.
  performance.mark(`newsgraph-ready ${hash}`);
}

function title(text, ...rest) {
  return el("div", { class: "view-head" }, el("h1", {}, text), ...rest);
}

async function articlesView(options) {
  const offset = Number(options.offset || 0);
  const [page, sources] = await Promise.all([
    getJSON(`/api/articles${query({ limit: 50, offset, source: options.source })}`),
    getJSON("/api/sources"),
  ]);
  const select = el("select", { "aria-label": "Outlet" }, el("option", { value: "" }, "All outlets"),
    sources.map((s) => el("option", { value: s.source, selected: s.source === options.source }, `${s.source} (${s.articles})`)));
  select.addEventListener("change", () => { location.hash = `#/${query({ source: select.value })}`; });
  const rows = page.items.map((a) => el("tr", {},
    el("td", {}, day(a.published)),
    el("td", {}, el("a", { href: articleLink(a.id), class: "article-link" }, a.title || "(untitled)")),
    el("td", {}, a.source || ""),
    el("td", { class: "num" }, a.n_quotes), el("td", { class: "num" }, a.n_events)));
  view.append(title("Articles", select),
    el("table", { class: "list" }, el("thead", {}, el("tr", {}, ["Day", "Title", "Outlet", "Quotes", "Events"].map((h) => el("th", {}, h)))), el("tbody", {}, rows)),
    pager(page, (next) => { location.hash = `#/${query({ source: options.source, offset: next })}`; }));
}

async function actorsView(options) {
  const offset = Number(options.offset || 0);
  const page = await getJSON(`/api/actors${query({ limit: 50, offset, q: options.q, type: options.type })}`);
  const form = el("form", { class: "inline" }, el("input", { type: "search", name: "q", value: options.q || "", placeholder: "Name contains…", "aria-label": "Actor name" }),
    el("select", { name: "type", "aria-label": "Type" }, ["", "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"].map((t) => el("option", { value: t, selected: t === (options.type || "") }, t || "All types"))),
    el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/actors${query({ q: form.q.value, type: form.type.value })}`;
  });
  const rows = page.items.map((a) => el("tr", {},
    el("td", {}, el("a", { href: actorLink(a.id) }, a.name || "?")), el("td", {}, a.type || ""),
    el("td", {}, a.country || ""), el("td", {}, a.sector || ""),
    el("td", { class: "num" }, a.articles), el("td", { class: "num" }, a.quotes)));
  view.append(title("Actors", form),
    el("table", { class: "list" }, el("thead", {}, el("tr", {}, ["Name", "Type", "Country", "Sector", "Articles", "Quotes"].map((h) => el("th", {}, h)))), el("tbody", {}, rows)),
    pager(page, (next) => { location.hash = `#/actors${query({ q: options.q, type: options.type, offset: next })}`; }));
}

async function corpusEventsView(options) {
  const offset = Number(options.offset || 0);
  const minOutlets = options.min_outlets || "";
  const page = await getJSON(`/api/corpus-events${query({ limit: 50, offset, actor: options.actor, type: options.type, min_outlets: minOutlets })}`);
  const form = el("form", { class: "inline" },
    el("input", { type: "search", name: "actor", value: options.actor || "", placeholder: "Actor or country (USA)…", "aria-label": "Actor" }),
    el("input", { type: "search", name: "type", value: options.type || "", placeholder: "Type (SANCTION)…", "aria-label": "Event type" }),
    el("select", { name: "min_outlets", "aria-label": "Outlets" }, ["", "2", "3", "5"].map((n) => el("option", { value: n, selected: n === minOutlets }, n ? `${n}+ outlets` : "Any outlets"))),
    el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/events${query({ actor: form.actor.value, type: form.type.value, min_outlets: form.min_outlets.value })}`;
  });
  const items = page.items.map((ev) => el("li", { class: "corpus-event" },
    el("div", {}, ev.source || "?", " → ", el("strong", {}, ev.type || "?"), " → ", ev.target || "?"),
    el("div", { class: "meta" }, ev.quad_class ? el("span", { class: "badge" }, ev.quad_class) : null,
      ` ${ev.first_date || "?"}${ev.last_date && ev.last_date !== ev.first_date ? ` – ${ev.last_date}` : ""}`,
      ` · ${ev.outlets} outlets · ${ev.stories} stories · ${ev.articles} articles`),
    el("ul", { class: "reports" }, ev.reports.map((r) => el("li", {},
      el("a", { href: articleLink(r.article_id, { event: r.ord }) }, r.title || "article"),
      el("span", { class: "muted" }, ` · ${r.outlet || ""} · ${day(r.published)}`))))));
  view.append(title("Corpus events", form),
    el("p", { class: "muted" }, "Article events grouped into real-world events: same type, same actors, close dates, shared context; most-reported first."),
    items.length ? el("ul", { class: "events corpus-events" }, items) : el("p", { class: "muted" }, "None."),
    pager(page, (next) => { location.hash = `#/events${query({ actor: options.actor, type: options.type, min_outlets: minOutlets, offset: next })}`; }));
}

function quoteList(items) {
  if (!items.length) return el("p", { class: "muted" }, "None.");
  return el("ul", { class: "quotes" }, items.map((q) => el("li", {},
    el("a", { href: articleLink(q.article_id, { quote: q.ord }), class: "quote-link", "data-article": q.article_id, "data-ord": q.ord }, `“${q.text}”`),
    el("div", { class: "meta" }, `${q.speaker_name || "unattributed"} · ${q.kind} · `, q.title || "", ` · ${q.source || ""} · ${day(q.published)}`))));
}

function eventList(items) {
  if (!items.length) return el("p", { class: "muted" }, "None.");
  return el("ul", { class: "events" }, items.map((e) => el("li", {},
    e.source_actor ? el("a", { href: actorLink(e.source_actor) }, e.source_name) : (e.source_name || "?"),
    " → ", el("strong", {}, e.type), " → ",
    e.target_actor ? el("a", { href: actorLink(e.target_actor) }, e.target_name) : (e.target_name || "?"),
    el("div", { class: "meta" }, e.quad_class ? el("span", { class: "badge" }, e.quad_class) : null,
      el("span", { class: "badge" }, e.modality || "asserted"), e.negated ? el("span", { class: "badge warn" }, "negated") : null,
      e.hedged ? el("span", { class: "badge warn" }, "hedged") : null, " ",
      el("a", { href: articleLink(e.article_id, { event: e.ord }) }, e.title || "article"), ` · ${day(e.date || e.published)}`))));
}

async function actorView(id) {
  const [actor, quotes, asSource, asTarget, articles] = await Promise.all([
    getJSON(`/api/actors/${encodeURIComponent(id)}`),
    getJSON(`/api/quotes${query({ speaker: id, limit: 100 })}`),
    getJSON(`/api/events${query({ source: id, limit: 50 })}`),
    getJSON(`/api/events${query({ target: id, limit: 50 })}`),
    getJSON(`/api/articles${query({ actor: id, limit: 20 })}`),
  ]);
  const facts = el("dl", { class: "facts" },
    el("dt", {}, "Type"), el("dd", {}, actor.type || "?"),
    el("dt", {}, "Country"), el("dd", {}, actor.country || "—"),
    el("dt", {}, "Sector"), el("dd", {}, actor.sector || "—"),
    el("dt", {}, "Names"), el("dd", {}, actor.aliases.join(", ")),
    el("dt", {}, "Titles"), el("dd", {}, actor.titles.length ? actor.titles.map((t) => `${t.text} (${t.count})`).join(", ") : "—"),
    el("dt", {}, "Coverage"), el("dd", {}, `${actor.articles} articles, ${actor.mentions} mentions`));
  const canvas = el("canvas", { id: "actor-chart", "aria-label": "Articles per week" });
  view.append(title(actor.name || "?", el("span", { class: "muted" }, actor.type || "")),
    el("div", { class: "two-col" },
      el("section", {}, facts, el("h2", {}, "Articles per week"), el("div", { class: "chart-box small" }, canvas),
        el("h2", {}, "Articles"), el("ul", {}, articles.items.map((a) => el("li", {}, el("a", { href: articleLink(a.id) }, a.title || "(untitled)"), ` · ${day(a.published)}`)))),
      el("section", {}, el("h2", {}, `Quotes (${quotes.total})`), quoteList(quotes.items),
        el("h2", {}, `Events as source (${asSource.total})`), eventList(asSource.items),
        el("h2", {}, `Events as target (${asTarget.total})`), eventList(asTarget.items))));
  await loadScript("/static/vendor/chart.umd.min.js");
  charts.push(new window.Chart(canvas, {
    type: "bar",
    data: { labels: actor.timeline.map((w) => w.week), datasets: [{ label: "articles", data: actor.timeline.map((w) => w.articles), backgroundColor: "#3b6ea5" }] },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  }));
}

async function networkView(options) {
  const form = el("form", { class: "inline" },
    el("label", {}, "From ", el("input", { type: "date", name: "since", value: options.since || "" })),
    el("label", {}, " to ", el("input", { type: "date", name: "until", value: options.until || "" })),
    el("select", { name: "quad_class", "aria-label": "Event quad class" }, el("option", { value: "" }, "Quotes and all events"),
      Object.keys(QUAD_COLOURS).filter((k) => k !== "unknown").map((k) => el("option", { value: k, selected: options.quad_class === k }, `${k} events only`))),
    el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/network${query({ since: form.since.value, until: form.until.value, quad_class: form.quad_class.value })}`;
  });
  const box = el("div", { id: "network", class: "network", role: "img", "aria-label": "Actor network" });
  const legend = el("p", { class: "legend" }, el("span", { class: "edge-quote" }, "— speaks about"), " ", el("span", { class: "edge-event" }, "— acts on (event)"), " · node size: articles · click a node to open the actor");
  view.append(title("Network", form), legend, box);
  const [graph] = await Promise.all([
    getJSON(`/api/network${query({ since: options.since, until: options.until, quad_class: options.quad_class, max_edges: 150 })}`),
    loadScript("/static/vendor/cytoscape.min.js"),
  ]);
  if (!graph.nodes.length) {
    box.append(el("p", { class: "muted" }, "No relations for these filters."));
    return;
  }
  const maxArticles = Math.max(...graph.nodes.map((n) => n.articles));
  const elements = [
    ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.name || "?", type: n.type, size: 14 + 36 * Math.sqrt(n.articles / maxArticles) } })),
    ...graph.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, kind: e.kind, weight: e.weight, width: 1 + Math.min(8, e.weight) } })),
  ];
  network = window.cytoscape({
    container: box, elements,
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#3b6ea5", "font-size": 10, color: "#222", "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "node[type = 'PERSON']", style: { "background-color": "#c0504d" } },
      { selector: "node[type = 'ORG']", style: { "background-color": "#8064a2" } },
      { selector: "node[type = 'GPE'], node[type = 'NORP'], node[type = 'LOC']", style: { "background-color": "#4f9a5b" } },
      { selector: "edge", style: { width: "data(width)", "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#9bb4d0", "target-arrow-color": "#9bb4d0", opacity: 0.8 } },
      { selector: "edge[kind = 'event']", style: { "line-color": "#d08a3c", "target-arrow-color": "#d08a3c" } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 80 },
  });
  network.on("tap", "node", (event) => { location.hash = actorLink(event.target.id()); });
  window.newsgraphNetwork = network;
}

async function timelineView(options) {
  const form = el("form", { class: "inline" },
    el("input", { name: "first", value: options.first || "", placeholder: "Actor, name or country code (USA)", "aria-label": "First actor", list: "actor-names", required: true }),
    " ⇄ ",
    el("input", { name: "second", value: options.second || "", placeholder: "Actor, name or country code (VEN)", "aria-label": "Second actor", list: "actor-names", required: true }),
    el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/timeline${query({ first: form.first.value, second: form.second.value })}`;
  });
  const top = await getJSON(`/api/actors${query({ limit: 100 })}`);
  const names = el("datalist", { id: "actor-names" }, top.items.map((a) => el("option", { value: a.name })));
  view.append(title("Timeline of a dyad", form), names);
  if (!options.first || !options.second) {
    view.append(el("p", { class: "muted" }, "Choose two actors or countries (for example USA and VEN) to see their events per week by quad class."));
    return;
  }
  const [series, events] = await Promise.all([
    getJSON(`/api/dyad${query({ first: options.first, second: options.second })}`),
    getJSON(`/api/events${query({ source: options.first, target: options.second, limit: 50 })}`),
  ]);
  const weeks = [...new Set(series.weeks.map((w) => w.week))].sort();
  const classes = [...new Set(series.weeks.map((w) => w.quad_class))];
  const canvas = el("canvas", { id: "dyad-chart", "aria-label": "Events per week" });
  view.append(el("h2", {}, `${options.first} ⇄ ${options.second}: events per week`),
    series.weeks.length ? null : el("p", { class: "muted" }, "No events between these two yet."),
    el("div", { class: "chart-box" }, canvas),
    el("h2", {}, `Events ${options.first} → ${options.second}`), eventList(events.items));
  await loadScript("/static/vendor/chart.umd.min.js");
  charts.push(new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: weeks,
      datasets: classes.map((quad) => ({
        label: quad, backgroundColor: QUAD_COLOURS[quad] || "#888",
        data: weeks.map((week) => series.weeks.find((w) => w.week === week && w.quad_class === quad)?.events || 0),
      })),
    },
    options: { animation: false, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  }));
}

async function mapView() {
  const [places, countries, atlas, numbers] = await Promise.all([
    getJSON(`/api/places${query({ limit: 200 })}`),
    getJSON("/api/countries"),
    getJSON("/static/vendor/countries-110m.json"),
    getJSON("/static/vendor/country-numeric.json"),
    loadScript("/static/vendor/d3-array.min.js").then(() => loadScript("/static/vendor/d3-geo.min.js")),
    loadScript("/static/vendor/topojson-client.min.js"),
  ]);
  const width = 960;
  const height = 500;
  const projection = window.d3.geoEqualEarth().fitSize([width, height], { type: "Sphere" });
  const path = window.d3.geoPath(projection);
  const byNumber = new Map(countries.map((c) => [numbers[c.country], c]));
  const most = Math.max(1, ...countries.map((c) => c.mentions));
  const shapes = window.topojson.feature(atlas, atlas.objects.countries).features;
  const panel = el("section", { class: "map-panel" }, el("h2", {}, "Places"));
  const map = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "map", role: "img", "aria-label": "World map of places" },
    svg("path", { d: path({ type: "Sphere" }), class: "sphere" }),
    shapes.map((shape) => {
      const counted = byNumber.get(shape.id);
      const level = counted ? Math.min(4, 1 + Math.floor(4 * counted.mentions / (most + 1))) : 0;
      return svg("path", { d: path(shape) || "", class: `country level-${level}` },
        svg("title", {}, `${shape.properties.name}${counted ? `: ${counted.mentions} place mentions in ${counted.articles} articles` : ""}`));
    }),
    places.items.filter((p) => p.lat !== null && p.lon !== null).map((p) => {
      const [x, y] = projection([p.lon, p.lat]) || [-10, -10];
      const dot = svg("circle", { cx: x, cy: y, r: 3 + Math.min(9, Math.sqrt(p.mentions) * 2), class: "place-dot", tabindex: 0 },
        svg("title", {}, `${p.name}${p.country ? `, ${p.country}` : ""}: ${p.mentions} mentions in ${p.articles} articles`));
      dot.addEventListener("click", () => showPlace(panel, p));
      return dot;
    }));
  view.append(title("Map", el("span", { class: "muted" }, `${places.total} places, ${countries.length} countries`)),
    el("div", { class: "two-col wide-left" }, el("div", {}, map), panel));
  if (!places.items.length) panel.append(el("p", { class: "muted" }, "No places resolved in this corpus yet."));
  for (const p of places.items.slice(0, 30)) {
    const item = el("button", { type: "button", class: "linklike" }, `${p.name}${p.country ? ` (${p.country})` : ""} · ${p.mentions}`);
    item.addEventListener("click", () => showPlace(panel, p));
    panel.append(el("div", {}, item));
  }
}

function showPlace(panel, place) {
  panel.querySelector(".place-detail")?.remove();
  panel.prepend(el("div", { class: "place-detail" }, el("h3", {}, place.name),
    el("ul", {}, place.sample_articles.map((id) => el("li", {}, el("a", { href: articleLink(id) }, `article ${id.slice(0, 8)}`))))));
}

async function searchView(options) {
  const q = options.q || "";
  document.getElementById("search-input").value = q;
  const offset = Number(options.offset || 0);
  const page = await getJSON(`/api/search${query({ q, limit: 20, offset })}`);
  const results = page.items.map((hit) => {
    let snippet = [hit.snippet];
    if (hit.hit) {
      const lower = hit.snippet.toLowerCase();
      const at = lower.indexOf(q.toLowerCase().split(/\s+/)[0]);
      if (at >= 0) {
        const length = q.split(/\s+/)[0].length;
        snippet = [hit.snippet.slice(0, at), el("mark", {}, hit.snippet.slice(at, at + length)), hit.snippet.slice(at + length)];
      }
    }
    return el("li", {},
      el("a", { href: articleLink(hit.id, hit.hit ? { hit: hit.hit.join(",") } : {}), class: "search-result" }, hit.title || "(untitled)"),
      el("div", { class: "meta" }, `${hit.source || ""} · ${day(hit.published)}`), el("p", { class: "snippet" }, snippet));
  });
  view.append(title(`Search: ${q}`), page.total ? el("ol", { class: "results" }, results) : el("p", { class: "muted" }, "No article holds these words."),
    pager(page, (next) => { location.hash = `#/search${query({ q, offset: next })}`; }));
}

document.getElementById("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) location.hash = `#/search${query({ q })}`;
});

async function footer() {
  try {
    const stats = await getJSON("/api/stats");
    document.getElementById("corpus-stats").textContent =
      `${stats.articles} articles · ${stats.actors} actors · ${stats.quotes} quotes · ${stats.events} events · ${stats.places} places · ${stats.first_day || "?"} – ${stats.last_day || "?"}${stats.writable ? " · writable" : " · read-only"}`;
  } catch (error) {
    document.getElementById("corpus-stats").textContent = `API unavailable: ${error.message}`;
  }
}

window.addEventListener("hashchange", route);
route();
footer();
