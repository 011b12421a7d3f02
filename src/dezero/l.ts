/**
 * `L`, every layer of `dezero`, as the book's `import dezero.layers as L`: `Layer` and `Linear` in
 * `layers.ts`, the recurrent `RNN` and `LSTM` of steps 59–60 in `layers-rnn.ts`. A barrel, as `f.ts`
 * is for `F`: `layers-rnn.ts` extends `layers.ts`'s classes, so `layers.ts` cannot re-export it
 * without an import cycle that would run `class RNN extends Layer` before `Layer` exists.
 */
export * from './layers.ts';
export * from './layers-rnn.ts';
