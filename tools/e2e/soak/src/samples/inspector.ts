/** The answer of one call of the Chrome DevTools protocol. */
interface ProtocolAnswer {
  id: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * Collects a process's garbage through its V8 inspector (`--inspect=127.0.0.1:<port>`), then
 * reads what its heap holds: the live set, which grows only with a leak, where `heapUsed` at a
 * random moment reads wherever the collector's sawtooth happens to be.
 * @returns the bytes in use on the heap after a full, memory-reducing collection.
 */
export async function heapAfterFullCollection(port: number, timeoutMs = 10_000): Promise<number> {
  const signal = AbortSignal.timeout(timeoutMs);
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`, { signal })).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  if (!targets[0]) throw new Error(`the inspector on port ${port} lists no target`);
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`cannot open the inspector on port ${port}`)), { once: true });
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    const call = protocolCaller(socket, signal);
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    if (typeof usage['usedSize'] !== 'number') throw new Error('Runtime.getHeapUsage gave no usedSize');
    return usage['usedSize'];
  } finally {
    socket.close();
  }
}

function protocolCaller(socket: WebSocket, signal: AbortSignal) {
  let lastId = 0;
  const waiting = new Map<number, (answer: ProtocolAnswer) => void>();
  socket.addEventListener('message', (message) => {
    const answer = JSON.parse(String(message.data)) as ProtocolAnswer;
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  return (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      lastId += 1;
      waiting.set(lastId, (answer) =>
        answer.error ? reject(new Error(`${method}: ${answer.error.message}`)) : resolve(answer.result ?? {}),
      );
      signal.addEventListener('abort', () => reject(new Error(`${method}: no answer in time`)), { once: true });
      socket.send(JSON.stringify({ id: lastId, method }));
    });
}
