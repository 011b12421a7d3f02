/**
 * `L`, every layer of `dezero`, as the book's `import dezero.layers as L`: `Layer` and `Linear`
 * in `layers.ts`, the convolution layer `Conv2d` (step 57) in `layers-conv.ts`. A file of its
 * own because `layers-conv.ts` extends `layers.ts`'s `Layer`: re-exported from `layers.ts`, the
 * two would import each other, and `Conv2d` would be defined before `Layer` exists.
 */
export * from './layers.ts';
export * from './layers-conv.ts';
