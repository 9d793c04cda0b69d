import { startProcess, type ManagedProcess } from '@vitrine/local-infra';

export { isRunning, stopProcess, waitUntilReady, type LogSummary, type ManagedProcess } from '@vitrine/local-infra';

// Under load a failing service can log thousands of lines; the console gets a taste, the file gets all.
const echoLimit = 15;

/**
 * A server of the bench stack. Its output goes to a log file and is tallied,
 * so the report can say what the services complained about under load.
 */
export function startBenchProcess(name: string, entry: string, env: Record<string, string>, logDir: string): ManagedProcess {
  return startProcess(name, entry, env, { logDir, echoLimit });
}
