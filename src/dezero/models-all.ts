/**
 * `models`, every model of `dezero`, as the book's `dezero.models`: `Model` and `MLP` in
 * `models.ts`, `VGG16` (step 58) in `models-vgg.ts`. A barrel, as `l.ts` is for `L`: `VGG16`
 * extends `Model`, so `models.ts` cannot re-export it without an import cycle that would run
 * `class VGG16 extends Model` before `Model` exists.
 */
export * from './models.ts';
export * from './models-vgg.ts';
