// The map's gazetteer: place name -> the coordinates it is placed at, parsed from the table the build writes
// (scripts/places-table.mjs: countries at their capitals, cities of 15,000 people or more, GeoNames CC BY 4.0).
// One entry per spelling: a country before a city of the same name, then the most populous city; how many
// other places share the name is kept so that the view says it assumed the largest.

export interface GazetteerPlace {
  kind: 'city' | 'country';
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lat: number;
  lon: number;
  /** Cities only (0 for a country: the table has no country populations). */
  population: number;
  /** Countries only: the capital the country is drawn at. */
  capital: string;
  /** Other places in the table with the same name (looked up by key). */
  others: number;
}

export interface GazetteerMatch {
  place: GazetteerPlace;
  /** How the name was read when it is not the place's own name: `UK` as `the United Kingdom`. */
  readAs: string | null;
  /** A part of a country the table does not list (`England`): drawn at `place`, its capital, and shown under its own name. */
  region: string | null;
  /** What was assumed in reading an ambiguous short name (`Washington` as the US capital). */
  assumed: string | null;
}

/**
 * Why a name is not placed although the table may know the word: a continent or a US state is no point, and the
 * table's towns of that name (`Asia` in the Philippines, `Florida` in Cuba) are not what an article means.
 */
export function notAPoint(name: string): string | null {
  const key = placeKey(name);
  if (CONTINENTS.has(key)) return 'a continent: no single point';
  if (US_STATES.has(key)) return 'a US state: no single point';
  return null;
}

const CONTINENTS = new Set(['africa', 'antarctica', 'asia', 'europe', 'north america', 'south america', 'oceania', 'latin america', 'middle east']);

// Georgia, Washington and New York are left out: the country, the capital and the city are what news means most.
const US_STATES = new Set(
  ('alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas kentucky ' +
    'louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada new_hampshire new_jersey ' +
    'new_mexico north_carolina north_dakota ohio oklahoma oregon pennsylvania rhode_island south_carolina south_dakota tennessee texas ' +
    'utah vermont virginia west_virginia wisconsin wyoming')
    .split(' ')
    .map((s) => s.replace('_', ' ')),
);

/**
 * Names the table spells otherwise, written for this project: common English short forms of countries, and the
 * nations of the United Kingdom, which the table does not list as countries (drawn at their capitals, and said so).
 */
const ALIASES: Record<string, { to: string; as?: string; region?: string; assumed?: string }> = {
  uk: { to: 'united kingdom', as: 'the United Kingdom' },
  'u k': { to: 'united kingdom', as: 'the United Kingdom' },
  britain: { to: 'united kingdom', as: 'the United Kingdom' },
  'great britain': { to: 'united kingdom', as: 'the United Kingdom' },
  us: { to: 'united states', as: 'the United States' },
  'u s': { to: 'united states', as: 'the United States' },
  'u s a': { to: 'united states', as: 'the United States' },
  usa: { to: 'united states', as: 'the United States' },
  america: { to: 'united states', as: 'the United States' },
  'united states of america': { to: 'united states', as: 'the United States' },
  turkey: { to: 'turkiye', as: 'Türkiye' },
  'czech republic': { to: 'czechia', as: 'Czechia' },
  holland: { to: 'netherlands', as: 'the Netherlands' },
  burma: { to: 'myanmar', as: 'Myanmar' },
  kiev: { to: 'kyiv', as: 'Kyiv' },
  // The table names these cities in full; the short name alone finds a smaller place (Washington, Tyne and Wear).
  'new york': { to: 'new york city', as: 'New York City' },
  washington: { to: 'washington d c', as: 'Washington, D.C.', assumed: 'assumed: the US capital (other places are called Washington)' },
  england: { to: 'london', region: 'England' },
  scotland: { to: 'edinburgh', region: 'Scotland' },
  wales: { to: 'cardiff', region: 'Wales' },
  'northern ireland': { to: 'belfast', region: 'Northern Ireland' },
};

/** The lookup key of a name: case, accents, punctuation and a leading "the" do not matter (`the Hague`, `Washington, D.C.`). */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export class Gazetteer {
  private constructor(private readonly places: Map<string, GazetteerPlace>) {}

  /** Parses the build's table; lines it cannot read are skipped and counted. */
  static parse(text: string): { gazetteer: Gazetteer; skipped: number } {
    const places = new Map<string, GazetteerPlace>();
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const [kind, country, name, lat, lon, population, capital] = line.split('\t');
      const place: GazetteerPlace = { kind: kind as GazetteerPlace['kind'], name, country, lat: Number(lat), lon: Number(lon), population: Number(population), capital: capital ?? '', others: 0 };
      if ((kind !== 'city' && kind !== 'country') || !name || !Number.isFinite(place.lat) || !Number.isFinite(place.lon)) {
        skipped++;
        continue;
      }
      const key = placeKey(name);
      const known = places.get(key);
      if (!known) {
        places.set(key, place);
        continue;
      }
      const better = place.kind !== known.kind ? place.kind === 'country' : place.population > known.population;
      const kept = better ? place : known;
      kept.others = known.others + 1;
      places.set(key, kept);
    }
    return { gazetteer: new Gazetteer(places), skipped };
  }

  get size(): number {
    return this.places.size;
  }

  lookup(name: string): GazetteerMatch | null {
    const key = placeKey(name);
    // The hand-written aliases come first: `US` or `Turkey` may also be some small town's name in the table.
    const alias = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
    const target = alias && this.places.get(alias.to);
    if (target) return { place: target, readAs: alias.as ?? null, region: alias.region ?? null, assumed: alias.assumed ?? null };
    const place = this.places.get(key);
    return place ? { place, readAs: null, region: null, assumed: null } : null;
  }
}
