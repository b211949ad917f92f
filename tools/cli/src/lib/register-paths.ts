import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';

type Resolve = (request: string, ...rest: unknown[]) => string;

/**
 * Makes `@wiztc/*` imports resolve to the sources named in tsconfig.base.json `paths`, so the CLI runs
 * straight from TypeScript with `node -r @swc-node/register`. Idempotent.
 */
export function registerWorkspacePaths(root = resolve(__dirname, '../../../..')): void {
  const mod = Module as unknown as { _resolveFilename: Resolve & { wiztcPaths?: boolean } };
  if (mod._resolveFilename.wiztcPaths) return;
  const config = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const paths = new Map(
    Object.entries(config.compilerOptions.paths).map(([alias, [target]]) => [
      alias,
      join(root, target ?? ''),
    ]),
  );
  const original = mod._resolveFilename;
  const patched: Resolve & { wiztcPaths?: boolean } = function (this: unknown, request, ...rest) {
    return original.call(this, paths.get(request) ?? request, ...rest);
  };
  patched.wiztcPaths = true;
  mod._resolveFilename = patched;
}
