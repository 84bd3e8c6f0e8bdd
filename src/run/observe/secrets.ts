import { EMULATOR_DEFAULTS } from "../../config/defaults.js";
import { Scrubber } from "../../emulator/scrub.js";
import { Redactor } from "../../transport/redact.js";

const PLACEHOLDER = "[REDACTED]";
/**
 * Query keys and header names that carry a credential, in any letter case: the usersig of the
 * REST API, and whatever a gateway in front of a staging system asks for (Authorization, Cookie,
 * an API key or token header).
 */
const CREDENTIAL = /sig|secret|token|passw|auth|cookie|key|session/i;
/** Distinct UserSigs learnt from the traffic and redacted by value, in every encoding. Clients reuse one. */
const MAX_LEARNT = 64;

/**
 * Everything observe keeps or writes passes through here first: the app's key (when given, in
 * every encoding the run's Redactor knows), the UserSigs the traffic carried (by value, up to 64;
 * past that, any run that decodes as a UserSig still goes, wherever it stands), and any value under
 * a credential-like query key or header name. The reports then go through the Redactor once more.
 */
export class ObservedSecrets {
  readonly redactor = new Redactor();
  private readonly scrubber: Scrubber;
  private readonly learnt = new Set<string>();

  constructor(secretKey?: string) {
    this.redactor.add(secretKey);
    // The emulator's development key is public; any other key is a secret wherever it appears.
    this.scrubber = new Scrubber(secretKey ?? EMULATOR_DEFAULTS.secretKey, EMULATOR_DEFAULTS.secretKey);
  }

  /** Remembers the credentials of a request's query so echoes of them are redacted too. */
  learn(query: ReadonlyArray<readonly [string, string]>): void {
    for (const [k, v] of query) {
      if (!CREDENTIAL.test(k) || v.length < 4 || this.learnt.has(v) || this.learnt.size >= MAX_LEARNT)
        continue;
      this.learnt.add(v);
      this.redactor.add(v);
    }
  }

  text(s: string): string {
    return this.redactor.redact(this.scrubber.text(s));
  }

  /** A raw query string with each credential-like value replaced, the rest as sent. */
  query(raw: string): string {
    return raw
      .split("&")
      .map((pair) => {
        const eq = pair.indexOf("=");
        const name = eq < 0 ? pair : pair.slice(0, eq);
        return eq >= 0 && CREDENTIAL.test(safeDecode(name)) ? `${name}=${PLACEHOLDER}` : pair;
      })
      .map((pair) => this.text(pair))
      .join("&");
  }

  headers(h: Record<string, string>): Record<string, string> {
    return Object.fromEntries(
      Object.entries(h).map(([k, v]) => [this.text(k), CREDENTIAL.test(k) ? PLACEHOLDER : this.text(v)]),
    );
  }
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
