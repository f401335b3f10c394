import {
  type MeshService,
  type ProcessExit,
  serviceMainFile,
  ServiceProcess,
  serviceSourceFile,
  serviceUrl,
  waitUntilReady,
} from '@mesh/mesh-start';
import { join } from 'node:path';

import type { DomainName } from '../../../kit/src/api/domain-apis';
import { ServiceLog } from './service-log';

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

/** An exit the scenario did not cause. */
export interface Crash {
  service: DomainName;
  exit: ProcessExit;
  lastLines: string[];
}

/**
 * The three domain services as separate processes (npm start's ServiceProcess), each on its own
 * port with one environment, logs to one file per service. Knows which exits it caused (a kill
 * it was asked for, a stop) so that any other exit is reported as a crash.
 */
export class MeshProcesses {
  readonly crashes: Crash[] = [];
  readonly starts = new Map<DomainName, number>();
  private readonly running = new Map<DomainName, ServiceProcess>();
  private readonly expectedExits = new Set<ServiceProcess>();
  private readonly logs = new Map<DomainName, ServiceLog>();

  constructor(
    readonly services: ReadonlyMap<DomainName, MeshService>,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
    /** Run each service from its TypeScript sources instead of its build. */
    private readonly fromSource = false,
  ) {}

  url(name: DomainName): string {
    return serviceUrl(this.service(name));
  }

  pid(name: DomainName): number | undefined {
    return this.running.get(name)?.pid;
  }

  logOf(name: DomainName): ServiceLog {
    const log = this.logs.get(name) ?? new ServiceLog(join(this.logDir, `${name}.log`));
    this.logs.set(name, log);
    return log;
  }

  async startAll(): Promise<void> {
    await Promise.all([...this.services.keys()].map((name) => this.start(name)));
  }

  /** Starts the service and waits until `/health/ready` answers 200. */
  async start(name: DomainName): Promise<void> {
    if (this.running.has(name)) throw new Error(`${name} is already running`);
    const service = this.service(name);
    const log = this.logOf(name);
    const mainFile = this.fromSource ? serviceSourceFile(name) : serviceMainFile(name);
    const child = ServiceProcess.start(service, mainFile, this.env, (line) => log.write(line));
    this.running.set(name, child);
    this.starts.set(name, (this.starts.get(name) ?? 0) + 1);
    void child.exited.then((exit) => {
      if (this.running.get(name) === child) this.running.delete(name);
      if (!this.expectedExits.has(child) && !child.isStopping)
        this.crashes.push({ service: name, exit, lastLines: child.lastLines() });
    });
    await waitUntilReady(child, serviceUrl(service), READY_TIMEOUT_MS);
  }

  /** SIGKILL, as when a host dies: no draining, no goodbye. Resolves once the process is gone. */
  async kill(name: DomainName): Promise<void> {
    const child = this.running.get(name);
    if (!child?.pid) throw new Error(`${name} is not running`);
    this.expectedExits.add(child);
    process.kill(child.pid, 'SIGKILL');
    await child.exited;
  }

  isRunning(name: DomainName): boolean {
    return this.running.has(name);
  }

  /** Stops every service gracefully (SIGTERM, they drain) and closes the log files. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.running.values()].map((child) => child.stop(STOP_TIMEOUT_MS)));
    await Promise.all([...this.logs.values()].map((log) => log.close()));
  }

  private service(name: DomainName): MeshService {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} is not part of this mesh`);
    return service;
  }
}
