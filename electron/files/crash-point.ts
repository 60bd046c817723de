/**
 * Named points where a test may kill the process, to prove that work interrupted there is finished
 * or undone by the next run. `CUSTODIAN_CRASH_AT=<name>` makes the process SIGKILL itself on
 * reaching that point: no finally blocks, no exit handlers, as a power cut or a killed task would.
 * Without the variable this does nothing.
 */
export function crashPoint(name: string): void {
  if (process.env.CUSTODIAN_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
