/**
 * `np`: the numpy-compatible array module, one object named like numpy (camelCase). Numbers count
 * as 0-d float64 arrays wherever an array is accepted; keyword arguments become one options
 * object (`np.array(data, { dtype })`, `np.sum(a, { axis: 0, keepdims: true })`).
 */
import { NDArray, isNDArray } from './ndarray.ts';
import type { ArrayLikeInput } from './ndarray.ts';
import type { DType } from './dtype.ts';
import * as create from './create.ts';
import * as ew from './elementwise.ts';
import * as red from './reduce.ts';
import * as shp from './shape.ts';
import * as idx from './indexing.ts';
import { broadcastTo, broadcastShapes } from './broadcast.ts';
import { allclose, isclose } from './compare.ts';
import { dot, matmul, tensordot } from './linalg.ts';
import { random } from './random.ts';
import { backends, getBackend, setBackend } from './backend.ts';
import { operandArray } from './operand.ts';
import { load, save, savez, NpzFile } from './files.ts';

export type { NDArray, DType, ArrayLikeInput };
export type { Backend } from './backend.ts';
export type { Index, Slice } from './indexing.ts';
export type { ReduceOptions, NestedList } from './ndarray.ts';
export { isNDArray, NpzFile };

/** `np.add(x, y)`, with `np.add.at(a, index, b)` for numpy's unbuffered in-place add. */
const add = Object.assign((x: ArrayLikeInput, y: ArrayLikeInput): NDArray => ew.add(x, y), {
  at: idx.addAt,
});

/** The `np` namespace. */
export const np = {
  // ==== the array class: `x instanceof np.ndarray` is numpy's `isinstance(x, np.ndarray)` ====
  ndarray: NDArray,

  // ==== dtypes and constants ====
  float64: 'float64' as DType,
  float32: 'float32' as DType,
  int64: 'int64' as DType,
  uint8: 'uint8' as DType,
  bool: 'bool' as DType,
  pi: Math.PI,
  e: Math.E,
  nan: NaN,
  inf: Infinity,
  newaxis: null,

  // ==== creation ====
  array: create.array,
  asarray: create.asarray,
  zeros: create.zeros,
  ones: create.ones,
  empty: create.empty,
  full: create.full,
  zerosLike: create.zerosLike,
  onesLike: create.onesLike,
  fullLike: create.fullLike,
  arange: create.arange,
  linspace: create.linspace,
  eye: create.eye,
  meshgrid: create.meshgrid,
  copy: (a: ArrayLikeInput): NDArray => operandArray(a, 'copy').copy(),

  // ==== elementwise ====
  add,
  subtract: ew.subtract,
  multiply: ew.multiply,
  divide: ew.divide,
  power: ew.power,
  mod: ew.mod,
  floorDivide: ew.floorDivide,
  negative: ew.negative,
  maximum: ew.maximum,
  minimum: ew.minimum,
  clip: ew.clip,
  where: ew.where,
  exp: ew.exp,
  log: ew.log,
  sin: ew.sin,
  cos: ew.cos,
  tan: ew.tan,
  tanh: ew.tanh,
  sqrt: ew.sqrt,
  abs: ew.abs,
  square: ew.square,
  sign: ew.sign,
  floor: ew.floor,
  ceil: ew.ceil,
  log1p: ew.log1p,
  expm1: ew.expm1,
  greater: ew.greater,
  greaterEqual: ew.greaterEqual,
  less: ew.less,
  lessEqual: ew.lessEqual,
  equal: ew.equal,
  notEqual: ew.notEqual,
  logicalAnd: ew.logicalAnd,
  logicalOr: ew.logicalOr,
  logicalXor: ew.logicalXor,
  logicalNot: ew.logicalNot,
  isnan: ew.isnan,
  isinf: ew.isinf,
  isfinite: ew.isfinite,
  isclose,
  allclose,

  // ==== reductions ====
  sum: (a: ArrayLikeInput, axis?: red.AxisArg, keepdims?: boolean): NDArray =>
    red.sum(operandArray(a, 'sum'), axis, keepdims),
  max: (a: ArrayLikeInput, axis?: red.AxisArg, keepdims?: boolean): NDArray =>
    red.max(operandArray(a, 'max'), axis, keepdims),
  min: (a: ArrayLikeInput, axis?: red.AxisArg, keepdims?: boolean): NDArray =>
    red.min(operandArray(a, 'min'), axis, keepdims),
  mean: (a: ArrayLikeInput, axis?: red.AxisArg, keepdims?: boolean): NDArray =>
    red.mean(operandArray(a, 'mean'), axis, keepdims),
  argmax: red.argmax,
  argmin: red.argmin,

  // ==== shape ====
  reshape: (a: NDArray, shape: number | readonly number[]): NDArray =>
    shp.reshape(operandArray(a, 'reshape'), typeof shape === 'number' ? [shape] : shape),
  transpose: (a: NDArray, axes?: readonly number[]): NDArray =>
    shp.transpose(operandArray(a, 'transpose'), axes),
  swapaxes: shp.swapaxes,
  squeeze: shp.squeeze,
  expandDims: shp.expandDims,
  broadcastTo: (a: ArrayLikeInput, shape: readonly number[]): NDArray =>
    broadcastTo(operandArray(a, 'broadcastTo'), shape),
  broadcastShapes,
  concatenate: shp.concatenate,
  stack: shp.stack,
  pad: shp.pad,
  ravel: (a: NDArray): NDArray => a.ravel(),
  ndim: (a: ArrayLikeInput): number => operandArray(a, 'ndim').ndim,
  shape: (a: ArrayLikeInput): readonly number[] => operandArray(a, 'shape').shape,
  size: (a: ArrayLikeInput): number => operandArray(a, 'size').size,
  isscalar: (x: unknown): x is number | boolean => typeof x === 'number' || typeof x === 'boolean',

  // ==== indexing ====
  slice: idx.slice,
  nonzero: idx.nonzero,
  take: idx.take,

  // ==== linear algebra ====
  dot,
  matmul,
  tensordot,

  // ==== files: numpy's .npy and .npz, through the runner's file store ====
  save,
  savez,
  load,

  // ==== random (numpy's legacy RandomState, bit for bit) ====
  random,

  // ==== backends (ours; numpy has one): where matrix products run, 'wasm' (SIMD) or 'js' ====
  setBackend,
  getBackend,
  backends,
};
