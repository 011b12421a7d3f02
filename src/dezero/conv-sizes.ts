/**
 * The arithmetic of a convolution's sizes (the book's step 55), as DeZero's `utils.py` has it:
 * `pair` makes one number a (height, width) pair, `getConvOutsize` is the output size of a
 * convolution or a pooling, and `getDeconvOutsize` the output size of a transposed convolution.
 * `utils.ts` exports them.
 */

/** A size as (height, width): one number for both, or two. */
export type Pair = number | readonly [number, number];

/** `x` as a (height, width) pair: `pair(3)` is [3, 3], `pair([3, 5])` is [3, 5] (DeZero's `pair`). */
export function pair(x: Pair): [number, number] {
  if (typeof x === 'number') {
    if (!Number.isInteger(x)) throw new TypeError(`a size must be an integer, got ${x}`);
    return [x, x];
  }
  if (Array.isArray(x) && x.length === 2 && x.every(Number.isInteger)) return [x[0], x[1]];
  throw new TypeError(
    `a size must be an integer or two integers [height, width], got ${JSON.stringify(x)}`,
  );
}

/**
 * The output length along one axis of a convolution (or pooling): ⌊(size + 2·pad − kernel) /
 * stride⌋ + 1, the number of places the kernel fits in the padded input, `stride` apart.
 */
export function getConvOutsize(
  inputSize: number,
  kernelSize: number,
  stride: number,
  pad: number,
): number {
  checkSizes({ inputSize, kernelSize, stride, pad });
  // NOTE: DeZero returns 0 or less here and fails later, or makes an empty array; we say why now.
  if (inputSize + 2 * pad < kernelSize)
    throw new RangeError(
      `the kernel (${kernelSize}) is larger than the padded input (${inputSize} + 2·${pad} = ${inputSize + 2 * pad})`,
    );
  return Math.floor((inputSize + 2 * pad - kernelSize) / stride) + 1;
}

/** The output length of a transposed convolution (deconvolution): stride·(size − 1) + kernel − 2·pad. */
export function getDeconvOutsize(
  size: number,
  kernelSize: number,
  stride: number,
  pad: number,
): number {
  checkSizes({ inputSize: size, kernelSize, stride, pad });
  const out = stride * (size - 1) + kernelSize - 2 * pad;
  if (out < 1)
    throw new RangeError(
      `the padding (${pad}) leaves no output (size ${size}, kernel ${kernelSize}, stride ${stride})`,
    );
  return out;
}

/** Sizes and kernels at least 1, strides at least 1, padding at least 0, all integers. */
function checkSizes(sizes: {
  inputSize: number;
  kernelSize: number;
  stride: number;
  pad: number;
}): void {
  for (const [name, value] of Object.entries(sizes)) {
    const least = name === 'pad' ? 0 : 1;
    if (!Number.isInteger(value) || value < least)
      throw new RangeError(`${name} must be an integer ≥ ${least}, got ${value}`);
  }
}
