import type { z } from 'zod';

/**
 * Zod's own words for a missing field are "Invalid input: expected string, received undefined";
 * a person filling in a form or fixing a file needs "is required". Other messages are kept: the
 * record schemas already word theirs to follow the field name.
 */
export const requiredFieldMessages: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;
