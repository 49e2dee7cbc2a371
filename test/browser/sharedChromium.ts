import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from '../helpers/launchChromium.js';

/**
 * Vitest globalSetup of the browser project: one Chromium for all its files, each of which
 * connects to it (launchChromium) and closes only its own contexts.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchChromiumServer();
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
