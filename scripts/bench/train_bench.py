"""Step 48's training loop with the book's own DeZero (Python + numpy), timed for `npm run bench`.

The package is never copied into this repository: its folder comes from the environment variable
DEZERO_PYTHON (e.g. /work/shared/reference/dezero-python), imported through sys.path (dezero_import.py).
Usage: train_bench.py REPEATS. Prints one line: the milliseconds of each repetition of the
training loop (300 epochs, batch 30, MLP((10, 3)), SGD lr 1.0 on the spiral data; the data set
is built before the clock starts), then the last epoch's mean loss in full (repr), which ours must equal.
"""
import math
import sys
import time

import dezero_import  # noqa: F401  (puts the book's dezero on sys.path)
import numpy as np  # noqa: E402
import dezero  # noqa: E402
import dezero.functions as F  # noqa: E402
from dezero import optimizers  # noqa: E402
from dezero.models import MLP  # noqa: E402


def train(x, t):
    max_epoch, batch_size, hidden_size, lr = 300, 30, 10, 1.0
    model = MLP((hidden_size, 3))
    optimizer = optimizers.SGD(lr).setup(model)
    data_size = len(x)
    max_iter = math.ceil(data_size / batch_size)
    for epoch in range(max_epoch):
        index = np.random.permutation(data_size)
        sum_loss = 0
        for i in range(max_iter):
            batch_index = index[i * batch_size:(i + 1) * batch_size]
            batch_x = x[batch_index]
            batch_t = t[batch_index]
            y = model(batch_x)
            loss = F.softmax_cross_entropy(y, batch_t)
            model.cleargrads()
            loss.backward()
            optimizer.update()
            sum_loss += float(loss.data) * len(batch_t)
    return sum_loss / data_size


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times, loss = [], None
    for _ in range(repeats):
        x, t = dezero.datasets.get_spiral(train=True)
        start = time.perf_counter()
        loss = train(x, t)
        times.append((time.perf_counter() - start) * 1000)
    print(' '.join(f'{ms:.1f}' for ms in times), repr(loss))


main()
