import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';

/** One declared difference between a program's output and what the book's Python code prints. */
const bookDifference = z.object({
  /** 1-based line number where the two outputs differ (they are compared line by line). */
  line: z.number().int().positive(),
  /** The line exactly as the book's Python code prints it; null where the book prints no such line. */
  book: z.string().nullable(),
  /** The line exactly as our TypeScript program prints it; null where we print no such line. */
  ours: z.string().nullable(),
  /** Why they differ, in a sentence a reader would accept. */
  reason: z.string(),
});

/** Frontmatter that lesson pages add to Starlight's own. */
const lessonFields = z.object({
  /** A one-line summary of the lesson's single new idea, shown on the home page. */
  summary: z.string().optional(),
  /**
   * How the lesson's program that mirrors the book's script compares with the book's output
   * (`book.out` in the lesson folder). Omit on steps whose book script prints nothing.
   */
  book: z
    .object({
      /** The program (file name without `.ts`) whose output is held to the book's. */
      program: z.string(),
      /** Every line where our output differs from the book's, with the reason. */
      differences: z.array(bookDifference).default([]),
    })
    .optional(),
});

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/*.{md,mdx}' }),
    schema: docsSchema({ extend: lessonFields }),
  }),
};
