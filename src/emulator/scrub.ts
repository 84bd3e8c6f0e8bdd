import { decodedDocument } from "../core/usersig/verify.js";
import { Redactor } from "../transport/redact.js";

const PLACEHOLDER = "[REDACTED]";
/** Query keys that carry a credential, in any letter case (issue 21: `UserSig` slipped past `usersig`). */
const CREDENTIAL_KEY = /sig|secret|token|passw/i;
/**
 * A run of UserSig characters (base64 with * - _, `*` maybe as %2A) long enough to be one. A UserSig
 * is zlib, so its base64 begins with `e` and a letter A-P (the byte 0x78).
 */
const SIG_RUN = /e[A-P](?:[A-Za-z0-9*_-]|%2[Aa]){30,}/g;

const isUserSig = (run: string): boolean =>
  decodedDocument(run.replace(/%2a/gi, "*"))?.includes('"TLS.sig"') ?? false;

/**
 * What the emulator keeps of a request (journal, client report) without the credentials in it: any
 * value under a credential-like query key, any run that decodes as a UserSig wherever it stands
 * (path, other keys, body; tampered and expired ones too), and the app's key when it is not the
 * public development default. A journal can then be shared.
 */
export class Scrubber {
  private readonly key = new Redactor();

  constructor(secretKey: string, publicDefault: string) {
    if (secretKey !== publicDefault) this.key.add(secretKey);
  }

  text(s: string): string {
    const out = s.length >= 32 ? s.replace(SIG_RUN, (m) => (isUserSig(m) ? PLACEHOLDER : m)) : s;
    return this.key.redact(out);
  }

  query(q: Record<string, string>): Record<string, string> {
    return Object.fromEntries(
      Object.entries(q).map(([k, v]) => [this.text(k), CREDENTIAL_KEY.test(k) ? PLACEHOLDER : this.text(v)]),
    );
  }
}
