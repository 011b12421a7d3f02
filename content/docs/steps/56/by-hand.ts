// A convolution and a max pooling written as plain loops, on a tiny 1-channel image.
import { np, print, utils } from 'dezero';

const x = np.arange(16).reshape(4, 4); // one 4×4 image, values 0…15
const w = np.array([
  [1, 0],
  [0, -1],
]); // one 2×2 kernel: top-left minus bottom-right
const [H, W] = x.shape as [number, number];
const [KH, KW] = w.shape as [number, number];
const OH = utils.getConvOutsize(H, KH, 1, 0);
const OW = utils.getConvOutsize(W, KW, 1, 0);

// y[i, j] = Σ_u Σ_v x[i + u, j + v] · w[u, v]
const y = np.zeros([OH, OW]);
for (let i = 0; i < OH; i++)
  for (let j = 0; j < OW; j++) {
    let s = 0;
    for (let u = 0; u < KH; u++)
      for (let v = 0; v < KW; v++) s += x.get(i + u, j + v).item() * w.get(u, v).item();
    y.set([i, j], s);
  }
print('convolution', OH, 'x', OW);
print(y);

// 2×2 max pooling with stride 2: the largest value of each window.
const P = utils.getConvOutsize(H, 2, 2, 0);
const m = np.zeros([P, P]);
for (let i = 0; i < P; i++)
  for (let j = 0; j < P; j++) {
    let best = -Infinity;
    for (let u = 0; u < 2; u++)
      for (let v = 0; v < 2; v++) best = Math.max(best, x.get(2 * i + u, 2 * j + v).item());
    m.set([i, j], best);
  }
print('max pooling', P, 'x', P);
print(m);
