/**
 * A tiny WebAssembly binary encoder: just the sections, types and instructions that our kernels
 * use, so the module is generated from this TypeScript source at first use (no binary committed,
 * no build step, no toolchain).
 *
 * Instructions are written in WAT's folded form: every helper returns its bytes with its operands'
 * bytes first, as the stack machine wants them, so `f32x4.add(get(c), f32x4.mul(get(a), get(b)))`
 * reads like `(f32x4.add (local.get $c) (f32x4.mul (local.get $a) (local.get $b)))`.
 * Opcodes: the WebAssembly 2.0 core spec, §5.4 (binary instructions), SIMD under the 0xfd prefix.
 */

/** Encoded bytes of an instruction sequence or a part of the module. */
export type Code = number[];

/** The value types we use. */
export type ValType = 'i32' | 'f32' | 'f64' | 'v128';

const VALTYPE: Record<ValType, number> = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b };

// ==== LEB128 and vectors ====

/** Unsigned LEB128. */
export function u32(n: number): Code {
  const out: Code = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function s32(n: number): Code {
  const out: Code = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A length-prefixed vector of already encoded items. */
function vec(items: readonly Code[]): Code {
  return [...u32(items.length), ...items.flat()];
}

function utf8(s: string): Code {
  return vec([...new TextEncoder().encode(s)].map((b) => [b]));
}

function section(id: number, body: Code): Code {
  return [id, ...u32(body.length), ...body];
}

// ==== locals and control ====

/** A local variable (parameters first, then declared locals), known by its index. */
export interface Local {
  readonly index: number;
  readonly type: ValType;
}

export const get = (x: Local): Code => [0x20, ...u32(x.index)];
export const set = (x: Local, value: Code): Code => [...value, 0x21, ...u32(x.index)];

/** `block` with no result; `br 0` inside jumps past its end. */
export const block = (...body: Code[]): Code => [0x02, 0x40, ...body.flat(), 0x0b];
/** `loop` with no result; `br 0` inside jumps back to its start. */
export const loop = (...body: Code[]): Code => [0x03, 0x40, ...body.flat(), 0x0b];
/** `if` without `else`. */
export const if_ = (cond: Code, ...body: Code[]): Code => [
  ...cond,
  0x04,
  0x40,
  ...body.flat(),
  0x0b,
];
/** `if` … `else` …. */
export const ifElse = (cond: Code, then: readonly Code[], otherwise: readonly Code[]): Code => [
  ...cond,
  0x04,
  0x40,
  ...then.flat(),
  0x05,
  ...otherwise.flat(),
  0x0b,
];
export const br = (depth: number): Code => [0x0c, ...u32(depth)];
export const return_: Code = [0x0f];
export const brIf = (depth: number, cond: Code): Code => [...cond, 0x0d, ...u32(depth)];
/** `select`: `a` when `cond` is non-zero, else `b` (both are evaluated). */
export const select = (a: Code, b: Code, cond: Code): Code => [...a, ...b, ...cond, 0x1b];
export const call = (fn: number, ...args: Code[]): Code => [...args.flat(), 0x10, ...u32(fn)];

/**
 * `for (i = from; i < to; i += step) body` as block/loop; the loop is skipped when from >= to.
 * Inside `body`, depth 0 is the loop and depth 1 the enclosing block.
 */
export function forRange(i: Local, from: Code, to: Code, step: Code, ...body: Code[]): Code {
  return [
    ...set(i, from),
    ...block(
      brIf(0, i32.geS(get(i), to)),
      loop(...body, set(i, i32.add(get(i), step)), brIf(0, i32.ltS(get(i), to))),
    ),
  ];
}

// ==== numeric instructions ====

/** Memory immediate: log2 of the alignment hint, then a constant byte offset. */
const memarg = (align: number, offset: number): Code => [...u32(align), ...u32(offset)];

const binary =
  (op: number) =>
  (a: Code, b: Code): Code => [...a, ...b, op];

export const i32 = {
  const: (n: number): Code => [0x41, ...s32(n)],
  add: binary(0x6a),
  sub: binary(0x6b),
  mul: binary(0x6c),
  shl: binary(0x74),
  ltS: binary(0x48),
  ltU: binary(0x49),
  geU: binary(0x4f),
  geS: binary(0x4e),
  eq: binary(0x46),
  and: binary(0x71),
  /** The smaller of two side-effect-free expressions (each is evaluated twice). */
  minS: (a: Code, b: Code): Code => [...a, ...b, ...a, ...b, 0x48, 0x1b], // lt_s, select
};

/** Scalar float loads, stores and adds (edge tiles and packing). */
export const f32 = {
  load: (addr: Code, offset = 0): Code => [...addr, 0x2a, ...memarg(2, offset)],
  store: (addr: Code, value: Code, offset = 0): Code => [
    ...addr,
    ...value,
    0x38,
    ...memarg(2, offset),
  ],
  add: binary(0x92),
};

export const f64 = {
  load: (addr: Code, offset = 0): Code => [...addr, 0x2b, ...memarg(3, offset)],
  store: (addr: Code, value: Code, offset = 0): Code => [
    ...addr,
    ...value,
    0x39,
    ...memarg(3, offset),
  ],
  add: binary(0xa0),
};

const simd = (op: number): Code => [0xfd, ...u32(op)];
const simdBinary =
  (op: number) =>
  (a: Code, b: Code): Code => [...a, ...b, ...simd(op)];

export const v128 = {
  load: (addr: Code, offset = 0): Code => [...addr, ...simd(0x00), ...memarg(4, offset)],
  store: (addr: Code, value: Code, offset = 0): Code => [
    ...addr,
    ...value,
    ...simd(0x0b),
    ...memarg(4, offset),
  ],
  load32Splat: (addr: Code, offset = 0): Code => [...addr, ...simd(0x09), ...memarg(2, offset)],
  load64Splat: (addr: Code, offset = 0): Code => [...addr, ...simd(0x0a), ...memarg(3, offset)],
  zero: (): Code => [...simd(0x0c), ...new Array<number>(16).fill(0)],
};

export const f32x4 = { add: simdBinary(0xe4), sub: simdBinary(0xe5), mul: simdBinary(0xe6) };
export const f64x2 = { add: simdBinary(0xf0), sub: simdBinary(0xf1), mul: simdBinary(0xf2) };

// ==== functions and the module ====

/** A function being written: its parameters are locals 0..n-1; `local()` declares more. */
export class FunctionBuilder<P extends readonly ValType[] = readonly ValType[]> {
  readonly params: { readonly [K in keyof P]: Local };
  readonly results: readonly ValType[];
  private readonly declared: ValType[] = [];

  constructor(params: P, results: readonly ValType[] = []) {
    this.params = params.map((type, index) => ({ index, type })) as unknown as {
      readonly [K in keyof P]: Local;
    };
    this.results = results;
  }

  /** A new local of `type`, zero at entry. */
  local(type: ValType): Local {
    this.declared.push(type);
    return { index: (this.params as readonly Local[]).length + this.declared.length - 1, type };
  }

  /** The function's code entry (locals and body) for the code section. */
  encode(body: readonly Code[]): Code {
    const locals = vec(this.declared.map((t) => [1, VALTYPE[t]]));
    const code = [...locals, ...body.flat(), 0x0b];
    return [...u32(code.length), ...code];
  }
}

/** One function of a module: its builder, body, and export name (or none). */
export interface ModuleFunction {
  builder: FunctionBuilder;
  body: Code[];
  exportAs?: string;
}

/**
 * A module that imports its memory as `env.memory` and holds `functions` in order (a call names a
 * function by its position in this list).
 */
export function encodeModule(functions: readonly ModuleFunction[]): Uint8Array<ArrayBuffer> {
  const types = functions.map(({ builder }) => [
    0x60,
    ...vec((builder.params as readonly Local[]).map((p) => [VALTYPE[p.type]])),
    ...vec(builder.results.map((t) => [VALTYPE[t]])),
  ]);
  const memoryImport = [...utf8('env'), ...utf8('memory'), 0x02, 0x00, ...u32(1)];
  const exports = functions.flatMap((f, i) =>
    f.exportAs === undefined ? [] : [[...utf8(f.exportAs), 0x00, ...u32(i)]],
  );
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(functions.map((_, i) => u32(i)))),
    ...section(7, vec(exports)),
    ...section(10, vec(functions.map((f) => f.builder.encode(f.body)))),
  ]);
}
