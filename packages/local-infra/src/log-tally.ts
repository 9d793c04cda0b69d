/** What a child process logged, for a report to say what the services complained about. */
export interface LogSummary {
  /** Lines by pino level name (or `raw` for non-JSON output such as stack traces). */
  byLevel: Record<string, number>;
  /** warn-and-above messages, most frequent first. */
  topProblems: { level: string; message: string; count: number }[];
  /** Where every line went, when the process logs to a file. */
  file?: string;
}

const pinoLevels: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** Counts lines by level and warn-and-above messages by text. */
export function createLogTally(file?: string) {
  const byLevel: Record<string, number> = {};
  const problems = new Map<string, { level: string; message: string; count: number }>();
  return {
    add(line: string): void {
      const { level, message } = parseLine(line);
      byLevel[level] = (byLevel[level] ?? 0) + 1;
      if (level === 'warn' || level === 'error' || level === 'fatal' || level === 'raw') {
        const key = `${level}\u0000${message}`;
        const entry = problems.get(key) ?? { level, message, count: 0 };
        entry.count += 1;
        problems.set(key, entry);
      }
    },
    summary: (): LogSummary => ({
      byLevel: { ...byLevel },
      topProblems: [...problems.values()].sort((a, b) => b.count - a.count).slice(0, 8),
      file,
    }),
  };
}

/** Chunks split lines anywhere; workers of the gateway cluster share one pipe. */
export function lineSplitter(onLine: (line: string) => void) {
  let rest = '';
  return (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
}

function parseLine(line: string): { level: string; message: string } {
  if (line.startsWith('{')) {
    try {
      const parsed = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      const level = pinoLevels[parsed.level ?? 0] ?? 'raw';
      const detail = parsed.err?.message && parsed.err.message !== parsed.msg ? ` (${parsed.err.message})` : '';
      return { level, message: truncate(`${parsed.msg ?? ''}${detail}`) };
    } catch {
      // not JSON after all
    }
  }
  return { level: 'raw', message: truncate(line.trim()) };
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
