"""Step 24's Goldstein-Price value + gradient with the book's own DeZero, timed for `npm run bench`.

The package comes from DEZERO_PYTHON (see dezero_import.py), never from this repository.
Usage: goldstein_bench.py GRAPHS BATCHES. Builds and differentiates the graph at (1, 1) GRAPHS/10
times to warm up, then BATCHES times GRAPHS times; prints the microseconds per graph of each batch.
"""
import sys
import time

import dezero_import  # noqa: F401  (puts the book's dezero on sys.path)
import numpy as np  # noqa: E402
from dezero import Variable  # noqa: E402


def goldstein(x, y):
    return (1 + (x + y + 1)**2 * (19 - 14*x + 3*x**2 - 14*y + 6*x*y + 3*y**2)) * \
        (30 + (2*x - 3*y)**2 * (18 - 32*x + 12*x**2 + 48*y - 36*x*y + 27*y**2))


def one():
    x = Variable(np.array(1.0))
    y = Variable(np.array(1.0))
    goldstein(x, y).backward()
    return x.grad, y.grad


def main():
    graphs, batches = int(sys.argv[1]), int(sys.argv[2])
    gx, gy = one()
    assert (float(gx.data), float(gy.data)) == (-5376.0, 8064.0)
    for _ in range(graphs // 10):
        one()
    figures = []
    for _ in range(batches):
        t = time.perf_counter()
        for _ in range(graphs):
            one()
        figures.append((time.perf_counter() - t) * 1e6 / graphs)
    print(' '.join(f'{us:.1f}' for us in figures))


main()
