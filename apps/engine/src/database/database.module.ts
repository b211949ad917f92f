import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig, type ConfigType } from '../config';
import { buildDataSourceOptions } from './data-source-options';

/** TypeORM connection from the resolved DATABASE_URL (main.ts starts embedded Postgres first if needed). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (config: ConfigType<typeof databaseConfig>) => {
        if (!config.url) throw new Error('DATABASE_URL must be resolved before the database module starts');
        return buildDataSourceOptions(config.url);
      },
    }),
  ],
})
export class DatabaseModule {}
