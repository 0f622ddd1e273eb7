// teikit's search page: Pagefind's static indexes (html/pagefind/: one per large volume,
// shared ones for the small; parts.json lists them), merged into one search here, with
// the document's title, volume, date and a snippet, and filters for volume, year and type.
// Everything shown comes from the index as text: the snippet is rebuilt from its text
// and <mark> elements only, never inserted as HTML.
(async () => {
  const form = document.getElementById("search-form");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const names = ["volume", "year", "type"];
  let pagefind;
  let parts;
  try {
    parts = await (await fetch("pagefind/parts.json", { cache: "no-store" })).json();
    const [first, ...rest] = Object.keys(parts.parts);
    // result URLs are relative to the site's root (this folder), wherever it is served
    pagefind = await import(`./pagefind/${first}/pagefind.js`);
    await pagefind.options({ excerptLength: 24, baseUrl: "/" });
    // (an absolute address: Pagefind's worker would read a relative one against its own
    // script's folder, find no index there, and the whole search would fail)
    for (const name of rest) {
      await pagefind.mergeIndex(new URL(`pagefind/${name}/`, document.baseURI).href, { baseUrl: "/" });
    }
  } catch (error) {
    status.textContent = "Search needs the site to be served over http(s) (for example by "
      + "`teikit serve`), not opened from a file.";
    return;
  }
  if (parts.stale.length) { // pages were rewritten after their part of the index was made
    const note = document.getElementById("search-stale");
    const volumes = parts.stale.reduce((n, name) => n + (parts.parts[name] || []).length, 0);
    note.textContent = `The search index is older than the pages of ${volumes} volume`
      + `${volumes === 1 ? "" : "s"}: it is being brought up to date, and until then results `
      + "there may be missing or out of date.";
    note.hidden = false;
  }
  const counts = await pagefind.filters();
  for (const name of names) {
    const select = form.elements[name];
    for (const value of Object.keys(counts[name] || {}).sort()) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = `${value} (${counts[name][value]})`;
      select.append(option);
    }
  }
  const params = new URLSearchParams(location.search);
  for (const name of ["q", ...names]) {
    if (params.get(name)) form.elements[name].value = params.get(name);
  }

  function snippet(html) {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
    const p = document.createElement("p");
    p.className = "result-snippet";
    for (const node of parsed.querySelector("p").childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.append(mark);
      } else {
        p.append(document.createTextNode(node.textContent));
      }
    }
    return p;
  }

  let latest = 0;
  async function run() {
    const mine = ++latest;
    const query = form.elements.q.value.trim();
    const filters = {};
    for (const name of names) {
      if (form.elements[name].value) filters[name] = form.elements[name].value;
    }
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const search = await pagefind.search(query || null, { filters });
    const found = await Promise.all(search.results.slice(0, 50).map((r) => r.data()));
    if (mine !== latest) return; // a newer search has started
    status.textContent = `${search.results.length} document${search.results.length === 1 ? "" : "s"}`
      + (search.results.length > 50 ? " (the first 50 shown)" : "");
    list.replaceChildren(...found.map((data) => {
      const item = document.createElement("li");
      item.className = "result";
      const link = document.createElement("a");
      link.href = data.url.replace(/^\/+/, ""); // relative to this page: the site may live anywhere
      link.textContent = data.meta.title || data.url;
      const where = document.createElement("p");
      where.className = "result-where";
      where.textContent = [data.meta.volume, data.meta.date].filter(Boolean).join(" · ");
      item.append(link, where, snippet(data.excerpt));
      return item;
    }));
  }
  let timer;
  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  run();
})();
