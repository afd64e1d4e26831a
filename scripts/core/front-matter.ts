/**
 * The schema of a brief's front matter, shared by the normalizer (which writes it)
 * and the Markdown reader (which validates hand-written sources against it).
 */
import { z } from 'zod';

/** A calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real calendar date',
  );

export const authorSchema = z.strictObject({
  name: z.string().min(1),
  url: z.string().optional(),
});

export const contactSchema = z.strictObject({
  name: z.string().min(1),
  role: z.string().optional(),
  email: z.string().optional(),
});

export const briefDataSchema = z.strictObject({
  title: z.string().trim().min(1, 'a brief needs a title'),
  /** ISO date, YYYY-MM-DD. */
  date: isoDate.optional(),
  /** ISO date of the last substantive revision, YYYY-MM-DD: shown as "Updated", the sitemap's lastmod and the feeds' updated. */
  updated: isoDate.optional(),
  kind: z.enum(['brief', 'post']).default('brief'),
  authors: z.array(authorSchema).optional(),
  contacts: z.array(contactSchema).optional(),
  tags: z.array(z.string().min(1)).optional(),
  source_url: z.string().optional(),
  rights: z.string().optional(),
  summary: z.string().optional(),
  /** Output name; derived from the title when absent. */
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case letters, digits and single hyphens (no slashes or dots)')
    .max(120)
    .optional(),
  /** Page budget; the build warns when the PDF is longer. Default from config (2). */
  pages: z.number().int().min(1).max(100).optional(),
  /** Paper size for this brief; default from config. */
  paper: z.enum(['letter', 'a4']).optional(),
});

/** The keys a front matter block may have, in the order the normalizer writes them. */
export const FRONT_MATTER_KEYS = Object.keys(briefDataSchema.shape) as (keyof typeof briefDataSchema.shape)[];
