const plainStart = Buffer.from('{"data":{');
const errorsKey = Buffer.from('"errors":');
const extensionsKey = Buffer.from('"extensions":');
const closingBrace = '}'.charCodeAt(0);

/**
 * Whether a subgraph's complete answer is `{"data": {...}}` and nothing else. Apollo Server writes it with
 * JSON.stringify, errors first when there are any: a body that starts `{"data":{`, ends with its brace and holds no
 * `"errors":` or `"extensions":` anywhere is one, which a byte search tells without parsing it. Anything else (a
 * field aliased `errors` included) is parsed to decide.
 */
export function isPlainSuccess(body: Buffer): boolean {
  const end = lastNonSpace(body);
  if (body.subarray(0, plainStart.length).equals(plainStart) && body[end] === closingBrace) {
    if (!body.includes(errorsKey) && !body.includes(extensionsKey)) return true;
  }
  let answer: unknown;
  try {
    answer = JSON.parse(body.toString('utf8'));
  } catch {
    return false;
  }
  if (typeof answer !== 'object' || answer === null) return false;
  const keys = Object.keys(answer);
  const { data } = answer as { data?: unknown };
  return keys.length === 1 && keys[0] === 'data' && typeof data === 'object' && data !== null && !Array.isArray(data);
}

function lastNonSpace(body: Buffer): number {
  let at = body.length - 1;
  while (at >= 0 && (body[at] === 0x0a || body[at] === 0x0d || body[at] === 0x20 || body[at] === 0x09)) at -= 1;
  return at;
}
