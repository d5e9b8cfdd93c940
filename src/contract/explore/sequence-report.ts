// How a difference is shown: the shrunk sequence as numbered curl commands (keys as the
// environment variables they came from), each with the target's reply and the model's, and the
// seed and path that replay it.
import type { PlayedStep } from './sequence-pair.js';

export interface Replay {
  seed: number;
  /** The path to the shrunk sequence (fast-check's, then its commands'): with the seed, a replay runs only that sequence. */
  path: string | undefined;
}

export function replayLine({ seed, path }: Replay): string {
  const pathFlag = path ? ` --explore-path ${path}` : '';
  return `seed ${seed}${path ? `, path ${path}` : ''}: replay it with --explore 1 --seed ${seed}${pathFlag} (runContract: { explore: 1, seed: ${seed}${path ? `, explorePath: '${path}'` : ''} })`;
}

/** The sequence, one numbered step a line, each reply under its call. */
export function sequenceLines(played: readonly PlayedStep[]): string[] {
  return played.flatMap((step, index) => [
    `${String(index + 1).padStart(2)}. ${step.curl ?? `# ${step.step}`}`,
    `    target: ${step.target}`,
    `    model:  ${step.model}`,
  ]);
}
