/**
 * numpy's `.npz` format: a zip archive holding one `.npy` file per array, `NAME.npy`. `savez`
 * writes the archive exactly as `np.savez` does (entries stored, not compressed, each with a zip64
 * extra field) but with a fixed timestamp, 1980-01-01 00:00, so that a program writes the same
 * bytes every time; `loadNpz` reads `np.savez` and `np.savez_compressed` archives alike.
 */
import { inflateSync } from 'fflate';
import type { NDArray } from './ndarray.ts';
import { fromNpy, toNpy } from './npy.ts';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_END_OF_CENTRAL = 0x06064b50;
const ZIP64_EXTRA = 0x0001;
const ZIP64_VERSION = 45; // the zip version that knows zip64, which numpy's entries declare
const MADE_ON_UNIX = 3 << 8;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const READ_WRITE_FOR_OWNER = 0o600 << 16; // Python's zipfile gives written entries this mode
const STORED = 0;
const DEFLATED = 8;
const LIMIT_32 = 0xffffffff;

// ==== CRC-32 ====

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes`, as zip stores it. */
export function crc32(bytes: Uint8Array): number {
  let crc = LIMIT_32;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ LIMIT_32) >>> 0;
}

// ==== Writing ====

/** The bytes of `np.savez(file, **arrays)`: one stored `KEY.npy` entry per array, in order. */
export function savez(arrays: ReadonlyMap<string, NDArray>): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [key, array] of arrays) {
    const name = new TextEncoder().encode(`${key}.npy`);
    const data = toNpy(array);
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length + 20);
    const l = new DataView(local.buffer);
    l.setUint32(0, LOCAL_HEADER, true);
    l.setUint16(4, ZIP64_VERSION, true);
    l.setUint16(12, DOS_DATE_1980_01_01, true);
    l.setUint32(14, crc, true);
    // Sizes live in the zip64 extra field, as numpy's `force_zip64=True` writes them.
    l.setUint32(18, LIMIT_32, true);
    l.setUint32(22, LIMIT_32, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, 20, true);
    local.set(name, 30);
    l.setUint16(30 + name.length, ZIP64_EXTRA, true);
    l.setUint16(32 + name.length, 16, true);
    l.setBigUint64(34 + name.length, BigInt(data.length), true);
    l.setBigUint64(42 + name.length, BigInt(data.length), true);
    if (offset + local.length + data.length > LIMIT_32)
      throw new RangeError('savez writes archives up to 4 GB; these arrays need more');
    central.push(centralEntry(name, crc, data.length, offset));
    parts.push(local, data);
    offset += local.length + data.length;
  }
  const centralSize = central.reduce((n, entry) => n + entry.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, END_OF_CENTRAL, true);
  e.setUint16(8, central.length, true);
  e.setUint16(10, central.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  return concat([...parts, ...central, end]);
}

/** The central directory's record of one entry. */
function centralEntry(name: Uint8Array, crc: number, size: number, offset: number): Uint8Array {
  const entry = new Uint8Array(46 + name.length);
  const c = new DataView(entry.buffer);
  c.setUint32(0, CENTRAL_HEADER, true);
  c.setUint16(4, MADE_ON_UNIX | ZIP64_VERSION, true);
  c.setUint16(6, ZIP64_VERSION, true);
  c.setUint16(14, DOS_DATE_1980_01_01, true);
  c.setUint32(16, crc, true);
  c.setUint32(20, size, true);
  c.setUint32(24, size, true);
  c.setUint16(28, name.length, true);
  c.setUint32(38, READ_WRITE_FOR_OWNER, true);
  c.setUint32(42, offset, true);
  entry.set(name, 46);
  return entry;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ==== Reading ====

/** One entry of the central directory. */
interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * The arrays of the `.npz` bytes `bytes`, by key (the entry name without `.npy`), as `np.load`
 * reads them; `fileName` names the file in every error (not a zip, truncated, damaged).
 */
export function loadNpz(bytes: Uint8Array, fileName: string): Map<string, NDArray> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const arrays = new Map<string, NDArray>();
  for (const entry of centralDirectory(view, fileName)) {
    const where = `${fileName} (entry ${entry.name})`;
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER)
      throw new Error(`${where} is damaged: its local header is missing`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > bytes.length)
      throw new Error(
        `${fileName} is truncated: entry ${entry.name} runs past the end of the file`,
      );
    const stored = bytes.subarray(start, start + entry.compressedSize);
    const data = entry.method === STORED ? stored : inflate(stored, where);
    if (data.length !== entry.size || crc32(data) !== entry.crc)
      throw new Error(`${where} is damaged: its checksum does not match its contents`);
    arrays.set(entry.name.replace(/\.npy$/, ''), fromNpy(data, where));
  }
  return arrays;
}

function inflate(bytes: Uint8Array, where: string): Uint8Array {
  try {
    return inflateSync(bytes);
  } catch (error) {
    throw new Error(`${where} is damaged: its compressed data cannot be read`, { cause: error });
  }
}

/** The entries listed in the archive's central directory (zip64 sizes and offsets included). */
function centralDirectory(view: DataView, fileName: string): Entry[] {
  const endAt = findEnd(view);
  if (endAt < 0)
    throw new Error(
      view.byteLength >= 4 && view.getUint32(0, true) === LOCAL_HEADER
        ? `${fileName} is truncated: the end of its zip archive is missing`
        : `${fileName} is not an .npz file (a zip archive of .npy arrays)`,
    );
  let count = view.getUint16(endAt + 10, true);
  let at = view.getUint32(endAt + 16, true);
  // A zip64 archive says so with 0xFFFF / 0xFFFFFFFF and keeps the real numbers in a zip64 record.
  const locatorAt = endAt - 20;
  if ((count === 0xffff || at === LIMIT_32) && locatorAt >= 0) {
    const recordAt = Number(view.getBigUint64(locatorAt + 8, true));
    if (
      recordAt + 56 <= view.byteLength &&
      view.getUint32(recordAt, true) === ZIP64_END_OF_CENTRAL
    ) {
      count = Number(view.getBigUint64(recordAt + 32, true));
      at = Number(view.getBigUint64(recordAt + 48, true));
    }
  }
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER)
      throw new Error(`${fileName} is damaged: its list of entries is broken`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(
      new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength),
    );
    const entry: Entry = {
      name,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    if (entry.method !== STORED && entry.method !== DEFLATED)
      throw new Error(
        `${fileName} (entry ${name}) uses zip compression method ${entry.method}, which dezero cannot read`,
      );
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Replaces the entry's 0xFFFFFFFF fields with their 8-byte values from a zip64 extra field. */
function readZip64Extra(view: DataView, at: number, length: number, entry: Entry): void {
  const end = at + length;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = (): number => {
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.size === LIMIT_32) entry.size = next();
      if (entry.compressedSize === LIMIT_32) entry.compressedSize = next();
      if (entry.localOffset === LIMIT_32) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Where the end-of-central-directory record starts, searching back over a comment; -1 if none. */
function findEnd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--)
    if (view.getUint32(at, true) === END_OF_CENTRAL) return at;
  return -1;
}
