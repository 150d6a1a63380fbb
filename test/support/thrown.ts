/** What `run` throws; a run that returns instead fails the test ("expected a throw"). */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}
