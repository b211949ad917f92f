import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createEngineApp, startEngineApp } from './bootstrap';
import { RedactingLogger } from './common/logging/redacting-logger';
import { ConfigValidationError, loadConfiguration, processEnvironment } from './config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';

async function main(): Promise<void> {
  const logger = new RedactingLogger();
  Logger.overrideLogger(logger);
  const log = new Logger('Main');
  let configuration = loadConfiguration(processEnvironment());

  let embedded: EmbeddedPostgres | undefined;
  if (!configuration.database.url) {
    log.log('DATABASE_URL is not set: starting the embedded Postgres');
    embedded = await startEmbeddedPostgres({
      dataDir: configuration.app.dataDir,
      port: configuration.database.embeddedPort,
      log: (message) => log.log(message),
    });
    configuration = { ...configuration, database: { ...configuration.database, url: embedded.url } };
  }

  let app: Awaited<ReturnType<typeof createEngineApp>>;
  try {
    app = await createEngineApp(configuration, logger);
    await startEngineApp(app, configuration.app.port, configuration.app.host);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  log.log(`wiztc engine listening on ${await app.getUrl()} (OpenAPI at /api/v1/openapi.json)`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    log.log(`${signal}: shutting down`);
    void app
      .close()
      .then(() => embedded?.stop())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigValidationError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  new RedactingLogger().error(message);
  process.exit(1);
});
