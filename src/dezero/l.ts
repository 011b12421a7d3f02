/**
 * `L`, every layer of `dezero`, as the book's `import dezero.layers as L`: `Layer` and `Linear` in
 * `layers.ts`, the convolution layer `Conv2d` (step 57) in `layers-conv.ts`, the recurrent `RNN`
 * and `LSTM` of steps 59–60 in `layers-rnn.ts`. A barrel, as `f.ts` is for `F`: those files extend
 * `layers.ts`'s classes, so `layers.ts` cannot re-export them without an import cycle that would
 * run `class RNN extends Layer` before `Layer` exists.
 */
export * from './layers.ts';
export * from './layers-conv.ts';
export * from './layers-rnn.ts';
