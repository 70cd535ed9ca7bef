import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
/** The sub-path dist/ is served under (see playwright.config.ts and static-server.mjs). */
export const BASE_PATH = '/towns/hokuto/shirube/';
