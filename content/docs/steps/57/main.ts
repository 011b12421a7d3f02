// im2col's columns, and a convolution built from them, forward and backward.
import { Variable, F, np, print } from 'dezero';

np.random.seed(0);

// NEW: one image, 3 channels of 7×7, and a 5×5 kernel: 3×3 windows of 3·5·5 = 75 values.
const x1 = np.random.rand(1, 3, 7, 7);
const col1 = F.im2col(x1, 5, { stride: 1, pad: 0, toMatrix: true });
print(col1.shape);

// Ten images: ten times the rows, the same 75 columns.
const x2 = np.random.rand(10, 3, 7, 7);
const col2 = F.im2col(x2, [5, 5], { stride: [1, 1], pad: [0, 0], toMatrix: true });
print(col2.shape);

// NEW: 8 kernels of 5 channels × 3×3 over a 15×15 image, padding 1: the size is kept.
const [N, C, H, W] = [1, 5, 15, 15];
const [OC, KH, KW] = [8, 3, 3];
const x = new Variable(np.random.randn(N, C, H, W));
const Wk = np.random.randn(OC, C, KH, KW);
const y = F.conv2dSimple(x, Wk, null, { stride: 1, pad: 1 });
y.backward();
print(y.shape);
print(x.grad!.shape);
