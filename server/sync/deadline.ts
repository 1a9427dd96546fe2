/**
 * Resolves or rejects as `promise` does, unless `ms` pass first: then rejects with
 * `Error(message)`. The promise itself goes on; callers that must not act on its late result
 * (a room given up while Redis was away) check a flag of their own.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
