/**
 * `models`, as the book's `models.py`: `Model`, a Layer that can draw its own graph, and `MLP`, a
 * stack of `Linear` layers with an activation between them.
 */
import { Variable } from './core.ts';
import type { VariableLike } from './core.ts';
import type { NDArray } from './np/ndarray.ts';
import { isNDArray } from './np/ndarray.ts';
import { Layer, Linear } from './layers.ts';
import { sigmoid } from './functions.ts';
import { plotDotGraph } from './utils.ts';

// ==== Model ====

/** Options of `Model.plot`. */
export interface ModelPlotOptions {
  /** The file name to offer for the drawing, as DeZero's `to_file`. @default 'model.png' */
  toFile?: string;
}

/** The base class of models: a Layer (params, cleargrads, nested layers) with `plot`. */
export class Model extends Layer {
  /** Runs `forward` on the inputs and draws the graph it built: `model.plot(x)`, `model.plot(x, { toFile })`. */
  plot(...args: [...inputs: VariableLike[], options: ModelPlotOptions] | VariableLike[]): void {
    const last = args.at(-1);
    const hasOptions = typeof last === 'object' && !isNDArray(last) && !(last instanceof Variable);
    const inputs = (hasOptions ? args.slice(0, -1) : args) as VariableLike[];
    const { toFile = 'model.png' } = hasOptions ? (last as ModelPlotOptions) : {};
    const y = this.forward(...inputs);
    plotDotGraph(Array.isArray(y) ? y[0]! : y, { verbose: true, toFile });
  }
}

// ==== MLP ====

/**
 * A multi-layer perceptron: one `Linear` per entry of `fcOutputSizes` (`new models.MLP([10, 1])`
 * is 10 hidden units, then 1 output), `activation` after every layer but the last.
 */
export class MLP extends Model {
  /** The function between layers. */
  activation: (x: Variable) => Variable;
  /** The layers in order (also properties `l0`, `l1`, …, which is how `params()` finds them). */
  layers: Linear[] = [];

  /** Layers of the given output sizes; the activation defaults to `F.sigmoid`. */
  constructor(fcOutputSizes: readonly number[], activation: (x: Variable) => Variable = sigmoid) {
    super();
    this.activation = activation;
    fcOutputSizes.forEach((outSize, i) => {
      const layer = new Linear(outSize);
      Reflect.set(this, `l${i}`, layer); // Python's setattr(self, 'l' + str(i), layer)
      this.layers.push(layer);
    });
  }

  /** Each layer in turn, the activation between them. */
  override forward(x: Variable | NDArray): Variable {
    let h = x;
    for (const layer of this.layers.slice(0, -1)) h = this.activation(layer.call(h));
    return this.layers.at(-1)!.call(h);
  }
}
