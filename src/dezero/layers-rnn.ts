/**
 * The recurrent layers of `L` (steps 59 and 60, the end of the book's `layers.py`): `RNN`, whose
 * hidden state is fed back into it at the next call, and `LSTM`, which adds a memory cell and
 * three gates. Both keep their state between calls until `resetState()`; each call is one time
 * step, so a sequence of T steps builds a graph T calls deep (see `Variable.unchainBackward`).
 */
import type { Variable } from './core.ts';
import type { NDArray } from './np/ndarray.ts';
import { Layer, Linear } from './layers.ts';
import { sigmoid, tanh } from './functions.ts';

/** Options of `RNN` and `LSTM`. */
export interface RecurrentOptions {
  /** The input's feature size; when omitted, the weights from the input are made at the first call. @default null */
  inSize?: number | null;
}

// ==== RNN ====

/**
 * An Elman RNN: h_t = tanh(x_t·Wx + b + h_{t−1}·Wh), with h_0 = tanh(x_0·Wx + b) (no state yet).
 * `x2h` is the Linear from the input, `h2h` the bias-free Linear from the previous state.
 */
export class RNN extends Layer {
  /** Input to hidden: x·Wx + b. */
  x2h: Linear;
  /** Hidden to hidden, no bias: h·Wh. */
  h2h: Linear;
  /** The state after the last call; null before the first call and after `resetState()`. */
  h: Variable | null = null;

  /** A layer with `hiddenSize` units: `new L.RNN(100)`, `new L.RNN(100, { inSize: 1 })`. */
  constructor(hiddenSize: number, { inSize = null }: RecurrentOptions = {}) {
    super();
    this.x2h = new Linear(hiddenSize, { inSize });
    // NOTE: DeZero passes in_size here too, which only works when it is None or equals the hidden
    // size. Ours makes Wh (hidden, hidden) when the input size is given, and otherwise, as DeZero's,
    // at its first use, the second call: so a seeded program draws its weights in DeZero's order.
    this.h2h = new Linear(hiddenSize, {
      inSize: inSize === null ? null : hiddenSize,
      nobias: true,
    });
  }

  /** Forgets the state: the next call starts a new sequence. */
  resetState(): void {
    this.h = null;
  }

  /** One time step: the new state from x (batch, inSize) and the previous state; it is also the output. */
  override forward(x: Variable | NDArray): Variable {
    const hNew =
      this.h === null ? tanh(this.x2h.call(x)) : tanh(this.x2h.call(x).add(this.h2h.call(this.h)));
    this.h = hNew;
    return hNew;
  }
}

// ==== LSTM ====

/**
 * Long short-term memory. From the input x_t and the previous state h_{t−1}, four affine maps give
 * the forget, input and output gates f, i, o (through the sigmoid, so in (0, 1)) and the candidate
 * u (through tanh); then the memory cell c_t = f ⊙ c_{t−1} + i ⊙ u and the state h_t = o ⊙ tanh(c_t).
 * At the first step there is no h or c: the maps from h and the term f ⊙ c drop out.
 */
export class LSTM extends Layer {
  x2f: Linear;
  x2i: Linear;
  x2o: Linear;
  x2u: Linear;
  h2f: Linear;
  h2i: Linear;
  h2o: Linear;
  h2u: Linear;
  /** The state after the last call; null before the first call and after `resetState()`. */
  h: Variable | null = null;
  /** The memory cell after the last call; null likewise. */
  c: Variable | null = null;

  /** A layer with `hiddenSize` units: `new L.LSTM(100)`, `new L.LSTM(100, { inSize: 1 })`. */
  constructor(hiddenSize: number, { inSize = null }: RecurrentOptions = {}) {
    super();
    const H = hiddenSize;
    // NOTE: created in DeZero's order; the h2* weights are drawn here, the x2* ones (without
    // inSize) at the first call, in the order forward uses them.
    this.x2f = new Linear(H, { inSize });
    this.x2i = new Linear(H, { inSize });
    this.x2o = new Linear(H, { inSize });
    this.x2u = new Linear(H, { inSize });
    this.h2f = new Linear(H, { inSize: H, nobias: true });
    this.h2i = new Linear(H, { inSize: H, nobias: true });
    this.h2o = new Linear(H, { inSize: H, nobias: true });
    this.h2u = new Linear(H, { inSize: H, nobias: true });
  }

  /** Forgets the state and the cell: the next call starts a new sequence. */
  resetState(): void {
    this.h = null;
    this.c = null;
  }

  /** One time step: updates the cell and the state from x (batch, inSize); returns the state. */
  override forward(x: Variable | NDArray): Variable {
    const h = this.h;
    let f: Variable, i: Variable, o: Variable, u: Variable;
    if (h === null) {
      f = sigmoid(this.x2f.call(x));
      i = sigmoid(this.x2i.call(x));
      o = sigmoid(this.x2o.call(x));
      u = tanh(this.x2u.call(x));
    } else {
      f = sigmoid(this.x2f.call(x).add(this.h2f.call(h)));
      i = sigmoid(this.x2i.call(x).add(this.h2i.call(h)));
      o = sigmoid(this.x2o.call(x).add(this.h2o.call(h)));
      u = tanh(this.x2u.call(x).add(this.h2u.call(h)));
    }
    const cNew = this.c === null ? i.mul(u) : f.mul(this.c).add(i.mul(u));
    const hNew = o.mul(tanh(cNew));
    this.h = hNew;
    this.c = cNew;
    return hNew;
  }
}
