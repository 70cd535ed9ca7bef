// Runs once before all e2e tests: start every run with an empty screenshots folder,
// so what is in test-results/screenshots/ afterwards is exactly this run's.
import fs from 'node:fs';
import { SCREENSHOT_DIR } from './paths';

export default function globalSetup(): void {
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
}
