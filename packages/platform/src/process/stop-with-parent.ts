import { readFileSync } from 'node:fs';

/**
 * A process started by the local stack must not outlive it: when its parent
 * dies (killed, or its terminal closed) the child is re-parented and would
 * keep running as an orphan holding ports and PostgreSQL connections.
 * `onParentGone` runs once, when the parent process id changes.
 *
 * Linux and macOS re-parent orphans, so `process.ppid` changing is the signal
 * (polled: there is no event for it). The timer is unref'd.
 */
export function stopWithParent(onParentGone: (reason: string) => void, pollMs = 500): () => void {
  const parent = process.ppid;
  let fired = false;
  const timer = setInterval(() => {
    if (fired || process.ppid === parent) return;
    fired = true;
    onParentGone(`parent process ${parent} is gone`);
  }, pollMs).unref();
  return () => clearInterval(timer);
}

/** Environment variable a parent sets so its children (services, the gateway) stop with it. */
export const stopWithParentVariable = 'VITRINE_STOP_WITH_PARENT';

/**
 * The chain of launcher processes above this one (`npm start` is npm, npm,
 * then us): ancestors whose command is node, npm or a shell running a script,
 * up to the first that is none of these (the user's terminal or IDE). Linux
 * only (/proc); elsewhere just the parent.
 */
export function launcherAncestors(): number[] {
  const chain: number[] = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < 8) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return chain.length ? chain : [process.ppid];
    }
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (!/^(node|npm.*|sh|dash|MainThread)$/.test(command)) break;
    chain.push(pid);
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  return chain.length ? chain : [process.ppid];
}

/** Calls `onGone` once when any of these processes no longer exists. */
export function stopWithProcesses(pids: readonly number[], onGone: (reason: string) => void, pollMs = 500): () => void {
  let fired = false;
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  const timer = setInterval(() => {
    if (fired) return;
    const gone = pids.find((pid) => !alive(pid));
    if (gone === undefined) return;
    fired = true;
    onGone(`launcher process ${gone} is gone`);
  }, pollMs).unref();
  return () => clearInterval(timer);
}
