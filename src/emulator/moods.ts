/** The live service's moods that depend on time and counts, not on state: kept out of handle(). */
export class Moods {
  private window: number[] = [];
  private groupAdds = 0;
  constructor(
    private readonly o: {
      /** answer 60007 past this many calls in any second (docs/sources/tencent-im-rest.md §3.6) */
      throttlePerSecond?: number;
      /** answer 30006 to every Nth group_add */
      transientEvery?: number;
    },
  ) {}

  /** An envelope to answer instead of handling the call, or undefined. */
  intercept(path: string): string | undefined {
    const limit = this.o.throttlePerSecond;
    if (limit) {
      const now = Date.now();
      this.window = this.window.filter((t) => now - t < 1000);
      this.window.push(now);
      if (this.window.length > limit) return envelope(60007, "REST API call frequency limit exceeded");
    }
    if (
      this.o.transientEvery &&
      path.endsWith("/group_add") &&
      ++this.groupAdds % this.o.transientEvery === 0
    ) {
      return envelope(30006, "internal error, please retry");
    }
    return undefined;
  }
}

const envelope = (code: number, info: string): string =>
  JSON.stringify({ ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: info, ErrorDisplay: "" });
