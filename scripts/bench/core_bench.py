"""Minimal Python autograd + numpy, NOT DeZero: a stand-in for the book's core on this machine.

DeZero itself is not installed here, so `npm run bench` compares our core with this script: the
same Goldstein-Price graph, built and differentiated with the bookkeeping of the book's simple
core (Variable/Function classes, 0-d numpy arrays, a generation-sorted list of functions, grads
as arrays). Prints one line: the milliseconds per graph (forward + backward).
"""
import sys
import time

import numpy as np


class Variable:
    def __init__(self, data):
        self.data = data
        self.grad = None
        self.creator = None
        self.generation = 0

    def set_creator(self, func):
        self.creator = func
        self.generation = func.generation + 1

    def backward(self):
        if self.grad is None:
            self.grad = np.ones_like(self.data)
        funcs, seen = [], set()

        def add_func(f):
            if f not in seen:
                funcs.append(f)
                seen.add(f)
                funcs.sort(key=lambda x: x.generation)

        add_func(self.creator)
        while funcs:
            f = funcs.pop()
            gxs = f.backward(*[y.grad for y in f.outputs])
            if not isinstance(gxs, tuple):
                gxs = (gxs,)
            for x, gx in zip(f.inputs, gxs):
                x.grad = gx if x.grad is None else x.grad + gx
                if x.creator is not None:
                    add_func(x.creator)

    def __add__(self, o): return Add()(self, o)
    __radd__ = __add__
    def __mul__(self, o): return Mul()(self, o)
    __rmul__ = __mul__
    def __sub__(self, o): return Sub()(self, o)
    def __rsub__(self, o): return Sub()(o, self)
    def __pow__(self, c): return Pow(c)(self)


def as_variable(x):
    return x if isinstance(x, Variable) else Variable(np.array(x, dtype=np.float64))


class Function:
    def __call__(self, *inputs):
        inputs = [as_variable(x) for x in inputs]
        y = Variable(np.asarray(self.forward(*[x.data for x in inputs])))
        self.generation = max(x.generation for x in inputs)
        y.set_creator(self)
        self.inputs, self.outputs = inputs, [y]
        return y


class Add(Function):
    def forward(self, a, b): return a + b
    def backward(self, gy): return gy, gy


class Sub(Function):
    def forward(self, a, b): return a - b
    def backward(self, gy): return gy, -gy


class Mul(Function):
    def forward(self, a, b): return a * b
    def backward(self, gy):
        a, b = self.inputs
        return gy * b.data, gy * a.data


class Pow(Function):
    def __init__(self, c): self.c = c
    def forward(self, x): return x ** self.c
    def backward(self, gy):
        x, = self.inputs
        return self.c * x.data ** (self.c - 1) * gy


def goldstein(x, y):
    return (1 + (x + y + 1)**2 * (19 - 14*x + 3*x**2 - 14*y + 6*x*y + 3*y**2)) * \
        (30 + (2*x - 3*y)**2 * (18 - 32*x + 12*x**2 + 48*y - 36*x*y + 27*y**2))


def one():
    x = Variable(np.array(1.0))
    y = Variable(np.array(1.0))
    goldstein(x, y).backward()
    return x.grad, y.grad


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    gx, gy = one()
    assert (float(gx), float(gy)) == (-5376.0, 8064.0)
    for _ in range(n // 10):
        one()
    best = float('inf')
    for _ in range(3):
        t = time.perf_counter()
        for _ in range(n):
            one()
        best = min(best, (time.perf_counter() - t) * 1000 / n)
    print(f'{best:.4f}')


main()
