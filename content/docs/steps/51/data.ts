// A first look at MNIST: its size, one example as a model sees it and as it is stored, and a few digits.
import { np, print, plt, datasets } from 'dezero';

const trainSet = new datasets.MNIST({ train: true });
const testSet = new datasets.MNIST({ train: false });
print(trainSet.length, testSet.length);

// What the default transform hands out: 784 float32 values in [0, 1], and the digit.
const [x, t] = trainSet.get(0);
print(x.shape, x.dtype, x.min(), x.max(), t);

// What is stored: 28×28 bytes per image, 0 (white paper) to 255 (full ink).
print(trainSet.data!.shape, trainSet.data!.dtype, trainSet.label!.dtype);
const raw = new datasets.MNIST({ train: true, transform: null });
const [image] = raw.get(0);
print(image.get(0, '12:17', '12:20')); // a patch of the first digit's pixels

// The first eight training digits side by side, with their labels in the title.
const digits = Array.from({ length: 8 }, (_, i) => raw.get(i)[0].reshape(28, 28));
plt.imshow(np.concatenate(digits, 1), { cmap: 'gray_r' });
plt.title(`labels ${raw.label!.get(':8')}`);
plt.axis('off');
plt.show();
