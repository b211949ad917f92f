import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { JsonExceptionFilter } from './common/filters/json-exception.filter';
import { createValidationPipe } from './common/validation.pipe';
import type { Configuration } from './config/configuration';
import { runPendingMigrations } from './database/migrations';

export const API_PREFIX = 'api/v1';
export const OPENAPI_PATH = `/${API_PREFIX}/openapi.json`;

/** HTTP conventions shared by production and tests: prefix, validation, JSON errors, OpenAPI. */
export function configureEngineApp(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new JsonExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('wiztc engine')
      .setDescription('Wiz findings into ThreatConnect: tenants, jobs, tasks, batch errors')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'wiztc API key (wtc_…)' })
      .build(),
  );
  app
    .getHttpAdapter()
    .get(OPENAPI_PATH, (_req: unknown, res: { json(body: unknown): void }) => res.json(document));
}

/** Migrations once, before traffic; then module hooks (first admin, scheduler); then listen. */
export async function startEngineApp(app: INestApplication, port: number, host: string): Promise<void> {
  await runPendingMigrations(app.get(DataSource));
  await app.init();
  await app.listen(port, host);
}

/** Creates the production app for a configuration whose database URL is resolved. */
export async function createEngineApp(
  configuration: Configuration,
  logger: LoggerService,
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(configuration), { logger, abortOnError: false });
  configureEngineApp(app);
  return app;
}
