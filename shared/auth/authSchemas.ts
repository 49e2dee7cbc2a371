import { z } from 'zod';
import { PasswordPolicy } from './passwordPolicy.js';
import { visibleNameSchema } from './visibleName.js';

export const usernameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');

export const loginRequestSchema = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(PasswordPolicy.maxLength),
  })
  .strict();

export const changePasswordRequestSchema = z
  .object({
    oldPassword: z.string().min(1).max(PasswordPolicy.maxLength),
    newPassword: z.string().min(1).max(PasswordPolicy.maxLength),
  })
  .strict();

/** A user as the API shows them. */
export interface PublicUser {
  id: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
}

export type LoginRequest = z.infer<typeof loginRequestSchema>;
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** The session cookie's name. */
export const SESSION_COOKIE = 'shh_session';

export const createUserRequestSchema = z
  .object({
    username: usernameSchema,
    displayName: visibleNameSchema(64),
    password: z.string().min(1).max(PasswordPolicy.maxLength),
  })
  .strict();

export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    displayName: visibleNameSchema(64).optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.displayName !== undefined || v.disabled !== undefined, 'nothing to change');

export const resetPasswordRequestSchema = z
  .object({ password: z.string().min(1).max(PasswordPolicy.maxLength) })
  .strict();

/** A numeric id in a URL path. */
export const idParamSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A user as admins see them. */
export interface AdminUserView extends PublicUser {
  disabled: boolean;
  lockedUntil: number | null;
  createdAt: number;
}
