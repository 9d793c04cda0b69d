// Started detached by the stack: if the stack dies without stopping PostgreSQL (SIGKILL, a crash),
// this stops it (fast shutdown: open sessions end), then exits. It exits too once PostgreSQL is gone.
const [stackPid, postmasterPid] = process.argv.slice(2).map(Number);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const timer = setInterval(() => {
  if (!postmasterPid || !alive(postmasterPid)) return void clearInterval(timer);
  if (stackPid && alive(stackPid)) return;
  // Give the services a moment to notice their parent is gone and close their connections.
  setTimeout(() => {
    if (alive(postmasterPid)) process.kill(postmasterPid, 'SIGINT');
  }, 3_000);
  clearInterval(timer);
}, 500);
