// im2col made visible: every window of a tiny image is one row; a convolution is one product.
import { Variable, F, np, print, utils } from 'dezero';

// One image with one channel, 4×4, the values 0…15, and one 2×2 kernel.
const x = np.arange(16).reshape(1, 1, 4, 4);
const w = np
  .array([
    [1, 2],
    [3, 4],
  ])
  .reshape(1, 1, 2, 2);
const opts = { stride: 1, pad: 0 };
const OH = utils.getConvOutsize(4, 2, opts.stride, opts.pad);

// 3×3 = 9 windows of 1·2·2 = 4 values: row k is the window at (⌊k / 3⌋, k mod 3), read row by row.
const col = F.im2col(x, 2, opts).data;
print('im2col(x)', col.shape);
print(col);

// The kernel as a column, (C·KH·KW, OC) = (4, 1): each row of col times it is one window's sum.
const wCol = w.reshape(1, -1).transpose();
print('kernel as a column', wCol.shape);
print(wCol);
const y = col.dot(wCol).reshape(1, OH, OH, 1).transpose(0, 3, 1, 2);
print('im2col(x) · w, as (N, OC, OH, OW)', y.shape);
print(y.get(0, 0));
print('F.conv2d agrees:', np.allclose(y, F.conv2d(x, w, null, opts).data));

// col2im adds every entry of the columns back into the pixel it was copied from.
print('col2im(ones): how many windows read each pixel');
print(F.col2im(np.onesLike(col), x.shape, 2, opts).data.get(0, 0));

// The backward of conv2d: gx = col2im(gy · W), gW = gyᵀ · im2col(x), with gy all ones here.
const xv = new Variable(x);
const wv = new Variable(w);
F.conv2d(xv, wv, null, opts).backward();
print('x.grad: the kernel weights of every window that read the pixel, added');
print(xv.grad!.data.get(0, 0));
print('w.grad: the column sums of im2col(x)');
print(wv.grad!.data.get(0, 0));
