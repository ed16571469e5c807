import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { passwordProblem } from './password-policy.util';

// The password policy as a DTO rule, so the API answers 400 naming the field before anything is stored.
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === undefined,
        defaultMessage: (argumentsOfCheck?: ValidationArguments) => {
          const value: unknown = argumentsOfCheck?.value;
          const problem = typeof value === 'string' ? passwordProblem(value) : 'must be a string';
          return `${argumentsOfCheck?.property ?? 'password'} ${problem}`;
        },
      },
    });
}
