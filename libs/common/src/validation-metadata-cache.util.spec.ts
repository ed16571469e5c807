import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsString, registerDecorator, validateSync, ValidateNested } from 'class-validator';
import { memoiseValidationMetadata } from './validation-metadata-cache.util';

class Parent {
  @IsString() name: string;
}

class Child extends Parent {
  @IsInt() age: number;
}

class Holder {
  @ValidateNested() @Type(() => Child) child: Child;
}

const problemsOf = (type: new () => object, plain: object) =>
  validateSync(plainToInstance(type, plain)).flatMap((error) => [
    ...Object.keys(error.constraints ?? {}).map((rule) => `${error.property}:${rule}`),
    ...(error.children ?? []).flatMap((child) =>
      Object.keys(child.constraints ?? {}).map((rule) => `${error.property}.${child.property}:${rule}`),
    ),
  ]);

describe('memoiseValidationMetadata', () => {
  beforeAll(() => memoiseValidationMetadata());

  it('should find the same rules as before, inherited and nested ones included, however often it is asked', () => {
    for (let round = 0; round < 3; round += 1) {
      expect(problemsOf(Child, { name: 5, age: 'x' }).sort()).toEqual(['age:isInt', 'name:isString']);
      expect(problemsOf(Holder, { child: { name: 'ريم', age: 1.5 } })).toEqual(['child.age:isInt']);
      expect(problemsOf(Child, { name: 'ريم', age: 30 })).toEqual([]);
    }
  });

  it('should take in a rule added after a class was first checked', () => {
    class Late {
      @IsString() code: string;
    }
    expect(problemsOf(Late, { code: 'abc' })).toEqual([]);
    registerDecorator({
      name: 'isUpperCaseCode',
      target: Late,
      propertyName: 'code',
      validator: { validate: (value: unknown) => typeof value === 'string' && value === value.toUpperCase() },
    });
    expect(problemsOf(Late, { code: 'abc' })).toEqual(['code:isUpperCaseCode']);
  });

  it('should be installed once', () => {
    memoiseValidationMetadata();
    expect(problemsOf(Child, { name: 'x', age: 2 })).toEqual([]);
  });
});
