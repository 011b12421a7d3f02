/**
 * The WebAssembly matmul module: GotoBLAS's packed loops (as the JS kernels in gemm-f64.ts and
 * gemm-f32.ts) with 128-bit SIMD micro-kernels, generated as bytes by encode.ts.
 *
 * One module per element type exports `gemm`: C = A·B on the module's memory, pointers in bytes
 * and strides in elements. Each C entry is summed exactly as the JS kernels sum it (from 0, in k
 * order within each KC-deep panel, the panels added to C in order), with only `mul` and `add`,
 * each rounded to the element type, so both backends give the same bits. No fused multiply-add
 * (relaxed SIMD rounds it as the hardware does) and no reassociation.
 *
 * The micro-kernel: a 4x8 float32 tile (4x4 in float64) in eight v128 accumulators, per k two
 * loads of B and four splats of A. It is the largest tile V8 keeps in registers: V8 schedules all
 * of a block's loads first, so 4 splats + 2 B vectors + 8 accumulators + 1 product fill the 15
 * registers it allocates; 5x8, 6x8, 4x12 and 3x12 spilled and ran at 18-23 GFLOP/s. Measured on
 * this machine (Zen 3 at ~3.2 GHz, Node 22): ~39 GFLOP/s in float32, ~19.5 in float64, where
 * the loop's 22 vector instructions (6 loads, 8 mul, 8 add) issue at ~4 per cycle.
 *
 * Where the time goes (Dec 2026, each variant timed in one process, interleaved, best of 15-30
 * rounds; the host is shared and swings by ±15% between runs): the micro-kernel alone, looping
 * over one L1-resident 4 x 256 / 256 x 8 strip pair, runs ~33-38 GFLOP/s in float32, and the
 * whole module (packing and blocking included) ~36 at 512^2 and 34-38 on all three MNIST shapes,
 * so blocking, packing and edges cost almost nothing; the copies in and out of gemm-wasm.ts cost
 * ~2-5%. The same loop with its loads removed (operands in registers) runs ~48-50 (float64
 * ~25): the gap is the six loads per k step, not the arithmetic. V8 emits a tight loop (one
 * vbroadcastss per A value from memory, two vmovdqu of B, 16 arithmetic, pointer increments, no
 * spills). Variants that did not help: load + splat instead of load32_splat (slower, ~-10%);
 * one v128 load of the A column and i8x16.shuffle splats, or rotating A against B (no
 * broadcasts, tile unscrambled at the end): both slower, the shuffles compete for the same
 * pipes; A packed pre-broadcast (plain loads, V8 does not fold them into mulps: it spills);
 * one k step per trip (UNROLL 1, -3 to -8%); 5x8, 6x8, 3x12, 4x12 tiles with fake branches to
 * stop V8 hoisting their loads (equal or slower, spills); MC 32-256 and NC 256-2048 (equal
 * within noise at 512^2). FMA and relaxed SIMD would help but change bits, so they stay out.
 */
import {
  FunctionBuilder,
  block,
  brIf,
  call,
  encodeModule,
  f32,
  f32x4,
  f64,
  f64x2,
  forRange,
  get,
  i32,
  ifElse,
  if_,
  loop,
  return_,
  select,
  set,
  v128,
} from './encode.ts';
import type { Code, Local, ModuleFunction } from './encode.ts';
import { KC } from '../gemm-blocking.ts';

/** Rows of a register tile, and bytes of the edge-tile scratch the module keeps at address 0. */
export const MR = 4;
export const SCRATCH_BYTES = 128;
/** Rows of a packed A block and columns of a packed B panel (speed only; bits do not depend on them). */
export const MC = 128;
export const NC = 2048;

/** What differs between the float32 and float64 kernels. */
interface Flavor {
  /** log2 of the element size. */
  shift: 2 | 3;
  /** Columns of the register tile: two v128 (32 bytes) per row either way. */
  nr: 8 | 4;
  splat: (addr: Code, offset: number) => Code;
  vadd: (a: Code, b: Code) => Code;
  vmul: (a: Code, b: Code) => Code;
  load: (addr: Code, offset?: number) => Code;
  store: (addr: Code, value: Code, offset?: number) => Code;
  add: (a: Code, b: Code) => Code;
  zero: Code;
}

const FLOAT32: Flavor = {
  shift: 2,
  nr: 8,
  splat: v128.load32Splat,
  vadd: f32x4.add,
  vmul: f32x4.mul,
  load: f32.load,
  store: f32.store,
  add: f32.add,
  zero: [0x43, 0, 0, 0, 0], // f32.const 0
};

const FLOAT64: Flavor = {
  shift: 3,
  nr: 4,
  splat: v128.load64Splat,
  vadd: f64x2.add,
  vmul: f64x2.mul,
  load: f64.load,
  store: f64.store,
  add: f64.add,
  zero: [0x44, 0, 0, 0, 0, 0, 0, 0, 0], // f64.const 0
};

const ROW_BYTES = 32;
// prettier-ignore
const I32_13 = ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'] as const;
// NOTE: two k steps per trip of the loop, with an exit test between them: V8 keeps the second
// step's loads in their own basic block (no hoisting, so no spills) and checks the stack once per
// trip, which measured ~8% faster here (39 vs 36 GFLOP/s in float32); three or more steps were
// slower, and so were both steps in one block (V8 hoists all twelve loads and spills).
const UNROLL = 2; // one register-tile row, and one row of a packed B strip

const add = i32.add;
const mul = i32.mul;
const cst = i32.const;
const inc = (x: Local, by: Code): Code => set(x, add(get(x), by));
/** Element count to bytes. */
const bytes = (f: Flavor, n: Code): Code => i32.shl(n, cst(f.shift));

/**
 * kernel(kc, pa, pb, c, ldcBytes, mr, nr, first): C[mr x nr tile at c] += packed A strip · packed
 * B strip, or = for the first panel (C need not be zeroed: 0 + s is s, as a sum from +0 is never
 * -0). The padded strips make the tile full inside; an edge tile goes through the scratch.
 */
function kernel(f: Flavor): ModuleFunction {
  const fn = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'] as const);
  const [kc, pa, pb, c, ldc, mr, nr, first] = fn.params;
  const acc = Array.from({ length: 2 * MR }, () => fn.local('v128'));
  const [b0, b1, a] = [fn.local('v128'), fn.local('v128'), fn.local('v128')];
  const [end, i, j, q] = [fn.local('i32'), fn.local('i32'), fn.local('i32'), fn.local('i32')];
  const x = fn.local(f.shift === 2 ? 'f32' : 'f64');
  const aStep = MR << f.shift;
  const rows = [0, 1, 2, 3];
  // One k step: C tile += (A column of 4) x (B row of NR), then both strips move on.
  const step: Code = [
    ...set(b0, v128.load(get(pb))),
    ...set(b1, v128.load(get(pb), 16)),
    ...rows.flatMap((r) => [
      ...set(a, f.splat(get(pa), r << f.shift)),
      ...set(acc[2 * r]!, f.vadd(get(acc[2 * r]!), f.vmul(get(a), get(b0)))),
      ...set(acc[2 * r + 1]!, f.vadd(get(acc[2 * r + 1]!), f.vmul(get(a), get(b1)))),
    ]),
    ...inc(pa, cst(aStep)),
    ...inc(pb, cst(ROW_BYTES)),
  ];
  const body: Code[] = [
    set(end, add(get(pa), mul(get(kc), cst(aStep)))),
    block(
      loop(
        ...Array.from({ length: UNROLL }, (_, u) => [
          ...step,
          ...(u < UNROLL - 1
            ? brIf(1, i32.geU(get(pa), get(end)))
            : brIf(0, i32.ltU(get(pa), get(end)))),
        ]),
      ),
    ),
    if_(
      i32.and(i32.eq(get(mr), cst(MR)), i32.eq(get(nr), cst(f.nr))),
      ifElse(
        get(first),
        rows.map((r) => {
          const row = add(get(c), mul(get(ldc), cst(r)));
          return [
            ...v128.store(row, get(acc[2 * r]!)),
            ...v128.store(row, get(acc[2 * r + 1]!), 16),
          ];
        }),
        rows.map((r) => {
          const row = add(get(c), mul(get(ldc), cst(r)));
          return [
            ...v128.store(row, f.vadd(v128.load(row), get(acc[2 * r]!))),
            ...v128.store(row, f.vadd(v128.load(row, 16), get(acc[2 * r + 1]!)), 16),
          ];
        }),
      ),
      return_,
    ),
    ...acc.map((x, t) => v128.store(cst(0), get(x), 16 * t)),
    forRange(
      i,
      cst(0),
      get(mr),
      cst(1),
      forRange(
        j,
        cst(0),
        get(nr),
        cst(1),
        set(q, add(add(get(c), mul(get(i), get(ldc))), bytes(f, get(j)))),
        set(x, f.load(add(mul(get(i), cst(ROW_BYTES)), bytes(f, get(j))))),
        f.store(get(q), select(get(x), f.add(f.load(get(q)), get(x)), get(first))),
      ),
    ),
  ];
  return { builder: fn, body };
}

/**
 * block(mc, nc, kc, pa, pb, c, ldc, first): every register tile of a packed A block times a packed
 * B panel, added to C (or stored, for the first panel).
 */
function blockFn(f: Flavor, kernelIndex: number): ModuleFunction {
  const fn = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'] as const);
  const [mc, nc, kc, pa, pb, c, ldc, first] = fn.params;
  const [jr, ir, ldcBytes] = [fn.local('i32'), fn.local('i32'), fn.local('i32')];
  const body: Code[] = [
    set(ldcBytes, bytes(f, get(ldc))),
    // B strip (kc x NR) outside, so it stays in L1 while the A block (in L2) streams past it.
    forRange(
      jr,
      cst(0),
      get(nc),
      cst(f.nr),
      forRange(
        ir,
        cst(0),
        get(mc),
        cst(MR),
        call(
          kernelIndex,
          get(kc),
          add(get(pa), bytes(f, mul(get(ir), get(kc)))),
          add(get(pb), bytes(f, mul(get(jr), get(kc)))),
          add(get(c), add(mul(get(ir), get(ldcBytes)), bytes(f, get(jr)))),
          get(ldcBytes),
          i32.minS(cst(MR), i32.sub(get(mc), get(ir))),
          i32.minS(cst(f.nr), i32.sub(get(nc), get(jr))),
          get(first),
        ),
      ),
    ),
  ];
  return { builder: fn, body };
}

/**
 * pack(lines, depth, src, lineStride, stepStride, dst, width): copies `lines` lines (rows of A, or
 * columns of B) into strips of `width` lines, each strip laid out step by step (k by k), the last
 * strip zero-padded. Strides are in elements. A unit stride across lines copies whole vectors.
 */
function packFn(f: Flavor, width: number): ModuleFunction {
  const fn = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32'] as const);
  const [lines, depth, src, lineStride, stepStride, dst] = fn.params;
  const [l0, p, s, t, count, line] = [
    fn.local('i32'),
    fn.local('i32'),
    fn.local('i32'),
    fn.local('i32'),
    fn.local('i32'),
    fn.local('i32'),
  ];
  const [lineBytes, stepBytes] = [fn.local('i32'), fn.local('i32')];
  const stripStep = width << f.shift; // bytes of one step of a strip
  const vectors = stripStep / 16;
  const steps = (...body: Code[]): Code =>
    forRange(
      p,
      cst(0),
      get(depth),
      cst(1),
      ...body,
      inc(s, get(stepBytes)),
      inc(dst, cst(stripStep)),
    );
  const body: Code[] = [
    set(lineBytes, bytes(f, get(lineStride))),
    set(stepBytes, bytes(f, get(stepStride))),
    forRange(
      l0,
      cst(0),
      get(lines),
      cst(width),
      set(count, i32.minS(cst(width), i32.sub(get(lines), get(l0)))),
      set(s, add(get(src), mul(get(l0), get(lineBytes)))),
      ifElse(
        i32.and(i32.eq(get(count), cst(width)), i32.eq(get(lineStride), cst(1))),
        // A full strip whose lines are adjacent in memory: whole vectors.
        [
          steps(
            ...Array.from({ length: vectors }, (_, v) =>
              v128.store(get(dst), v128.load(get(s), 16 * v), 16 * v),
            ),
          ),
        ],
        [
          ifElse(
            i32.eq(get(count), cst(width)),
            // A full strip otherwise: one element per line.
            [
              steps(
                set(t, get(s)),
                ...Array.from({ length: width }, (_, e) => [
                  ...f.store(get(dst), f.load(get(t)), e << f.shift),
                  ...inc(t, get(lineBytes)),
                ]),
              ),
            ],
            // The last, partial strip: zeros, then the lines there are.
            [
              steps(
                ...Array.from({ length: vectors }, (_, v) =>
                  v128.store(get(dst), v128.zero(), 16 * v),
                ),
                set(t, get(s)),
                forRange(
                  line,
                  cst(0),
                  get(count),
                  cst(1),
                  f.store(add(get(dst), bytes(f, get(line))), f.load(get(t))),
                  inc(t, get(lineBytes)),
                ),
              ),
            ],
          ),
        ],
      ),
    ),
  ];
  return { builder: fn, body };
}

/**
 * gemm(m, n, k, a, ars, acs, b, brs, bcs, c, ldc, pa, pb): C = A·B with A and B read through
 * their strides, C with row stride ldc, and pa / pb the pack buffers (MC x KC and KC x NC).
 */
function gemmFn(f: Flavor, base: number): ModuleFunction {
  const [blockIndex, packAIndex, packBIndex] = [base + 1, base + 2, base + 3];
  const fn = new FunctionBuilder(I32_13);
  const [m, n, k, a, ars, acs, b, brs, bcs, c, ldc, pa, pb] = fn.params;
  const [jc, nc, pc, kc, ic, mc] = [
    fn.local('i32'),
    fn.local('i32'),
    fn.local('i32'),
    fn.local('i32'),
    fn.local('i32'),
    fn.local('i32'),
  ];
  const body: Code[] = [
    forRange(
      jc,
      cst(0),
      get(n),
      cst(NC),
      set(nc, i32.minS(cst(NC), i32.sub(get(n), get(jc)))),
      forRange(
        pc,
        cst(0),
        get(k),
        cst(KC),
        set(kc, i32.minS(cst(KC), i32.sub(get(k), get(pc)))),
        call(
          packBIndex,
          get(nc),
          get(kc),
          add(get(b), bytes(f, add(mul(get(pc), get(brs)), mul(get(jc), get(bcs))))),
          get(bcs),
          get(brs),
          get(pb),
        ),
        forRange(
          ic,
          cst(0),
          get(m),
          cst(MC),
          set(mc, i32.minS(cst(MC), i32.sub(get(m), get(ic)))),
          call(
            packAIndex,
            get(mc),
            get(kc),
            add(get(a), bytes(f, add(mul(get(ic), get(ars)), mul(get(pc), get(acs))))),
            get(ars),
            get(acs),
            get(pa),
          ),
          call(
            blockIndex,
            get(mc),
            get(nc),
            get(kc),
            get(pa),
            get(pb),
            add(get(c), bytes(f, add(mul(get(ic), get(ldc)), get(jc)))),
            get(ldc),
            i32.eq(get(pc), cst(0)),
          ),
        ),
      ),
    ),
  ];
  return { builder: fn, body };
}

/** The five functions of one element type, the first at index `base`; `gemm` is exported as `name`. */
function flavorFunctions(f: Flavor, base: number, name: string): ModuleFunction[] {
  return [
    kernel(f),
    blockFn(f, base),
    packFn(f, MR),
    packFn(f, f.nr),
    { ...gemmFn(f, base), exportAs: name },
  ];
}

/** Columns of a float32 / float64 register tile. */
export const NR32 = FLOAT32.nr;
export const NR64 = FLOAT64.nr;

/**
 * The module for one element type: exports `gemm`, imports `env.memory`. One module per type
 * keeps each under 4 KB, the size Chromium compiles synchronously even on a page's main thread.
 */
export function gemmModuleBytes(dtype: 'float32' | 'float64'): Uint8Array<ArrayBuffer> {
  return encodeModule(flavorFunctions(dtype === 'float32' ? FLOAT32 : FLOAT64, 0, 'gemm'));
}
