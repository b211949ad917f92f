// Rows of `GET /v2/batch/{id}/errors`: `{errorReason, errorSource}`; the code sits in the reason as
// `... (0x1006): message` (the parsing TC's own feed template does).
import { TcBatchFailedError } from '../errors';
import type { TcBatchErrorRow } from '../model/batch.model';

const CODE = /\((0x[0-9A-Fa-f]{4})\):\s*([\s\S]*)$/;

export function parseBatchErrors(batchId: number, body: unknown): TcBatchErrorRow[] {
  const rows = typeof body === 'string' ? (JSON.parse(body) as unknown) : body;
  if (!Array.isArray(rows))
    throw new TcBatchFailedError(`batch ${batchId}: errors answer is not a list`, { batchId });
  return rows.map((row: { errorReason?: unknown; errorSource?: unknown }) => {
    const errorReason = typeof row.errorReason === 'string' ? row.errorReason : JSON.stringify(row);
    const m = CODE.exec(errorReason);
    const out: TcBatchErrorRow = {
      batchId,
      errorCode: m?.[1] ?? 'unknown',
      errorReason,
      errorMessage: m?.[2] ?? errorReason,
    };
    if (row.errorSource !== undefined)
      out.errorSource =
        typeof row.errorSource === 'string' ? row.errorSource : JSON.stringify(row.errorSource);
    return out;
  });
}
