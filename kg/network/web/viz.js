// The actor map: a canvas renderer for the graph embedded in the page as JSON (no library, nothing fetched).
// Nodes are coloured by type and sized by a measure; edges coloured by relation; hover shows label and type;
// a click lists the actor's documents and posts; search, relation and type filters and a date range redraw.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const canvas = document.getElementById("map");
  const context = canvas.getContext("2d");
  const tip = document.getElementById("tip");
  const panel = document.getElementById("panel");
  const nodes = data.nodes, edges = data.edges, months = data.months;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = { scale: 1, x: 0, y: 0, search: "", relations: new Set(data.relations), types: new Set(data.types),
                  from: 0, to: months.length - 1, drawnNodes: 0, drawnEdges: 0, matched: 0 };
  window.kgState = state;
  const strokes = [];  // [relation, line width, edges] in a fixed order
  for (const edge of edges) {
    const width = Math.min(1 + edge.weight, 6);
    let group = strokes.find(([r, w]) => r === edge.relation && w === width);
    if (!group) { group = [edge.relation, width, []]; strokes.push(group); }
    group[2].push(edge);
  }
  let firstDraw = null;  // ms since navigation start when the first frame was on the canvas

  const view = { cx: 0, cy: 0, m: 0 };  // canvas centre and layout-to-pixel factor, set when the canvas is sized

  function resize() {
    canvas.width = canvas.clientWidth * devicePixelRatio;
    canvas.height = canvas.clientHeight * devicePixelRatio;
    view.cx = canvas.width / 2; view.cy = canvas.height / 2; view.m = Math.min(canvas.width, canvas.height) * 0.45;
    draw();
  }

  // Canvas coordinates of a node under the current pan and zoom (no allocation: the edge loop calls these).
  function screenX(node) { return view.cx + (node.x * view.m + state.x) * state.scale; }
  function screenY(node) { return view.cy + (node.y * view.m + state.y) * state.scale; }
  function screen(node) { return [screenX(node), screenY(node)]; }

  for (const edge of edges) {  // resolved once, so a frame does no lookups or string slicing
    edge.a = byId.get(edge.s); edge.b = byId.get(edge.t);
    edge.firstMonth = edge.from.slice(0, 7); edge.lastMonth = edge.to.slice(0, 7);
  }

  function visibleEdge(edge) {
    return state.relations.has(edge.relation) && months[state.from] <= edge.lastMonth &&
      edge.firstMonth <= months[state.to] && state.types.has(edge.a.type) && state.types.has(edge.b.type);
  }

  function draw() {
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    const shown = new Set();
    let drawnEdges = 0;
    context.globalAlpha = 0.45;
    for (const [relation, width, group] of strokes) {  // one path per colour and width: far fewer strokes
      context.strokeStyle = data.relationColours[relation];
      context.lineWidth = width * devicePixelRatio * 0.5;
      context.beginPath();
      for (const edge of group) {
        if (!visibleEdge(edge)) continue;
        context.moveTo(screenX(edge.a), screenY(edge.a));
        context.lineTo(screenX(edge.b), screenY(edge.b));
        shown.add(edge.s); shown.add(edge.t); drawnEdges += 1;
      }
      context.stroke();
    }
    context.globalAlpha = 1;
    const term = state.search.toLowerCase();
    let matched = 0;
    for (const node of nodes) {
      if (!shown.has(node.id) && !(edges.length === 0 && state.types.has(node.type))) continue;
      const [x, y] = screen(node);
      const hit = term && node.label.toLowerCase().includes(term);
      if (hit) matched += 1;
      context.fillStyle = data.typeColours[node.type] || "#777777";
      context.beginPath(); context.arc(x, y, node.size * devicePixelRatio * (hit ? 1.8 : 1), 0, 2 * Math.PI); context.fill();
      if (hit) { context.strokeStyle = "#000000"; context.lineWidth = 2 * devicePixelRatio; context.stroke(); }
    }
    state.drawnNodes = shown.size; state.drawnEdges = drawnEdges; state.matched = matched;
    document.getElementById("counts").textContent =
      `${shown.size} actors, ${drawnEdges} relations shown` + (term ? `; ${matched} match "${state.search}"` : "");
    if (firstDraw === null) { context.getImageData(0, 0, 1, 1); firstDraw = performance.now(); }
  }

  function nearest(event) {
    const rect = canvas.getBoundingClientRect();
    const px = (event.clientX - rect.left) * devicePixelRatio, py = (event.clientY - rect.top) * devicePixelRatio;
    let best = null, distance = 12 * devicePixelRatio;
    for (const node of nodes) {
      const [x, y] = screen(node), d = Math.hypot(x - px, y - py);
      if (d < Math.max(distance, node.size * devicePixelRatio)) { best = node; distance = d; }
    }
    return best;
  }

  function show(node) {
    const docs = node.documents.map((d) =>
      `<li>${escape(d.date)} <a href="${escape(d.link)}" target="_blank" rel="noopener">${escape(d.title)}</a></li>`).join("");
    const posts = node.posts.map((p) => `<li>${escape(p)}</li>`).join("") || "<li>none attested</li>";
    panel.innerHTML = `<h2>${escape(node.label)}</h2><p>${escape(node.type)}</p><h3>Posts</h3><ul>${posts}</ul>` +
      `<h3>Documents (${node.documents.length})</h3><ul>${docs}</ul>`;
  }

  function escape(text) {
    return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  }

  canvas.addEventListener("mousemove", (event) => {
    const node = nearest(event);
    tip.style.display = node ? "block" : "none";
    if (node) { tip.textContent = `${node.label} (${node.type})`; tip.style.left = `${event.clientX + 12}px`; tip.style.top = `${event.clientY + 12}px`; }
  });
  canvas.addEventListener("click", (event) => { const node = nearest(event); if (node) show(node); });
  canvas.addEventListener("wheel", (event) => { event.preventDefault(); state.scale *= event.deltaY < 0 ? 1.15 : 1 / 1.15; draw(); });
  let dragging = null;
  canvas.addEventListener("mousedown", (event) => { dragging = [event.clientX, event.clientY]; });
  window.addEventListener("mouseup", () => { dragging = null; });
  window.addEventListener("mousemove", (event) => {
    if (!dragging) return;
    state.x += (event.clientX - dragging[0]) * devicePixelRatio / state.scale;
    state.y += (event.clientY - dragging[1]) * devicePixelRatio / state.scale;
    dragging = [event.clientX, event.clientY]; draw();
  });
  document.getElementById("search").addEventListener("input", (event) => { state.search = event.target.value; draw(); });
  for (const box of document.querySelectorAll("input[data-relation], input[data-type]")) {
    box.addEventListener("change", () => {
      const set = box.dataset.relation ? state.relations : state.types, key = box.dataset.relation || box.dataset.type;
      if (box.checked) set.add(key); else set.delete(key);
      draw();
    });
  }
  const from = document.getElementById("from"), to = document.getElementById("to");
  function period() {
    state.from = Math.min(+from.value, +to.value); state.to = Math.max(+from.value, +to.value);
    document.getElementById("period").textContent = `${months[state.from]} to ${months[state.to]}`;
    draw();
  }
  from.addEventListener("input", period); to.addEventListener("input", period);
  window.addEventListener("resize", resize);

  window.kgSelfTest = function () {
    const result = { nodes: nodes.length, edges: edges.length };
    state.search = ""; draw(); result.drawnNodes = state.drawnNodes; result.drawnEdges = state.drawnEdges;
    state.search = data.selfTestSearch; draw(); result.matched = state.matched;
    state.search = ""; state.to = Math.floor((months.length - 1) / 2); draw();
    result.drawnEdgesInFirstHalf = state.drawnEdges;
    state.to = months.length - 1; draw();
    const central = nodes.reduce((a, b) => (b.size > a.size ? b : a));  // hover and click it, as a user would
    const [x, y] = screen(central), rect = canvas.getBoundingClientRect();
    const at = { clientX: rect.left + x / devicePixelRatio, clientY: rect.top + y / devicePixelRatio, bubbles: true };
    canvas.dispatchEvent(new MouseEvent("mousemove", at));
    result.tip = tip.textContent; result.centralLabel = central.label;
    canvas.dispatchEvent(new MouseEvent("click", at));
    result.panelTitle = panel.querySelector("h2") ? panel.querySelector("h2").textContent : "";
    result.panelLinks = panel.querySelectorAll("a[href]").length; result.centralDocuments = central.documents.length;
    return result;
  };
  // For bench/viz_bench.py: time to first draw, and the time of each frame of a simulated drag
  // (getImageData waits until the canvas has really been painted).
  window.kgBench = function (frames) {
    const times = [];
    for (let i = 0; i < frames; i += 1) {
      const start = performance.now();
      state.x += 4; draw(); context.getImageData(0, 0, 1, 1);
      times.push(performance.now() - start);
    }
    return { nodes: nodes.length, edges: edges.length, firstDrawMs: firstDraw, frameMs: times };
  };
  resize();
  period();
  if (location.hash === "#selftest") {
    document.getElementById("selftest").textContent = JSON.stringify(window.kgSelfTest());
  } else if (location.hash === "#bench") {
    document.getElementById("selftest").textContent = JSON.stringify(window.kgBench(60));
  }
})();
