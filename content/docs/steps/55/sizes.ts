// Where a kernel lands along one axis, and the output size that makes, for a few settings.
import { utils, print } from 'dezero';

/** The first input position of each window along one axis (−1 is the first padded cell). */
function windowStarts(size: number, kernel: number, stride: number, pad: number): number[] {
  const starts: number[] = [];
  for (let start = -pad; start + kernel <= size + pad; start += stride) starts.push(start);
  return starts;
}

const cases: [number, number, number, number][] = [
  // [size, kernel, stride, pad]
  [4, 3, 1, 0], // no padding: the output shrinks by kernel − 1
  [4, 3, 1, 1], // padding 1 keeps a 3-wide kernel's output at the input's size
  [7, 3, 2, 0], // stride 2 roughly halves it
  [8, 3, 2, 0], // ... and the last column is never reached: the floor
  [8, 3, 2, 1], // padding gives it a window again
  [28, 5, 1, 0], // an MNIST image and a 5×5 kernel
  [28, 2, 2, 0], // 2×2 pooling with stride 2
];
for (const [size, kernel, stride, pad] of cases) {
  const out = utils.getConvOutsize(size, kernel, stride, pad);
  const starts = windowStarts(size, kernel, stride, pad);
  const shown = starts.length > 8 ? [...starts.slice(0, 3), '…', ...starts.slice(-2)] : starts;
  print(
    `size ${size}, kernel ${kernel}, stride ${stride}, pad ${pad}: out ${out}, windows at ${shown.join(' ')}`,
  );
}

// utils.pair turns one number into a (height, width) pair, as every conv function accepts either.
print(utils.pair(3), utils.pair([3, 5]));

// A kernel that fits nowhere is an error, not an output of size 0.
try {
  utils.getConvOutsize(2, 5, 1, 1);
} catch (e) {
  print((e as Error).message);
}
