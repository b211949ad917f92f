import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const property = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) =>
      text.startsWith(`property ${error.property} should not exist`)
        ? `${property} is not a known field`
        : text.replace(error.property, property),
    );
    return [...own, ...flatten(error.children ?? [], property)];
  });
}

/** Global validation: unknown fields rejected, payloads transformed to DTO classes, every reason listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new BadRequestException({ message: flatten(errors) }),
  });
}
