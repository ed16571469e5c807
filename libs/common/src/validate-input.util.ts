import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ApiException, FieldProblem } from './api.exception';
import { memoiseValidationMetadata } from './validation-metadata-cache.util';

// For every class-validator user in the process, Nest's ValidationPipe included (one global metadata storage).
memoiseValidationMetadata();

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function toFieldProblems(errors: ValidationError[]): FieldProblem[] {
  return flatten(errors);
}

// Validates an untrusted body against a DTO class and throws 400 naming every field at fault.
export function validateInput<T extends object>(type: ClassConstructor<T>, input: unknown): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw ApiException.validation([{ field: 'body', message: 'must be a JSON object' }]);
  }
  let instance: T;
  let errors: ValidationError[];
  try {
    instance = plainToInstance(type, input);
    errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: false });
  } catch {
    // class-transformer and class-validator throw on shapes they cannot walk (a `constructor` key, deep nesting)
    // when the input did not come through the gateway's body parser: still the caller's input, still a 400.
    throw ApiException.validation([{ field: 'body', message: 'has a shape that cannot be read' }]);
  }
  if (errors.length > 0) throw ApiException.validation(flatten(errors));
  return instance;
}
