"""numpy's figures for bench/np.bench.ts: the same cases, timed the same way.

Prints one JSON object {case: figure} (GFLOP/s for matmul, million elements/s otherwise).
OPENBLAS_CORETYPE and thread settings are left as the environment has them.
"""

import json
import time

import numpy as np


def per_call(fn, min_seconds=0.3, min_batches=3):
    """Best mean seconds per call over batches of at least 20 ms (after one warm-up call)."""
    fn()
    reps = 1
    while True:
        t = time.perf_counter()
        for _ in range(reps):
            fn()
        if time.perf_counter() - t >= 0.02:
            break
        reps *= 2
    best, total, batches = float("inf"), 0.0, 0
    while total < min_seconds or batches < min_batches:
        t = time.perf_counter()
        for _ in range(reps):
            fn()
        dt = time.perf_counter() - t
        best = min(best, dt / reps)
        total += dt
        batches += 1
    return best


rng = np.random.RandomState(0)
out = {}
for n in (64, 256, 512, 1024):
    a, b = rng.rand(n, n), rng.rand(n, n)
    out[f"matmul{n}"] = 2 * n**3 / per_call(lambda: a @ b) / 1e9
a, b = rng.rand(512, 512).astype(np.float32), rng.rand(512, 512).astype(np.float32)
out["matmul512f32"] = 2 * 512**3 / per_call(lambda: a @ b) / 1e9
a, b = rng.rand(100, 784).astype(np.float32), rng.rand(784, 1000).astype(np.float32)
out["mnist_f32"] = 2 * 100 * 784 * 1000 / per_call(lambda: a @ b) / 1e9
x, gy = rng.rand(100, 784).astype(np.float32), rng.rand(100, 1000).astype(np.float32)
out["mnist_gw_f32"] = 2 * 100 * 784 * 1000 / per_call(lambda: x.T @ gy) / 1e9
w = rng.rand(784, 1000).astype(np.float32)
out["mnist_gx_f32"] = 2 * 100 * 784 * 1000 / per_call(lambda: gy @ w.T) / 1e9
x, row = rng.rand(1000, 1000), rng.rand(1000)
out["add"] = x.size / per_call(lambda: x + row) / 1e6
out["sum0"] = x.size / per_call(lambda: x.sum(axis=0)) / 1e6
out["sum1"] = x.size / per_call(lambda: x.sum(axis=1)) / 1e6
print(json.dumps(out))
