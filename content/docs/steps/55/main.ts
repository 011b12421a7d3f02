// The output size of a convolution: a 4×4 input, a 3×3 kernel, stride 1, padding 1.
import { utils, print } from 'dezero';

const [H, W] = [4, 4]; // input height and width
const [KH, KW] = [3, 3]; // kernel height and width
const [SH, SW] = [1, 1]; // stride: how far the kernel moves each time
const [PH, PW] = [1, 1]; // padding: rows and columns of zeros added on each side

// NEW: ⌊(H + 2P − K) / S⌋ + 1 along each axis.
const OH = utils.getConvOutsize(H, KH, SH, PH);
const OW = utils.getConvOutsize(W, KW, SW, PW);
print(OH, OW);
