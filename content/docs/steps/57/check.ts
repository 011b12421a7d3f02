// The backward rules of conv2d and pooling, checked against central differences; then L.Conv2d.
import { F, L, np, print, utils } from 'dezero';
import type { Variable } from 'dezero';

np.random.seed(0);
const x = np.random.randn(2, 3, 5, 5); // two images, 3 channels, 5×5
const W = np.random.randn(4, 3, 3, 3); // four 3×3 kernels
const b = np.random.randn(4);

// gx = col2im(gy · W), gW = gyᵀ · im2col(x), gb = gy summed over N, OH, OW; stride 2, pad 1.
print('conv2d, stride 2, pad 1:', F.conv2d(x, W, b, { stride: 2, pad: 1 }).shape);
utils.gradientCheck(
  (x: Variable, W: Variable, b: Variable) => F.conv2d(x, W, b, { stride: 2, pad: 1 }),
  x,
  W,
  b,
);

// Max pooling sends each gradient to its window's largest value; 3×3 windows, stride 2, pad 1.
print('max pooling 3×3, stride 2, pad 1:', F.pooling(x, 3, { stride: 2, pad: 1 }).shape);
utils.gradientCheck((x: Variable) => F.pooling(x, 3, { stride: 2, pad: 1 }), x);

// Average pooling spreads each gradient evenly, 1/4 to each pixel of its 2×2 window.
print('average pooling 2×2, stride 2:', F.averagePooling(x, 2, { stride: 2 }).shape);
utils.gradientCheck((x: Variable) => F.averagePooling(x, 2, { stride: 2 }), x);

// NEW: the layer. Its kernels wait for the first call to learn the input's channels.
const conv = new L.Conv2d(4, 3, { stride: 1, pad: 1 });
print('before the first call, W has data:', conv.W.hasData);
const y = conv.call(x);
print('after it: W', conv.W.shape, conv.W.dtype, ' b', conv.b!.shape);
print('y', y.shape, y.dtype);
let count = 0;
for (const p of conv.params()) count += p.size;
print('parameters:', count);
