/** A file's text as a page shows it: without the newline that ends the file, so no empty last line. */
export function dropFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
