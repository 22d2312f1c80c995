/** Usernames already in use: a set of normalized usernames, or a predicate. */
export type TakenUsernames = ReadonlySet<string> | ((candidate: string) => boolean);

const DEFAULT_MAX_ATTEMPTS = 10_000;

function isTakenBy(taken: TakenUsernames): (candidate: string) => boolean {
  return typeof taken === 'function' ? taken : (candidate) => taken.has(candidate);
}

/**
 * The first free username among `base`, `base2`, `base3`… (the smallest free one, so the
 * result only depends on what is taken). The API typically loads the tenant's usernames that
 * start with `base` into a Set and passes it here.
 *
 * @throws RangeError when `base` is empty or no candidate is free within `maxAttempts`.
 */
export function nextAvailableUsername(
  base: string,
  taken: TakenUsernames,
  maxAttempts = DEFAULT_MAX_ATTEMPTS,
): string {
  if (base === '') throw new RangeError('nextAvailableUsername: empty base');
  const isTaken = isTakenBy(taken);
  if (!isTaken(base)) return base;
  for (let n = 2; n <= maxAttempts; n += 1) {
    const candidate = `${base}${n}`;
    if (!isTaken(candidate)) return candidate;
  }
  throw new RangeError(
    `nextAvailableUsername: no free username for "${base}" within ${maxAttempts} attempts`,
  );
}
