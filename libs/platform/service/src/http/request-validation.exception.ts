import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "items.0.sku". */
  readonly path: string;
  readonly message: string;
}

/** 400 whose message names every offending field, with the same list as `issues`. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly issues: readonly FieldIssue[]) {
    super({ message: issues.map(describe).join('; '), issues });
  }

  /** `location` names the whole value ("body", "query") when an issue has no path. */
  static fromZod(issues: readonly z.core.$ZodIssue[], location: string): RequestValidationException {
    return new RequestValidationException(issues.flatMap((issue) => toFieldIssues(issue, location)));
  }
}

function toFieldIssues(issue: z.core.$ZodIssue, location: string): FieldIssue[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'unknown field' }));
  }
  return [{ path: path.length > 0 ? path.join('.') : location, message: issue.message }];
}

function describe(issue: FieldIssue): string {
  return issue.message === 'unknown field' ? `unknown field "${issue.path}"` : `${issue.path}: ${issue.message}`;
}
