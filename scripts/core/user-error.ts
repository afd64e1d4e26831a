/**
 * Errors a user can cause and fix (a bad config, no browser, a bad flag): printed as
 * one clear message without a stack trace, with a non-zero exit code.
 */
import type { z } from 'zod';
import { closest } from './did-you-mean.js';

export class UserError extends Error {
  override name = 'UserError';
}

/** One line for one schema issue, with a "did you mean" for mistyped keys. */
export function describeIssue(issue: z.core.$ZodIssue, knownKeys: readonly string[] = []): string {
  const where = issue.path.length ? `\`${issue.path.join('.')}\`: ` : '';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const guess = closest(key, knownKeys);
        return `unknown key \`${[...issue.path, key].join('.')}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}`;
      })
      .join('; ');
  }
  return `${where}${issue.message}`;
}
