// The model file: a header, transition and start scores, the quantised emission table, the training
// gazetteer, the place-name gazetteer, the casing table and the word clusters. Little-endian throughout. Transition and
// start scores are floats in the unit of the emission integers, so decoding needs no rescaling.
import { Gazetteer } from './gazetteer';
import { TAG_COUNT } from './tags';
import type { PassWeights, TaggerWeights } from './tagger';

const MAGIC = 0x4d4e4c41; // "ALNM"
const VERSION = 4;
const HEADER_FIELDS = 9;
const HEADER = HEADER_FIELDS * 4;

export interface QuantisedPass {
  emission: Int8Array | Int16Array;
  transition: Float32Array;
  start: Float32Array;
  /** Float weight = stored integer * scale. */
  scale: number;
}

/**
 * Rounds float weights to integers of `bytes` bytes; transitions are divided by the same scale. A row whose
 * integers are all within +-`prune` becomes all zero: recognition skips zero rows (liveRows.ts), and such rows,
 * a third of the rows a trained model touches, change almost no decision.
 */
export function quantisePass(pass: PassWeights, bytes: 1 | 2, prune = 0): QuantisedPass {
  const limit = bytes === 1 ? 127 : 32767;
  let max = 0;
  for (let i = 0; i < pass.emission.length; i++) max = Math.max(max, Math.abs(pass.emission[i]));
  const scale = max > 0 ? max / limit : 1;
  const emission = bytes === 1 ? new Int8Array(pass.emission.length) : new Int16Array(pass.emission.length);
  for (let i = 0; i < emission.length; i++) emission[i] = Math.round(pass.emission[i] / scale);
  if (prune > 0) {
    for (let r = 0; r < emission.length; r += TAG_COUNT) {
      let largest = 0;
      for (let q = 0; q < TAG_COUNT; q++) largest = Math.max(largest, Math.abs(emission[r + q]));
      if (largest <= prune) emission.fill(0, r, r + TAG_COUNT);
    }
  }
  const transition = Float32Array.from(pass.transition, (v) => v / scale);
  const start = Float32Array.from(pass.start, (v) => v / scale);
  return { emission, transition, start, scale };
}

function mapToInt32Array(map: Map<number, number>): Int32Array {
  const out = new Int32Array(map.size * 2);
  let o = 0;
  for (const [k, v] of [...map].sort((a, b) => a[0] - b[0])) {
    out[o++] = k;
    out[o++] = v;
  }
  return out;
}

export function encodeModel(rowBits: number, first: QuantisedPass, twoPass: boolean, gazetteer: Gazetteer, places: Gazetteer, casing: Map<number, number>, clusters: Map<number, number>): Uint8Array {
  const bytes = first.emission.BYTES_PER_ELEMENT;
  const gaz = gazetteer.toInt32Array();
  const plc = places.toInt32Array();
  const cas = mapToInt32Array(casing);
  const clu = mapToInt32Array(clusters);
  const T = TAG_COUNT;
  const firstSize = 4 * (T * T + T) + (1 << rowBits) * T * bytes;
  const pad = (4 - (firstSize % 4)) % 4;
  const out = new Uint8Array(HEADER + firstSize + pad + (gaz.length + plc.length + cas.length + clu.length) * 4);
  const view = new DataView(out.buffer);
  let o = 0;
  for (const v of [MAGIC, VERSION, rowBits, bytes, twoPass ? 2 : 1, gaz.length, plc.length, cas.length, clu.length]) {
    view.setInt32(o, v, true);
    o += 4;
  }
  const floats = (values: ArrayLike<number>) => {
    for (let i = 0; i < values.length; i++, o += 4) view.setFloat32(o, values[i], true);
  };
  floats(first.transition);
  floats(first.start);
  for (const v of first.emission) {
    if (bytes === 1) view.setInt8(o, v);
    else view.setInt16(o, v, true);
    o += bytes;
  }
  o += pad;
  for (const list of [gaz, plc, cas, clu]) for (const v of list) (view.setInt32(o, v, true), (o += 4));
  return out;
}

export interface DecodedModel {
  weights: TaggerWeights | null;
  problem: string | null;
}

export function decodeModel(data: Uint8Array): DecodedModel {
  if (data.byteLength < HEADER) return { weights: null, problem: 'name model file is too short' };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const header: number[] = [];
  for (let i = 0; i < HEADER_FIELDS; i++) header.push(view.getInt32(i * 4, true));
  const [magic, version, rowBits, bytes, passes, gazLength, placesLength, casingLength, clustersLength] = header;
  if (magic !== MAGIC) return { weights: null, problem: 'not a name model file' };
  if (version !== VERSION) return { weights: null, problem: `name model file of version ${version}; this version reads version ${VERSION} (rebuild it with npm run train)` };
  const T = TAG_COUNT;
  const firstSize = 4 * (T * T + T) + (1 << rowBits) * T * bytes;
  const pad = (4 - (firstSize % 4)) % 4;
  if (data.byteLength !== HEADER + firstSize + pad + (gazLength + placesLength + casingLength + clustersLength) * 4) return { weights: null, problem: 'name model file has the wrong size' };
  let o = HEADER;
  const floats = (count: number) => {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++, o += 4) out[i] = view.getFloat32(o, true);
    return out;
  };
  const transition = floats(T * T);
  const start = floats(T);
  const count = (1 << rowBits) * T;
  let emission: Int8Array | Int16Array;
  if (bytes === 1) emission = new Int8Array(data.buffer, data.byteOffset + o, count);
  else if ((data.byteOffset + o) % 2 === 0) emission = new Int16Array(data.buffer, data.byteOffset + o, count);
  else emission = new Int16Array(data.slice(o, o + count * 2).buffer);
  o += count * bytes + pad;
  const ints = (length: number) => {
    const out = new Int32Array(length);
    for (let i = 0; i < length; i++, o += 4) out[i] = view.getInt32(o, true);
    return out;
  };
  const gazetteer = Gazetteer.fromInt32Array(ints(gazLength));
  const places = Gazetteer.fromInt32Array(ints(placesLength));
  const map = (length: number) => {
    const list = ints(length);
    const out = new Map<number, number>();
    for (let i = 0; i + 1 < list.length; i += 2) out.set(list[i], list[i + 1]);
    return out;
  };
  const casing = map(casingLength);
  const clusters = map(clustersLength);
  return { weights: { rowBits, gazetteer, places, casing, clusters, first: { emission, transition, start }, twoPass: passes === 2 }, problem: null };
}
