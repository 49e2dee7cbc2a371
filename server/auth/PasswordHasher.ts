import { hash, verify } from '@node-rs/argon2';

/** The argon2id cost of new hashes; verifying reads the cost from the hash itself. */
export interface PasswordCost {
  /** KiB of memory; argon2 needs at least 8 per lane. */
  memoryCost: number;
  /** Passes over that memory, at least 1. */
  timeCost: number;
  /** Lanes. */
  parallelism: number;
}

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
export const PRODUCTION_PASSWORD_COST: Readonly<PasswordCost> = Object.freeze({
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

// Argon2id. The package exports the algorithms as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

/**
 * Hashes and checks passwords with argon2id. The cost is given by whoever starts the server
 * (`startApp`), never read from the environment, so no deployment can weaken it by
 * configuration; tests start theirs at argon2's minimum.
 */
export class PasswordHasher {
  private readonly options: { algorithm: typeof ARGON2ID } & PasswordCost;

  constructor(cost: Readonly<PasswordCost> = PRODUCTION_PASSWORD_COST) {
    this.options = { algorithm: ARGON2ID, ...cost };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  /** Whether `password` matches; false for a hash that cannot be read. Any cost verifies. */
  async verify(hashed: string, password: string): Promise<boolean> {
    try {
      // No options: the encoded hash carries the algorithm and cost it was made with.
      return await verify(hashed, password);
    } catch {
      return false;
    }
  }
}
