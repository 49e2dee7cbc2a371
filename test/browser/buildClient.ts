import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Vitest globalSetup of the browser project: build the client into dist/client once, so the
 * servers the tests start serve the current code rather than whatever was built last.
 */
export async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test and Vite would bake that in (React's development build);
  // the tests should exercise what `npm run build` ships.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(rootDir, 'vite.config.ts'),
      root: path.join(rootDir, 'client'),
      logLevel: 'warn',
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
