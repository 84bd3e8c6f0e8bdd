/**
 * Redaction by value: every secret the suite knows (the secret key, each UserSig
 * it minted or was given) is replaced wherever it appears, in URLs, bodies,
 * error messages and reports alike.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) {
      if (out.includes(s)) out = out.split(s).join("[REDACTED]");
      const enc = encodeURIComponent(s);
      if (enc !== s && out.includes(enc)) out = out.split(enc).join("[REDACTED]");
    }
    // A usersig in a URL is a secret even when the suite did not mint it.
    return out.includes("usersig=") ? out.replace(/([?&]usersig=)[^&\s"']+/g, "$1[REDACTED]") : out;
  }
}
