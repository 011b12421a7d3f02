/**
 * Variable's operator and tensor methods, bound in one place as DeZero's `setup_variable` does.
 * `core.ts` defines `Variable` without them, and the operations live with their backward in
 * `operators.ts` and `functions.ts`; this file declares each method for the type checker (and the
 * editor's completions) by adding it to Variable's interface, then puts its implementation on
 * `Variable.prototype`. `dezero`'s entry imports this file first, so every Variable has its
 * methods before a program runs, and no module that defines an operation imports it: the imports
 * only ever point from here to them, never in a cycle.
 */
import { Variable } from './core.ts';
import type { VariableLike } from './core.ts';
import { add, div, mul, neg, pow, rdiv, rsub, sub } from './operators.ts';
import { matmul, reshape, sum, transpose } from './functions.ts';
import { getItem } from './functions-nn.ts';
import type { AxisArg } from './np/reduce.ts';
import type { Index } from './np/indexing.ts';

/** The methods this file gives every Variable (hover one in the editor to see its line here). */
export interface VariableMethods {
  // ==== Operators (Python's __add__, __sub__, …) ====
  /** `this + other` (Python's `x + y`). */
  add(other: VariableLike): Variable;
  /** `this - other`. */
  sub(other: VariableLike): Variable;
  /** `other - this` (Python's reflected `__rsub__`: `x.rsub(1)` is `1 - x`). */
  rsub(other: VariableLike): Variable;
  /** `this * other`. */
  mul(other: VariableLike): Variable;
  /** `this / other`. */
  div(other: VariableLike): Variable;
  /** `other / this` (Python's reflected `__rtruediv__`: `x.rdiv(1)` is `1 / x`). */
  rdiv(other: VariableLike): Variable;
  /** `this ** c` for a constant exponent. */
  pow(c: number): Variable;
  /** `-this`. */
  neg(): Variable;

  // ==== Tensor methods ====
  /** The same values in a new shape: `x.reshape(2, 3)` or `x.reshape([2, 3])` (one entry may be -1). */
  reshape(...shape: (number | readonly number[])[]): Variable;
  /** Axes permuted: reversed with none (`x.transpose()`), else `x.transpose(1, 0)` or `x.transpose([1, 0])`. */
  transpose(...axes: (number | readonly number[] | null)[]): Variable;
  /** The transpose, axes reversed (Python's `x.T`). */
  readonly T: Variable;
  /** Sum over `axis` (all when omitted or null; a number or a list, negative from the end); `keepdims` keeps summed axes as 1. */
  sum(axis?: AxisArg, keepdims?: boolean): Variable;
  /** The matrix product `this · W` (`F.matmul`). */
  matmul(W: VariableLike): Variable;
  /** The matrix product `this · W`, DeZero's alias of `matmul`. */
  dot(W: VariableLike): Variable;
  /** Python's `x[i, j]` with backward (`F.getItem`): `x.getItem(1)`, `x.getItem(':', 2)`, `x.getItem(np.array([0, 0, 1]))`. */
  getItem(...index: Index[]): Variable;
}

declare module './core.ts' {
  // NOTE: merging into the class's interface is how TypeScript learns of methods added at run time.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Variable extends VariableMethods {}
}

type MethodName = Exclude<keyof VariableMethods, 'T'>;

/** The implementations, each a line that calls the operation (`this` is the Variable). */
const methods: {
  [K in MethodName]: (this: Variable, ...args: Parameters<VariableMethods[K]>) => Variable;
} = {
  add(other) {
    return add(this, other);
  },
  sub(other) {
    return sub(this, other);
  },
  rsub(other) {
    return rsub(this, other);
  },
  mul(other) {
    return mul(this, other);
  },
  div(other) {
    return div(this, other);
  },
  rdiv(other) {
    return rdiv(this, other);
  },
  pow(c) {
    return pow(this, c);
  },
  neg() {
    return neg(this);
  },
  reshape(...shape) {
    return reshape(this, shape.flat());
  },
  transpose(...axes) {
    // Python's x.transpose(), x.transpose(None), x.transpose(1, 0) and x.transpose((1, 0)).
    const flat = axes.flat().filter((a) => a !== null);
    return transpose(this, flat.length > 0 ? flat : null);
  },
  sum(axis = null, keepdims = false) {
    return sum(this, axis, keepdims);
  },
  matmul(W) {
    return matmul(this, W);
  },
  dot(W) {
    return matmul(this, W);
  },
  getItem(...index) {
    return getItem(this, index);
  },
};

for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(Variable.prototype, name, {
    value: fn,
    writable: true,
    configurable: true,
  });
}
Object.defineProperty(Variable.prototype, 'T', {
  get(this: Variable): Variable {
    return transpose(this);
  },
  configurable: true,
});
