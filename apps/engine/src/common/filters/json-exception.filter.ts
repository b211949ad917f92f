import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiErrorBody } from '@wiztc/contracts';
import { type Redactor, sharedRedactor } from '../redaction';

function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  if (typeof name !== 'string') return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Turns every error into `{ statusCode, error, message[, details] }`; unexpected ones log (redacted) and say 500. */
interface HttpResponse {
  headersSent: boolean;
  status(code: number): { json(body: unknown): unknown };
}

@Catch()
export class JsonExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  constructor(private readonly redactor: Redactor = sharedRedactor) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(this.redactor.redactUnknown(exception));
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (!(exception instanceof HttpException)) {
      const parseError = exception as { type?: string; status?: number } | undefined;
      if (parseError?.type === 'entity.parse.failed') {
        return { statusCode: 400, error: 'Bad Request', message: 'request body is not valid JSON' };
      }
      return {
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'internal error (see the engine log)',
      };
    }
    const statusCode = exception.getStatus();
    const raw = exception.getResponse();
    const error = reasonPhrase(statusCode);
    if (typeof raw === 'string') return { statusCode, error, message: this.redactor.redact(raw) };
    const payload = raw as { message?: unknown; error?: unknown; details?: unknown };
    const messages = Array.isArray(payload.message) ? payload.message.map(String) : undefined;
    const message =
      messages !== undefined
        ? messages.join('; ')
        : typeof payload.message === 'string'
          ? payload.message
          : exception.message;
    const details = messages ?? (Array.isArray(payload.details) ? payload.details.map(String) : undefined);
    return {
      statusCode,
      error,
      message: this.redactor.redact(message),
      ...(details ? { details: details.map((d) => this.redactor.redact(d)) } : {}),
    };
  }
}
