import type { AppDeps } from '../shared/deps';

export async function seedDemoBookIfEmpty(_deps: AppDeps, _log: (line: string) => void): Promise<void> {}
