import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import type { EntityManager } from 'typeorm';
import type { JobFileKind } from '@wiztc/contracts';
import { JobFile } from './job-file.entity';

export const JOB_FILES_DIR = Symbol('JOB_FILES_DIR');

/**
 * Gzipped job files under the data directory. Every file is written in numbered parts (a download page, a batch
 * chunk): a resumed stage overwrites a part, it never appends, so a file never holds anything twice.
 */
export class JobFilesService {
  constructor(private readonly root: string) {}

  partPath(tenantId: string, jobId: string, kind: JobFileKind, part: number): string {
    return path.join(
      this.root,
      'jobs',
      tenantId,
      jobId,
      `${kind}-${String(part).padStart(6, '0')}.ndjson.gz`,
    );
  }

  /** Writes one part (NDJSON, one item per line) and records it in the same transaction as the caller's work. */
  async writePart(
    em: EntityManager,
    ref: { tenantId: string; jobId: string },
    kind: JobFileKind,
    part: number,
    items: readonly unknown[],
  ): Promise<void> {
    const file = this.partPath(ref.tenantId, ref.jobId, kind, part);
    await mkdir(path.dirname(file), { recursive: true });
    const lines = Readable.from(
      (function* () {
        for (const item of items) yield `${JSON.stringify(item)}\n`;
      })(),
    );
    await pipeline(lines, createGzip(), createWriteStream(file));
    const { size } = await stat(file);
    await em
      .createQueryBuilder()
      .insert()
      .into(JobFile)
      .values({
        tenantId: ref.tenantId,
        jobId: ref.jobId,
        kind,
        part,
        path: file,
        bytes: String(size),
        items: items.length,
      })
      .orUpdate(['path', 'bytes', 'items'], ['job_id', 'kind', 'part'])
      .execute();
  }

  async readPart<T>(file: Pick<JobFile, 'path'>): Promise<T[]> {
    const text = gunzipSync(await readFile(file.path)).toString('utf8');
    return text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as T);
  }

  /** A gzip stream of every part of one kind, in order (concatenated gzip members are one valid gzip file). */
  stream(parts: readonly Pick<JobFile, 'path'>[]): Readable {
    return Readable.from(
      (async function* () {
        for (const part of parts) yield* createReadStream(part.path);
      })(),
      { objectMode: false },
    );
  }

  async removeJob(tenantId: string, jobId: string): Promise<void> {
    await rm(path.join(this.root, 'jobs', tenantId, jobId), { recursive: true, force: true });
  }
}
