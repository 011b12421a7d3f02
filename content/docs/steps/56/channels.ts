// Channels, kernels and a mini-batch, written as loops and checked against F.conv2d;
// then average pooling by hand against F.averagePooling.
import { F, np, print, utils } from 'dezero';

np.random.seed(0);
const [N, C, H, W] = [2, 3, 6, 6]; // two images of 3 channels, 6×6
const [OC, KH, KW] = [4, 3, 3]; // four kernels of 3 channels, 3×3
const [S, P] = [1, 1]; // stride and padding

const x = np.random.randn(N, C, H, W);
const w = np.random.randn(OC, C, KH, KW);
const b = np.random.randn(OC);
print('parameters: OC·C·KH·KW + OC =', w.size + b.size);

const OH = utils.getConvOutsize(H, KH, S, P);
const OW = utils.getConvOutsize(W, KW, S, P);

// y[n, o, i, j] = Σ_c Σ_u Σ_v x[n, c, iS + u − P, jS + v − P] · w[o, c, u, v] + b[o]
const y = np.zeros([N, OC, OH, OW]);
for (let n = 0; n < N; n++)
  for (let o = 0; o < OC; o++)
    for (let i = 0; i < OH; i++)
      for (let j = 0; j < OW; j++) {
        let s = b.get(o).item();
        for (let c = 0; c < C; c++)
          for (let u = 0; u < KH; u++)
            for (let v = 0; v < KW; v++) {
              const [r, q] = [i * S + u - P, j * S + v - P];
              // NOTE: a place outside the image is a padding zero, so it adds nothing.
              if (r < 0 || r >= H || q < 0 || q >= W) continue;
              s += x.get(n, c, r, q).item() * w.get(o, c, u, v).item();
            }
        y.set([n, o, i, j], s);
      }

const y2 = F.conv2d(x, w, b, { stride: S, pad: P }).data;
print('x', x.shape, '* w', w.shape, '->', y.shape, 'and F.conv2d', y2.shape);
print('allclose:', np.allclose(y, y2), ' max |difference|:', np.abs(y.sub(y2)).max().item());
print('image 0, output channel 0:');
print(y.get(0, 0));

// Average pooling, 2×2 with stride 2: the mean of each window, each channel on its own.
const PH = utils.getConvOutsize(OH, 2, 2, 0);
const PW = utils.getConvOutsize(OW, 2, 2, 0);
const m = np.zeros([N, OC, PH, PW]);
for (let n = 0; n < N; n++)
  for (let o = 0; o < OC; o++)
    for (let i = 0; i < PH; i++)
      for (let j = 0; j < PW; j++) {
        let s = 0;
        for (let u = 0; u < 2; u++)
          for (let v = 0; v < 2; v++) s += y.get(n, o, 2 * i + u, 2 * j + v).item();
        m.set([n, o, i, j], s / 4);
      }

const m2 = F.averagePooling(y, 2, { stride: 2 }).data;
print('average pooling', y.shape, '->', m.shape);
print('allclose:', np.allclose(m, m2), ' max |difference|:', np.abs(m.sub(m2)).max().item());
print(m.get(0, 0));
