/**
 * The `dezero` module that lesson programs import: `import { np, print } from 'dezero'`.
 * It grows step by step with the course; see each lesson's "Python → TypeScript" note.
 */
// NOTE: first, so every Variable has its methods (x.add, x.reshape, x.T, …) before anything runs.
import './variable-methods.ts';
import * as F from './f.ts';
import * as L from './l.ts';
import * as models from './models-all.ts';
import * as utils from './utils.ts';
import * as optimizers from './optimizers.ts';
import * as datasets from './datasets.ts';
import * as transforms from './transforms.ts';

export { np } from './np/index.ts';
export type { NDArray, DType } from './np/index.ts';
export { print, setPrintSink } from './print.ts';
export { plt } from './plt.ts';
export type { RichItem, FigureSpec } from './rich.ts';

export { Variable, Parameter, Function, asArray, asVariable } from './core.ts';
export type { VariableLike, BackwardOptions } from './core.ts';
export type { VariableMethods } from './variable-methods.ts';
export { add, sub, mul, div, pow, neg, rsub, rdiv } from './operators.ts';
export { Layer } from './layers.ts';
export type { LinearOptions } from './layers.ts';
export type { RecurrentOptions } from './layers-rnn.ts';
export type { Conv2dOptions } from './layers-conv.ts';
export type { ConvOptions, Im2colOptions } from './functions-conv.ts';
export type { Pair } from './conv-sizes.ts';
export { Model } from './models.ts';
export type { ModelPlotOptions } from './models.ts';
export type { VGG16Options } from './models-vgg.ts';
export { Optimizer } from './optimizers.ts';
export type { OptimizerHook, OptimizerTarget } from './optimizers.ts';
export { Dataset } from './datasets.ts';
export type { DatasetOptions, SpiralOptions } from './datasets.ts';
export type { Transform } from './transforms.ts';
export { DataLoader, SeqDataLoader } from './dataloaders.ts';
export type { Batch, DataLoaderOptions } from './dataloaders.ts';
export type { Slices } from './functions-nn.ts';
export { Config, usingConfig, noGrad, testMode } from './config.ts';
export type { ConfigName } from './config.ts';
/** The functions namespace, as DeZero's `import dezero.functions as F`. */
export { F };
/** The layers namespace, as DeZero's `import dezero.layers as L`: `L.Linear`, `L.Conv2d`, `L.RNN`, `L.LSTM`, `L.Layer`. */
export { L };
/** The models namespace, as DeZero's `dezero.models`: `models.MLP`, `models.Model`, `models.VGG16`. */
export { models };
/** The optimizers, as DeZero's `dezero.optimizers`: `new optimizers.SGD({ lr }).setup(model)`, `MomentumSGD`, `AdaGrad`, `AdaDelta`, `Adam`. */
export { optimizers };
/** The data sets, as DeZero's `dezero.datasets`: `Dataset`, `getSpiral`, `Spiral`. */
export { datasets };
/** The per-example transforms, as DeZero's `dezero.transforms`: `Compose`, `Normalize`, `Flatten`, `AsType`, `ToFloat`, `ToInt`. */
export { transforms };
/** Helpers, as DeZero's `dezero.utils`: `getDotGraph`, `plotDotGraph`, `numericalDiff`, `gradientCheck`, `sumTo`, `pair`, `getConvOutsize`. */
export { utils };
