/**
 * Lets plain `tsc` type-check files that import `.astro` components (like this folder's barrel).
 * `astro check` and the editor plugin resolve `.astro` files themselves and see their real props.
 */
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
