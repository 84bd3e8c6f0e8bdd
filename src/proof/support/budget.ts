/**
 * The number of generated cases a property test runs: the full number normally, a tenth under
 * mutation testing (TIM_TESTS=mutation), where each of some 900 mutants reruns the tests.
 */
export function budget(runs: number): number {
  return process.env.TIM_TESTS === "mutation" ? Math.max(5, Math.ceil(runs / 10)) : runs;
}
