/** The components lessons use in MDX: `import { Program } from '~/components';`. */
export { default as Program } from './Program.astro';
export { default as StageList } from './StageList.astro';
export { default as BookComparison } from './BookComparison.astro';
