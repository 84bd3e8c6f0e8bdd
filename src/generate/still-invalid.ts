import { isValidRequest } from "../core/contract/schemas.js";
import { decodedDocument } from "../core/usersig/verify.js";
import type { Mutated } from "./mutation.js";

/**
 * Re-validation right before sending, after any shrinking: a case that became
 * valid is never sent as "invalid data", so it can never be reported as
 * "invalid data accepted". Body defects are judged by schemas/group_add.json,
 * raw bodies by whether they parse into a valid request at all, query defects
 * by differing from the credentials of a normal call.
 */
export function stillInvalid(m: Mutated, normal: Record<string, string>): boolean {
  if (m.query) return Object.entries(m.query).some(([k, v]) => differs(k, v, normal[k]));
  if (m.raw !== undefined) {
    try {
      return !isValidRequest("group_add", JSON.parse(m.raw));
    } catch {
      return true;
    }
  }
  return !isValidRequest("group_add", m.body);
}

/** A usersig differs only if it decodes to another document (or to none). */
function differs(name: string, value: string | null, normal: string | undefined): boolean {
  if (value === normal) return false;
  if (name !== "usersig" || value === null || normal === undefined) return true;
  const doc = decodedDocument(value);
  return doc === undefined || doc !== decodedDocument(normal);
}
