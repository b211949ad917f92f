export { CommonModule } from './common.module';
export { CryptoService, DecryptionError } from './crypto/crypto.service';
export { resolveSecretKey } from './crypto/secret-key';
export { Redactor, sharedRedactor } from './redaction';
export { RedactingLogger } from './logging/redacting-logger';
export { JsonExceptionFilter } from './filters/json-exception.filter';
export { createValidationPipe } from './validation.pipe';
