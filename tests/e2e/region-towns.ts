// Towns' strategy files for the regional view's specs, made from the bundled examples: an
// example as it ships, and a copy as another town's file (the same helpers region.spec.ts
// keeps for itself).
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

export function example(key: 'kitamoto' | 'hokuto'): any {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', `${key}.json`), 'utf8'));
}

/** A copy of an example as another town's file: a fresh strategy id and another municipality. */
export function variant(file: any, id: string, name: string, code: string, replace: [string, string][] = []): any {
  let text = JSON.stringify(file, null, 2);
  for (const [from, to] of replace) text = text.split(from).join(to);
  const copy = JSON.parse(text);
  copy.strategy.id = id;
  copy.strategy.municipality = { ...copy.strategy.municipality, name, code };
  copy.strategy.title = copy.strategy.title.split(file.strategy.municipality.name).join(name);
  return copy;
}

/** The indicator of a strategy file with this name. */
export function indicatorNamed(file: any, name: string): any {
  const found = file.strategy.indicators.find((i: any) => i.name === name);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
}
